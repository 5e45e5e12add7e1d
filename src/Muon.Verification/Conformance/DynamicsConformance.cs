using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Preconditioning;
using Muon.Verification.Specs.Quadratics;

namespace Muon.Verification.Conformance;

/// <summary>
/// The dynamics level of the conformance oracle: the theorem specs run against the implementation's own optimizer,
/// wrapped by <see cref="ProtocolOptimizer"/> (momentum-free, β = 0 and λ = 0 sent, shape scale divided out of lr).
/// Which specs apply follows from what the implementation declares:
/// <list type="bullet">
/// <item><c>{"kind":"exact"}</c>: B1 grid confinement (singular-value orbit, loss floor, two-cycle) and C1 κ-free
/// convergence under the annealed schedule η_t = 0.2ρᵗ — tolerances are float64 round-off bounds, no tuned constant;</item>
/// <item>a declared Newton–Schulz schedule: B2 coupled recursion <c>sᵢ ← |sᵢ − a·φ(sᵢ/‖s‖₂)|</c> with the declared φ
/// and its forward-error bound;</item>
/// <item>anything else NOT APPLICABLE with the reason (no declared map, no trajectory bound).</item>
/// </list>
/// For a declared float32 implementation the round-off bounds δ_t of B1/B2 take u = 2⁻²⁴ (same derivation); C1, whose
/// target 1e-6 has no round-off term, is NOT APPLICABLE; bfloat16 gets NOT APPLICABLE throughout.
/// Case counts are lower than the specs' own (each case is one request per step over the protocol; see
/// <see cref="CasesFor"/>), so a <c>--quick</c> check stays well under 30 s.
/// </summary>
public static class DynamicsConformance
{
    /// <summary>Property ids, in table order.</summary>
    public static IReadOnlyList<string> PropertyIds { get; } =
    [
        "dynamics/b1-singular-value-orbit",
        "dynamics/b1-loss-floor",
        "dynamics/b1-two-cycle",
        "dynamics/c1-kappa-free-convergence",
        "dynamics/b2-coupled-recursion",
    ];

    /// <summary>
    /// Standard cases per property. A B1 case is K + 4…6 steps (K = s_max/a ≲ 110) on ≤ 30×30, one request per step;
    /// a C1 case is four κ × ≲ 280 steps with a new handle per step (two requests); a B2 case is 30 steps.
    /// </summary>
    public static int CasesFor(string id) => id switch
    {
        "dynamics/c1-kappa-free-convergence" => 3,
        _ => 8,
    };

    /// <summary>Runs the dynamics level against a greeted session; returns the mode description and results.</summary>
    public static (string Mode, IReadOnlyList<ConformanceResult> Results) Run(ProtocolClient client, HelloReply hello, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hello);
        ArgumentNullException.ThrowIfNull(settings);
        if (!hello.HasOptimizer)
            return ("no optimizer capability", All("the implementation does not list the \"optimizer\" capability: there is no trajectory to check."));
        if (Laws.Tolerances.UnitRoundoff(hello.Declares.Dtype) is not { } u)
            return ($"dtype {hello.Declares.Dtype}", All($"declared dtype {hello.Declares.Dtype}: no round-off bound is derived for it (u = 2⁻⁸: the first-order bounds δ_t exceed the singular values they bound)."));
        var declared = hello.Declares.Orthogonalizer;
        if (declared.Kind == OrthogonalizerKind.Unknown)
            return ("orthogonalizer undeclared", All("no orthogonalizer declared: the exact-polar laws (B1, C1) need {\"kind\":\"exact\"} and the B2 tolerance needs declared Newton–Schulz coefficients; the default band gives no trajectory bound."));
        OptimizerConventions conventions;
        try
        {
            conventions = OptimizerConformance.Conventions(client, hello);
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            return ("probe failed", PropertyIds.Select(id => Error(id, e.Message)).ToArray());
        }
        if (conventions.Scale is not { } scale)
            return ("shape scale unrecognized", All($"shape scale {conventions.ScaleSource}: the effective step η cannot be set through lr, so the trajectory is not the spec's (the optimizer/shape-scale verdict covers it)."));

