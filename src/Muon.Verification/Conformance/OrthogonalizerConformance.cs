using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Conformance;

/// <summary>
/// The orthogonalizer level of the conformance oracle. Which properties run depends on what the
/// implementation declares:
/// <list type="bullet">
/// <item><c>exact</c>: the seven common laws and the three exact-polar laws against <see cref="ExactPolar"/>;</item>
/// <item><c>newton-schulz</c>: the seven common laws against the declared schedule (the spectral-map law checks
/// the declared φ); exact-polar laws NOT APPLICABLE;</item>
/// <item>nothing / <c>unknown</c>: the six symmetry laws with the Keller quintic's tolerances (the largest
/// derivative growth of the published schedules) and the <see cref="OrthogonalizedBand"/>; spectral-map and
/// exact-polar laws NOT APPLICABLE;</item>
/// <item><c>dtype</c> float32: every law runs with its tolerance derived for float32's unit roundoff u = 2⁻²⁴
/// (<see cref="Tolerances.UnitRoundoff"/>) instead of 2⁻⁵³ — the same formulas, no widened constant;</item>
/// <item><c>dtype</c> bfloat16 or float16: the first-order bounds are vacuous (u = 2⁻⁸, 2⁻¹¹), so every law that compares
/// outputs is judged against the oracle's emulation of the declared orthogonalizer (Keller quintic when none is declared) in
/// the same arithmetic, normalized in <c>normalization_dtype</c> (<see cref="LawCalibration"/>); rank preservation, whose
/// threshold needs a round-off gap that 16-bit output does not leave, is NOT APPLICABLE (reason given).</item>
/// </list>
/// The descent-direction property (⟨O(G), G⟩ &gt; 0) applies to every implementation.
/// A session failure (crash, hang, garbage, id mismatch) turns the property that hit it into PROTOCOL ERROR
/// and every later property into PROTOCOL ERROR "not run", so a broken peer costs at most one timeout.
/// </summary>
public static class OrthogonalizerConformance
{
    /// <summary>Every property id this level reports on, in table order.</summary>
    public static IReadOnlyList<string> PropertyIds { get; } =
    [
        "orthogonalizer/zero-in-zero-out",
        "orthogonalizer/odd-symmetry",
        "orthogonalizer/transpose-equivariance",
        "orthogonalizer/left-orthogonal-equivariance",
        "orthogonalizer/right-orthogonal-equivariance",
        "orthogonalizer/positive-scale-invariance",
        "orthogonalizer/spectral-map",
        "exact-polar/partial-isometry",
        "exact-polar/nuclear-norm-pairing",
        "exact-polar/rank-preservation",
        "orthogonalizer/orthogonalized-band",
        "orthogonalizer/descent-direction",
    ];

    /// <summary>Checks a started protocol implementation at this level alone.</summary>
    public static ConformanceReport Check(ProcessImplementation implementation, string command, RunSettings settings, TextWriter? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var session = new ConformanceSession(implementation);
        var (mode, results) = Run(session, settings, progress);
        return ConformanceSuite.Report(session, command, settings, mode, results, clock.Elapsed);
    }

