using System.Globalization;
using Muon.Reference.Numerics;

namespace Muon.Reference.Optimizers;

/// <summary>A step-size (learning-rate) schedule η_t, t = 0, 1, 2, … .</summary>
public abstract record StepSize
{
    /// <summary>η_t for step <paramref name="t"/> (0-based).</summary>
    public abstract double At(int t);

    /// <summary>Constant η.</summary>
    public static StepSize Constant(double eta) => new ConstantStepSize(Guard.NonNegative(eta, nameof(eta)));

    /// <summary>Geometric η₀ρᵗ (simplified Muon's schedule; converges when η₀/(1−ρ) covers the distance).</summary>
    public static StepSize Geometric(double eta0, double rho)
    {
        Guard.NonNegative(eta0, nameof(eta0));
        if (!(rho > 0 && rho <= 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must lie in (0, 1].");
        return new GeometricStepSize(eta0, rho);
    }

    /// <summary>a₀/√(t+1).</summary>
    public static StepSize InverseSqrt(double a0) => new InverseSqrtStepSize(Guard.NonNegative(a0, nameof(a0)));

    /// <summary>The listed values, then <paramref name="then"/> (shifted to start at 0 where the list ends),
    /// e.g. the two-step schedule <c>[α, √s₁]</c> followed by halving. Without <paramref name="then"/>, the last value repeats.</summary>
    public static StepSize Sequence(IReadOnlyList<double> values, StepSize? then = null)
    {
        if (values.Count == 0) throw new ArgumentException("a step-size sequence needs at least one value.", nameof(values));
        foreach (var v in values) Guard.NonNegative(v, nameof(values));
        return new SequenceStepSize(values.ToArray(), then);
    }

    /// <summary>Formats a number in round-trip invariant form.</summary>
    protected static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Constant η.</summary>
public sealed record ConstantStepSize(double Eta) : StepSize
{
    /// <inheritdoc />
    public override double At(int t) => Eta;

    /// <inheritdoc />
    public override string ToString() => $"constant({R(Eta)})";
}

/// <summary>η₀ρᵗ.</summary>
public sealed record GeometricStepSize(double Eta0, double Rho) : StepSize
{
    /// <inheritdoc />
    public override double At(int t) => Eta0 * Math.Pow(Rho, t);

    /// <inheritdoc />
    public override string ToString() => $"geometric({R(Eta0)}·{R(Rho)}^t)";
}

/// <summary>a₀/√(t+1).</summary>
public sealed record InverseSqrtStepSize(double A0) : StepSize
{
    /// <inheritdoc />
    public override double At(int t) => A0 / Math.Sqrt(t + 1);

    /// <inheritdoc />
    public override string ToString() => $"inverse-sqrt({R(A0)})";
}

/// <summary>An explicit prefix, then another schedule (or the last value repeated).</summary>
public sealed record SequenceStepSize(double[] Values, StepSize? Then) : StepSize
{
    /// <inheritdoc />
    public override double At(int t)
    {
        if (t < Values.Length) return Values[t];
        return Then is null ? Values[^1] : Then.At(t - Values.Length);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", Values.Select(R))}]" + (Then is null ? "" : $" then {Then}");
}