        var factory = ProtocolOptimizer.Factory(client, hello.Name, scale, conventions.NesterovValues[0]);
        var specs = Build(factory, declared, u, hello.Declares.Dtype ?? "float64");
        string mode = $"momentum-free trajectories (β = 0, λ = 0 sent; lr = η_t/s with scale {OptimizerConventions.ScaleName(scale)} ({conventions.ScaleSource}); one optimizer.new per change of η_t); declared {(declared.Kind == OrthogonalizerKind.Exact ? "exact polar: B1, C1" : "Newton–Schulz: B2")}"
            + (u != Laws.Tolerances.U ? $"; round-off bounds δ_t for u = {Generators.Formatting.R(u)}" : "");
        var results = new List<ConformanceResult>();
        foreach (var id in PropertyIds)
        {
            var (spec, reason) = specs[id];
            if (reason is not null)
            {
                results.Add(ConformanceResult.NotApplicable(id, spec?.Claim ?? "", reason));
                progress?.Write("-");
                continue;
            }
            if (client.Fatal is { } broken)
            {
                results.Add(Error(id, $"not run: the session broke earlier ({broken.Kind} on {broken.Request})."));
                progress?.Write("E");
                continue;
            }
            var run = spec! with { Id = id, Subject = hello.Name, StandardCases = CasesFor(id) };
            var result = ConformanceResult.From(run, PropertyRunner.Run(run, settings));
            if (client.Fatal is { } now) result = result with { Verdict = ConformanceVerdict.ProtocolError, Message = now.Message, Measured = null, Bound = null, Violation = null };
            results.Add(result);
            progress?.Write(result.Verdict switch { ConformanceVerdict.Pass => ".", ConformanceVerdict.Fail => "F", _ => "E" });
        }
        progress?.WriteLine();
        return (mode, results);
    }

    private static Dictionary<string, (PropertySpec? Spec, string? NotApplicable)> Build(OptimizerFactory muon, OrthogonalizerDeclaration declared, double u, string dtype)
    {
        bool exact = declared.Kind == OrthogonalizerKind.Exact;
        bool lowPrecision = u != Laws.Tolerances.U;
        var ns = declared.ToReference() as NewtonSchulz;
        const string notExact = "declared Newton–Schulz: grid confinement and the κ-free bound are laws of the exact polar factor (an approximate φ leaves the grid — B2); the coupled recursion is checked instead.";
        return new()
        {
            ["dynamics/b1-singular-value-orbit"] = exact ? (GridConfinementSpecs.SingularValueOrbit(muon, u), null) : (null, notExact),
            ["dynamics/b1-loss-floor"] = exact ? (GridConfinementSpecs.LossFloor(muon, u: u), null) : (null, notExact),
            ["dynamics/b1-two-cycle"] = exact ? (GridConfinementSpecs.TwoCycle(muon, u), null) : (null, notExact),
            ["dynamics/c1-kappa-free-convergence"] = !exact ? (null, notExact)
                : lowPrecision ? (null, $"declared dtype {dtype}: the convergence target ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F is within ≈ {Generators.Formatting.Short(1e-6 / u)}u of {dtype} round-off, so missing it does not show a κ-dependence (the spec has no round-off term to scale).")
                : (KappaFreeSpecs.MuonIterationsKappaFree(muon), null),
            ["dynamics/b2-coupled-recursion"] = ns is not null
                ? (InexactPolarSpecs.CoupledRecursion(muon, ns, u), null)
                : (null, "declared exact polar: the coupled recursion is B2's law for Newton–Schulz (for φ ≡ 1 it is the B1 orbit, checked above)."),
        };
    }

    private static ConformanceResult[] All(string reason) => PropertyIds.Select(id => ConformanceResult.NotApplicable(id, "", reason)).ToArray();

    private static ConformanceResult Error(string id, string message) => new(id, "", ConformanceVerdict.ProtocolError, 0, null, null, message, null, null, null, TimeSpan.Zero);
}
