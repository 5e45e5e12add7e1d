using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Generators.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// The hypotheses of the two-step alignment claim, each switchable so that the documented failure modes can be run
/// as negative controls.
/// </summary>
/// <param name="Init">Orthogonal (the claim) or Gaussian (failure mode).</param>
/// <param name="FirstStepFactor">η₁ = factor·α; the claim needs exactly 1 (failure mode: 1.5).</param>
/// <param name="WidthRatios">d/n drawn from these; the claim needs d ≥ n (failure modes: 0.25, 0.5).</param>
/// <param name="OrientationMatch">At d = n, flip column 0 of P₀ when det(P₀)det(Q₀)det(M*) &lt; 0 (failure mode: off).</param>
public sealed record TwoStepHypotheses(MfInit Init, double FirstStepFactor, IReadOnlyList<double> WidthRatios, bool OrientationMatch)
{
    /// <summary>The claim's hypotheses: orthogonal init, η₁ = α, d/n ∈ {1, 2, 4}, orientation-matched.</summary>
    public static TwoStepHypotheses Claim { get; } = new(MfInit.Orthogonal, 1, [1, 2, 4], true);

    /// <inheritdoc />
    public override string ToString()
        => $"init={Init}, η₁={R(FirstStepFactor)}α, d/n∈{{{string.Join(", ", WidthRatios.Select(R))}}}, orientation-match={OrientationMatch}";
}

/// <summary>
/// F — two-step alignment (arXiv 2606.30509; theory sheet §F). Orthogonal init at scale α, d ≥ n (orientation-matched
/// at d = n), <c>η₁ = α</c> exactly, then <c>η₂ = √s₁</c>: step 1 co-aligns (P₁ = U X, Q₁ = V X; the α-parts cancel
/// only when η₁ = α), step 2 aligns the product: <c>μ_out ≤ 1.82·α/√s₁</c> after two steps.
/// </summary>
/// <remarks>
/// Generator: m = n ∈ [2,8], d = (d/n)·n with d/n from the hypotheses, s₁ ∈ logU[0.1,10], κ ∈ logU[1.5,100]
/// (log-uniform interior), α ∈ √s₁·logU[1e-8, 1e-3] (the sheet does not state its α range; the bound is linear in α, and
/// D3's schedule uses α = 1e-8√s₁).
/// </remarks>
public static class TwoStepAlignmentSpecs
{
    /// <summary>Cases per spec (two steps each: cheap).</summary>
    public const int StandardCases = 200;

    /// <summary>The constant of the bound μ_out ≤ C·α/√s₁ (sheet: held in 100% of 1000 draws).</summary>
    public const double BoundConstant = 1.82;

    /// <summary>The F generator under hypotheses <paramref name="h"/>.</summary>
    public static Arbitrary<MfCase> Cases(TwoStepHypotheses h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var gen =
            from n in Gen.Choose(2, 8)
            from ratio in Gen.Elements(h.WidthRatios.ToArray())
            from s1 in LogUniform(0.1, 10)
            from kappa in LogUniform(1.5, 100)
            from alphaUnit in LogUniform(1e-8, 1e-3)
            from seed in Seed()
            let d = Math.Max(1, (int)Math.Round(ratio * n))
            select new MfCase(n, n, d, n, s1, kappa, SpectrumShape.LogUniform, h.Init, alphaUnit * Math.Sqrt(s1), 0, 0, Math.Sqrt(s1), h.OrientationMatch, seed);
        return Arbitrary(gen, c => c.M == c.N && h.WidthRatios.Any(x => Math.Max(1, (int)Math.Round(x * c.N)) == c.D));
    }

    /// <summary>
    /// Two Muon steps with η = [η₁, √s₁] (η₁ = α under the claim) leave μ_out(P₂Q₂ᵀ) ≤ 1.82·α/√s₁. The constant is the
    /// sheet's (every draw of 1000); it is a bound on a leading-order term, so no floating-point slack is added (μ_out
    /// is computed to ~1e-15, far below 1.82·α/√s₁ ≥ 1.8e-8).
    /// </summary>
    public static PropertySpec MuOutAfterTwoSteps(MfSubject subject, TwoStepHypotheses? hypotheses = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var h = hypotheses ?? TwoStepHypotheses.Claim;
        return new PropertySpec(
            "mf/F/two-step-alignment" + (h == TwoStepHypotheses.Claim ? "" : $"[{h}]"),
            "Orthogonal init at scale α, d ≥ n, η = [α, √s₁]: after two Muon steps μ_out ≤ 1.82·α/√s₁.",
            "arXiv 2606.30509 (two-step alignment); theory sheet F",
            "1.82·α/√s₁ (sheet constant, 100% of 1000 draws); μ_out's rounding ~1e-15 is below the smallest bound 1.8e-8",
            StandardCases,
            () => Prop.ForAll(Cases(h), c =>
            {
                var pr = c.Problem;
                var target = TargetSvd.Of(pr.Target);
                double root = Math.Sqrt(c.S1);
                var schedule = StepSize.Sequence([h.FirstStepFactor * c.Alpha, root]);
                double muCo1 = double.NaN;
                var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(schedule), pr.P0, pr.Q0, 2, it =>
                {
                    if (it.T == 1) muCo1 = MatrixFactorizationMetrics.MuCo(it.P, it.Q, target);
                    return false;
                });
                double muOut = MatrixFactorizationMetrics.MuOut(last.P, last.Q, target);
                double bound = BoundConstant * c.Alpha / root;
                MfCheck.AtMost(muOut, bound, "μ_out after two steps", subject.Name, c,
                    $"μ_out/(α/√s₁)={R(muOut / (c.Alpha / root))}, μ_co after step 1={R(muCo1)}, hypotheses: {h}");
            })) { Subject = subject.Name };
    }
}
