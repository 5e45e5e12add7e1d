namespace Muon.Reference.Orthogonalizers;

/// <summary>What a schedule does after its listed steps run out.</summary>
public enum ScheduleExtension
{
    /// <summary>Repeat the last listed step (Keller's quintic, Polar Express).</summary>
    RepeatLast,
    /// <summary>Cycle through the listed steps again.</summary>
    Cycle,
    /// <summary>Refuse to run more steps than listed.</summary>
    Strict,
}

/// <summary>One odd-polynomial step <c>p(x) = a x + b x³ + c x⁵</c>.</summary>
public readonly record struct QuinticStep(double A, double B, double C)
{
    /// <summary>p(x).</summary>
    public double Apply(double x)
    {
        double x2 = x * x;
        return x * (A + x2 * (B + C * x2));
    }

    /// <summary>p'(x) = a + 3b x² + 5c x⁴.</summary>
    public double Derivative(double x)
    {
        double x2 = x * x;
        return A + x2 * (3 * B + 5 * C * x2);
    }
}

/// <summary>
/// A Newton–Schulz coefficient schedule: the odd polynomial of each step, the extension rule, and the
/// input cushion c (the input is divided by <c>c·‖G‖_F + eps</c>). Published values are from the
/// implementations survey (see docs); Polar Express uses c = 1.01 and its steps 1–7 divided by
/// (1.01, 1.01³, 1.01⁵), as published.
/// </summary>
public sealed record CoefficientSchedule(string Name, IReadOnlyList<QuinticStep> Steps, ScheduleExtension Extension, double InputCushion = 1.0)
{
    // The published tables are static initializers, which run once per test process before Stryker can activate a
    // mutant, so the tool cannot test them (each "Stryker disable" below says so). They are pinned value by value
    // (NewtonSchulzTests: the Polar Express and You tables; CoefficientScheduleNamingTests: the names), and
    // hand-applied mutants of them fail those tests (docs/mutation.md).
    /// <summary>Classical cubic (1.5, −0.5, 0); converges to 1 on (0, √3).</summary>
    // Stryker disable all : static initializer (not activatable by Stryker); pinned by NewtonSchulzTests and CoefficientScheduleNamingTests
    public static CoefficientSchedule Cubic { get; } = new("cubic", [new(1.5, -0.5, 0)], ScheduleExtension.RepeatLast);

    /// <summary>Keller Jordan's quintic (3.4445, −4.7750, 2.0315), repeated.</summary>
    // Stryker disable all : static initializer (not activatable by Stryker); pinned by NewtonSchulzTests and CoefficientScheduleNamingTests
    public static CoefficientSchedule KellerQuintic { get; } = new("keller-quintic", [new(3.4445, -4.7750, 2.0315)], ScheduleExtension.RepeatLast);

    /// <summary>You/Cesista 5-step schedule; the last step repeats if more are asked for.</summary>
    // Stryker disable all : static initializer (not activatable by Stryker); pinned by NewtonSchulzTests and CoefficientScheduleNamingTests
    public static CoefficientSchedule You5 { get; } = new("you-5", [
        new(4.0848, -6.8946, 2.9270),
        new(3.9505, -6.3029, 2.6377),
        new(3.7418, -5.5913, 2.3037),
        new(2.8769, -3.1427, 1.2046),
        new(2.8366, -3.0525, 1.2012),
    ], ScheduleExtension.RepeatLast);

    /// <summary>Polar Express (arXiv 2505.16932), 8 steps, cushion 1.01, step 8 repeated.</summary>
    // Stryker disable all : static initializer (not activatable by Stryker); pinned by NewtonSchulzTests and CoefficientScheduleNamingTests
    public static CoefficientSchedule PolarExpress { get; } = new("polar-express", BuildPolarExpress(), ScheduleExtension.RepeatLast, 1.01);

    // Stryker disable all : static initializer (not activatable by Stryker); pinned by NewtonSchulzTests and CoefficientScheduleNamingTests
    private static QuinticStep[] BuildPolarExpress()
    {
        (double A, double B, double C)[] raw =
        [
            (8.28721201814563, -23.595886519098837, 17.300387312530933),
            (4.107059111542203, -2.9478499167379106, 0.5448431082926601),
            (3.9486908534822946, -2.908902115962949, 0.5518191394370137),
            (3.3184196573706015, -2.488488024314874, 0.51004894012372),
            (2.300652019954817, -1.6689039845747493, 0.4188073119525673),
            (1.891301407787398, -1.2679958271945868, 0.37680408948524835),
            (1.8750014808534479, -1.2500016453999487, 0.3750001645474248),
            (1.875, -1.25, 0.375),
        ];
        const double s = 1.01;
        return raw.Select((r, i) => i < 7
            ? new QuinticStep(r.A / s, r.B / (s * s * s), r.C / (s * s * s * s * s))
            : new QuinticStep(r.A, r.B, r.C)).ToArray();
    }
    // Stryker restore all

    /// <summary>The polynomial used at step <paramref name="k"/> (0-based).</summary>
    public QuinticStep At(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k < Steps.Count) return Steps[k];
        return Extension switch
        {
            ScheduleExtension.RepeatLast => Steps[^1],
            ScheduleExtension.Cycle => Steps[k % Steps.Count],
            _ => throw new InvalidOperationException($"schedule '{Name}' lists {Steps.Count} steps; step {k} was asked for and its extension rule is Strict."),
        };
    }
}
