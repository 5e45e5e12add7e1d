using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
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
/// <item><c>dtype</c> bfloat16: no law tolerance is derived (u = 2⁻⁸ makes the first-order bounds vacuous), so the laws
/// with a tolerance are NOT APPLICABLE (reason given); the band, zero-in-zero-out and descent direction (no tolerance) run.</item>
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

    /// <summary>Checks a started protocol implementation.</summary>
    public static ConformanceReport Check(ProcessImplementation implementation, string command, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (mode, results) = implementation.Hello.CanOrthogonalize
            ? Run(implementation.Orthogonalizer, implementation.Declares, settings, () => implementation.Client.Fatal, progress)
            : ("no orthogonalize capability", PropertyIds.Select(id => ConformanceResult.NotApplicable(id, "", "the implementation does not list the \"orthogonalize\" capability.")).ToArray());
        return new ConformanceReport(command, implementation.Name, implementation.Hello.Capabilities, implementation.Declares.RawJson, mode,
            settings.Depth, results, implementation.Client.StderrTail, clock.Elapsed, implementation.Client.RequestCount, null);
    }

    /// <summary>
    /// Runs the properties for <paramref name="subject"/> under <paramref name="declares"/>; <paramref name="fatal"/>
    /// reports a broken session (return null for in-process subjects). Returns the mode description and the results.
    /// </summary>
    public static (string Mode, IReadOnlyList<ConformanceResult> Results) Run(
        IOrthogonalizer subject, Declarations declares, RunSettings settings, Func<ProtocolException?> fatal, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(declares);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fatal);
        var declared = declares.Orthogonalizer.ToReference();
        double? unitRoundoff = Tolerances.UnitRoundoff(declares.Dtype);
        bool lowPrecision = unitRoundoff is null;
        double u = unitRoundoff ?? Tolerances.U;
        var reference = declared ?? NewtonSchulz.KellerQuintic();
        var laws = OrthogonalizerLaws.For(subject, reference, u: u).ToDictionary(l => l.Id);
        if (declared is not ExactPolar)
            foreach (var id in PropertyIds.Where(i => i.StartsWith("exact-polar/", StringComparison.Ordinal)))
                laws[id] = OrthogonalizerLaws.For(subject, ExactPolar.Default, u: u).Single(l => l.Id == id);
        var observed = new BandObservation();
        var band = OrthogonalizedBand.Property(subject, observed);
        laws["orthogonalizer/descent-direction"] = DescentDirection.Property(subject);
        string mode = declared switch
        {
            ExactPolar => "declared exact polar",
            NewtonSchulz ns => $"declared Newton–Schulz ({ns.Steps} steps, cushion {ns.Schedule.InputCushion}, eps {ns.Eps})",
            _ => "nothing declared: symmetry laws with Keller-quintic tolerances + default orthogonalized band",
        } + (lowPrecision ? $"; dtype {declares.Dtype}: no law tolerances derived, judged by the band"
            : u != Tolerances.U ? $"; dtype {declares.Dtype}: law tolerances derived for u = {Generators.Formatting.R(u)}" : "");

        var results = new List<ConformanceResult>();
        foreach (var id in PropertyIds)
        {
            var spec = id == band.Id ? band : laws[id];
            string? reason = NotApplicableReason(id, declared, lowPrecision, declares.Dtype);
            if (reason is not null)
            {
                results.Add(ConformanceResult.NotApplicable(id, spec.Claim, reason));
                progress?.Write("-");
                continue;
            }
            if (fatal() is { } broken)
            {
                results.Add(new ConformanceResult(id, spec.Claim, ConformanceVerdict.ProtocolError, 0, null, null,
                    $"not run: the session broke earlier ({broken.Kind} on {broken.Request}).", null, null, null, TimeSpan.Zero));
                progress?.Write("E");
                continue;
            }
            var report = PropertyRunner.Run(spec, settings);
            var result = ConformanceResult.From(spec, report);
            if (fatal() is { } now)
                result = result with { Verdict = ConformanceVerdict.ProtocolError, Message = now.Message, Measured = null, Bound = null, Violation = null };
            else if (id == band.Id && result.Verdict == ConformanceVerdict.Pass && double.IsFinite(observed.Min))
                result = result with { Measured = observed.Min, Bound = $"[{OrthogonalizedBand.Lower}, {OrthogonalizedBand.Upper}]", Message = $"measured σ(O(G)) range [{Generators.Formatting.R(observed.Min)}, {Generators.Formatting.R(observed.Max)}]" };
            results.Add(result);
            progress?.Write(result.Verdict switch { ConformanceVerdict.Pass => ".", ConformanceVerdict.Fail => "F", _ => "E" });
        }
        progress?.WriteLine();
        return (mode, results);
    }

    private static string? NotApplicableReason(string id, ISpectralOrthogonalizer? declared, bool lowPrecision, string? dtype)
    {
        bool isBand = id == "orthogonalizer/orthogonalized-band";
        if (id is "orthogonalizer/descent-direction" or "orthogonalizer/zero-in-zero-out") return null; // no tolerance: every implementation, every dtype
        if (lowPrecision && !isBand)
            return $"declared dtype {dtype}: no law tolerance is derived for it (u = 2⁻⁸: the first-order round-off bounds exceed the quantities they bound); the band (≥ 0.08 margin) judges the output.";
        if (isBand)
            return declared is null || lowPrecision ? null : "a schedule is declared: the spectral-map law judges the output against it.";
        if (id.StartsWith("exact-polar/", StringComparison.Ordinal) && declared is not ExactPolar)
            return declared is null
                ? "not declared exact: the exact-polar characterization applies only to {\"kind\":\"exact\"}."
                : "declared Newton–Schulz: the exact-polar characterization does not apply.";
        if (id == "orthogonalizer/spectral-map" && declared is null)
            return "no schedule declared: nothing to compare the spectral map with; the orthogonalized band judges the output.";
        return null;
    }
}