    /// <summary>Runs this level against the session's <c>orthogonalize</c> op under its declarations.</summary>
    public static LevelResult Run(ConformanceSession session, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        if (!session.Hello.CanOrthogonalize)
            return LevelResult.NotApplicable("no orthogonalize capability", PropertyIds, "the implementation does not list the \"orthogonalize\" capability.");
        var precision = new PrecisionObservation();
        var subject = PrecisionObservation.Observing(new ProcessOrthogonalizer(session.Client, session.Hello.Name), precision);
        var declares = session.Hello.Declares;
        var declared = declares.Orthogonalizer.ToReference();
        double? unitRoundoff = Tolerances.UnitRoundoff(declares.Dtype);
        bool lowPrecision = unitRoundoff is null;
        double u = unitRoundoff ?? Tolerances.U;
        var reference = declared ?? NewtonSchulz.KellerQuintic();
        var calibration = lowPrecision ? Calibration(reference, declares) : null;
        var laws = OrthogonalizerLaws.For(subject, reference, u: u, calibration: calibration).ToDictionary(l => l.Id);
        var polarCalibration = lowPrecision ? Calibration(ExactPolar.Default, declares) : null;
        if (declared is not ExactPolar)
            foreach (var law in OrthogonalizerLaws.For(subject, ExactPolar.Default, u: u, calibration: polarCalibration).Where(l => l.Id.StartsWith("exact-polar/", StringComparison.Ordinal)))
                laws[law.Id] = law;
        if (lowPrecision) laws["exact-polar/rank-preservation"] = OrthogonalizerLaws.RankPreservation(subject, new MatrixGenOptions(), u);
        var observed = new BandObservation();
        var band = OrthogonalizedBand.Property(subject, observed);
        laws["orthogonalizer/descent-direction"] = DescentDirection.Property(subject);
        string mode = declared switch
        {
            ExactPolar => "declared exact polar",
            NewtonSchulz ns => $"declared Newton–Schulz ({ns.Steps} steps, cushion {ns.Schedule.InputCushion}, eps {ns.Eps})",
            _ => "nothing declared: symmetry laws with Keller-quintic tolerances + default orthogonalized band",
        } + (lowPrecision ? $"; dtype {declares.Dtype}: law tolerances calibrated against the oracle's emulation ({calibration!.Emulation.Name}, factor {Harness.Formatting.R(calibration.Factor)})"
            : u != Tolerances.U ? $"; dtype {declares.Dtype}: law tolerances derived for u = {Harness.Formatting.R(u)}" : "");

        var plan = PropertyIds.Select(id =>
        {
            var spec = id == band.Id ? band : laws[id];
            return new PlannedProperty(id, spec.Claim, spec, NotApplicableReason(id, declared, lowPrecision, declares.Dtype))
            {
                Annotate = id == band.Id ? r => WithBandProfile(r, observed) : null,
            };
        });
        var results = PropertyLoop.Run(plan, session.Client, settings, progress);
        return new LevelResult($"{mode}; {precision.Describe(FloatFormat.Parse(declares.Dtype)!)}", results);
    }

    /// <summary>A passing band reports the measured σ(O(G)) range.</summary>
    private static ConformanceResult WithBandProfile(ConformanceResult r, BandObservation observed)
        => r.Verdict == ConformanceVerdict.Pass && double.IsFinite(observed.Min)
            ? r with { Measured = observed.Min, Bound = $"[{OrthogonalizedBand.Lower}, {OrthogonalizedBand.Upper}]", Message = $"measured σ(O(G)) range [{Harness.Formatting.R(observed.Min)}, {Harness.Formatting.R(observed.Max)}]" }
            : r;

    /// <summary>The calibration of a 16-bit subject's laws: the oracle's emulation of <paramref name="reference"/> in the declared arithmetic.</summary>
    private static LawCalibration Calibration(ISpectralOrthogonalizer reference, Declarations declares)
        => new(new EmulatedOrthogonalizer(reference, FloatFormat.Parse(declares.Dtype)!, FloatFormat.Parse(declares.NormalizationDtype ?? declares.Dtype)));

    private static string? NotApplicableReason(string id, ISpectralOrthogonalizer? declared, bool lowPrecision, string? dtype)
    {
        bool isBand = id == "orthogonalizer/orthogonalized-band";
        if (id is "orthogonalizer/descent-direction" or "orthogonalizer/zero-in-zero-out") return null; // no tolerance: every implementation, every dtype
        if (lowPrecision && id == "exact-polar/rank-preservation" && declared is ExactPolar)
            return $"declared dtype {dtype}: ranks are counted above a threshold between round-off and genuine singular values; {dtype} output leaves round-off directions at ≈ √k·u of σ₁ (u = {Harness.Formatting.R(FloatFormat.Parse(dtype)!.UnitRoundoff)}, k ≤ 12), as large as the genuine ones of generated inputs (down to σ₁/κ, κ ≤ {Harness.Formatting.R(new MatrixGenOptions().MaxKappa)}).";
        if (isBand)
            return declared is null ? null : "a schedule is declared: the spectral-map law judges the output against it.";
        if (id.StartsWith("exact-polar/", StringComparison.Ordinal) && declared is not ExactPolar)
            return declared is null
                ? "not declared exact: the exact-polar characterization applies only to {\"kind\":\"exact\"}."
                : "declared Newton–Schulz: the exact-polar characterization does not apply.";
        if (id == "orthogonalizer/spectral-map" && declared is null)
            return "no schedule declared: nothing to compare the spectral map with; the orthogonalized band judges the output.";
        return null;
    }
}
