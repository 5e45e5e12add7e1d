using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Claims;
using Muon.Verification.Harness;
using Muon.Verification.Subjects;

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
    /// <summary>Property ids, in report order (from the claim table: the exact-polar laws, then Newton–Schulz's).</summary>
    public static IReadOnlyList<string> PropertyIds => ClaimTable.Dynamics.Select(d => d.Property.Id).ToArray();

    /// <summary>Standard cases per property over the protocol (the claim table's; each case is one request per step).</summary>
    public static int CasesFor(string id) => ClaimTable.Dynamics.Single(d => d.Property.Id == id).Property.Cases;

    /// <summary>Runs the dynamics level against a greeted session; the conventions come from <see cref="ConformanceSession.Conventions"/>.</summary>
    public static LevelResult Run(ConformanceSession session, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var hello = session.Hello;
        if (!hello.HasOptimizer)
            return LevelResult.NotApplicable("no optimizer capability", PropertyIds, "the implementation does not list the \"optimizer\" capability: there is no trajectory to check.");
        if (Laws.Tolerances.UnitRoundoff(hello.Declares.Dtype) is not { } u)
            return LevelResult.NotApplicable($"dtype {hello.Declares.Dtype}", PropertyIds, $"declared dtype {hello.Declares.Dtype}: no round-off bound is derived for it (u = 2⁻⁸: the first-order bounds δ_t exceed the singular values they bound).");
        var declared = hello.Declares.Orthogonalizer;
        if (declared.Kind == OrthogonalizerKind.Unknown)
            return LevelResult.NotApplicable("orthogonalizer undeclared", PropertyIds, "no orthogonalizer declared: the exact-polar laws (B1, C1) need {\"kind\":\"exact\"} and the B2 tolerance needs declared Newton–Schulz coefficients; the default band gives no trajectory bound.");
        OptimizerConventions conventions;
        OptimizerArithmetic arithmetic;
        try
        {
            conventions = session.Conventions();
            arithmetic = session.Arithmetic();
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            return LevelResult.ProtocolError("probe failed", PropertyIds, e.Message);
        }
        // The trajectory rounds to the parameters' format every step: the bounds take the larger of the two unit roundoffs.
        string paramDtype = arithmetic.Parameters.Name;
        if (Laws.Tolerances.UnitRoundoff(paramDtype) is not { } uParams)
            return LevelResult.NotApplicable($"param dtype {paramDtype}", PropertyIds, $"{arithmetic.Account}: no round-off bound is derived for {paramDtype} parameters (u = 2⁻⁸ or 2⁻¹¹: the first-order bounds δ_t exceed the singular values they bound; the dynamics level is not yet calibrated in 16-bit).");
        string dtype = hello.Declares.Dtype ?? "float64";
        if (uParams > u)
            (u, dtype) = (uParams, paramDtype);
        if (conventions.Scale is not { } scale)
            return LevelResult.NotApplicable("shape scale unrecognized", PropertyIds, $"shape scale {conventions.ScaleSource}: the effective step η cannot be set through lr, so the trajectory is not the spec's (the optimizer/shape-scale verdict covers it).");

        var factory = ProtocolOptimizer.Subject(session.Client, hello.Name, scale, conventions.NesterovValues[0]);
        var specs = Build(factory, declared, u, dtype);
        string mode = $"momentum-free trajectories (β = 0, λ = 0 sent; lr = η_t/s with scale {OptimizerConventions.ScaleName(scale)} ({conventions.ScaleSource}); one optimizer.new per change of η_t); declared {(declared.Kind == OrthogonalizerKind.Exact ? "exact polar: B1, C1" : "Newton–Schulz: B2")}"
            + (u != Laws.Tolerances.U ? $"; round-off bounds δ_t for u = {Harness.Formatting.R(u)}" : "");
        var plan = PropertyIds.Select(id => specs[id] is ({ } spec, null)
            ? new PlannedProperty(id, "", spec with { Id = id, Subject = hello.Name, StandardCases = CasesFor(id) }, null)
            : new PlannedProperty(id, "", null, specs[id].NotApplicable));
        return new LevelResult(mode, PropertyLoop.Run(plan, session.Client, settings, progress));
    }

    /// <summary>
    /// Which dynamics properties apply to what the implementation declares, read from the claim table: a property applies
    /// when the declared orthogonalizer is in its claim's scope and the declared precision among its claim's precisions;
    /// otherwise it is NOT APPLICABLE with the row's reason.
    /// </summary>
    private static Dictionary<string, (PropertySpec? Spec, string? NotApplicable)> Build(OptimizerSubject muon, OrthogonalizerDeclaration declared, double u, string dtype)
    {
        var ns = declared.ToReference() as NewtonSchulz;
        var scope = declared.Kind == OrthogonalizerKind.Exact ? OrthogonalizerScope.ExactPolar : ns is not null ? OrthogonalizerScope.NewtonSchulz : OrthogonalizerScope.None;
        var precision = u == Laws.Tolerances.U ? Precisions.Float64 : u == Laws.Tolerances.UFloat32 ? Precisions.Float32 : Precisions.None;
        var subject = new DynamicsSubject(muon, ns, u);
        var result = new Dictionary<string, (PropertySpec?, string?)>();
        foreach (var (claim, property) in ClaimTable.Dynamics)
        {
            if (claim.AppliesTo != scope && claim.AppliesTo != OrthogonalizerScope.AnyOrthogonalizer)
                result[property.Id] = (null, property.OutOfScope);
            else if ((claim.Precisions & precision) == 0)
                result[property.Id] = (null, property.OutOfPrecision?.Invoke(dtype, u) ?? $"declared dtype {dtype}: the claim's tolerance is derived for {claim.Precisions} only.");
            else
                result[property.Id] = (property.Build(subject), null);
        }
        return result;
    }
}
