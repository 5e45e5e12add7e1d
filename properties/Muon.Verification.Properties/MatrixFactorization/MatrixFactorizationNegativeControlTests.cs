using Muon.Reference.Objectives;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.NegativeControls;
using Muon.Verification.Specs.MatrixFactorization;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.MatrixFactorization;

/// <summary>
/// Negative controls from the theory sheet: each spec is run against a deliberately wrong subject (swapped optimizer,
/// G/‖G‖_F instead of the polar factor, η_Q = 1.1·η_P, …) or with a hypothesis of the claim removed, and must FAIL.
/// </summary>
public sealed class MatrixFactorizationNegativeControlTests(ITestOutputHelper output)
{
    private static readonly MfSubject Muon = MfSubject.ReferenceMuon;
    private static readonly MfSubject Gd = MfSubject.GradientDescent;
    private static readonly MfSubject FrobeniusMuon = MfSubject.Muon(BrokenOrthogonalizers.FrobeniusNormalized);
    private static readonly MfSubject MuonQ11 = MfSubject.MuonWithQStepFactor(1.1);
    private static readonly MfSubject GdQ11 = MfSubject.GradientDescentWithQStepFactor(1.1);

    /// <summary>(control name, spec id it must reject, the failing spec).</summary>
    public static IReadOnlyList<(string Name, string Target, Func<PropertySpec> Spec)> All { get; } =
    [
        ("A1 Δ₁ under GD", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(Gd)),
        ("A1 G/‖G‖_F instead of polar", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(FrobeniusMuon)),
        ("A1 η_Q = 1.1·η_P (Muon)", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(MuonQ11)),
        ("A1 Δ₁ under GD (L_full)", "mf/A1/muon-delta1-exact-full", () => ExactConservationSpecs.MuonDelta1Conserved(Gd, LossConvention.Full)),
        ("A1 Δ₂ under Muon", "mf/A1/gd-delta2-factor-half", () => ExactConservationSpecs.GdImbalanceRecursion(Muon)),
        ("A1 η_Q = 1.1·η_P (GD)", "mf/A1/gd-delta2-factor-half", () => ExactConservationSpecs.GdImbalanceRecursion(GdQ11)),
        ("A1 L_half factor applied to L_full GD", "mf/A1/gd-delta2-factor-full", () => ExactConservationSpecs.GdImbalanceRecursion(Gd, LossConvention.Full, LossConvention.Half)),
        ("A2 Muon ratio claim on GD trajectories (swapped)", "mf/A2/muon-ratio", () => ApproximateConservationSpecs.MuonRatio(Gd, ConservationRegime.GdConvergent)),
        ("A2 G/‖G‖_F instead of polar (Muon ratio)", "mf/A2/muon-ratio", () => ApproximateConservationSpecs.MuonRatio(FrobeniusMuon)),
        ("A2 GD ratio claim on Muon trajectories (swapped)", "mf/A2/gd-ratio", () => ApproximateConservationSpecs.GdRatio(Muon, ConservationRegime.MuonSmallStep)),
        ("A2 GD Δ₂ drift claim on Muon trajectories (swapped)", "mf/A2/gd-delta2-drift", () => ApproximateConservationSpecs.GdDelta2Drift(Muon, ConservationRegime.MuonSmallStep)),
        ("B Muon Θ(ε) claim on GD trajectories (swapped)", "mf/B/muon-imbalance-theta-eps", () => BalancedSolutionSpecs.MuonImbalanceOrderEps(Gd, BalanceRegime.GradientDescent)),
        ("B GD Θ(ε²) claim on Muon trajectories (swapped)", "mf/B/gd-imbalance-theta-eps2", () => BalancedSolutionSpecs.GdImbalanceOrderEps2(Muon, BalanceRegime.Muon)),
        ("B Muon ε-scaling on GD trajectories (swapped)", "mf/B/muon-scaling", () => BalancedSolutionSpecs.MuonScaling(Gd, BalanceRegime.GradientDescent)),
        ("B GD ε²-scaling on Muon trajectories (swapped)", "mf/B/gd-scaling", () => BalancedSolutionSpecs.GdScaling(Muon, BalanceRegime.Muon)),
        ("C GD large-first claim on Muon trajectories (swapped)", "mf/C/gd-large-first", () => ModeTimingSpecs.GdLargeFirst(Muon, BalanceRegime.Muon)),
        ("C Muon small-first claim on GD trajectories (swapped)", "mf/C/muon-small-first", () => ModeTimingSpecs.MuonSmallFirst(Gd, BalanceRegime.GradientDescent)),
        ("D1 L_full Hessian declared as L_half", "mf/D1/hessian-spectrum-balanced-optimum", () => SharpnessSpecs.BalancedOptimumSpectrum(FullDeclaredHalf)),
        ("D1 balanced spectrum claimed at the unbalanced optimum c = 2", "mf/D1/hessian-spectrum-balanced-optimum", () => SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(), imbalance: 2)),
        ("D1 L_full Hessian declared as L_half (unbalanced)", "mf/D1/lambda-max-unbalanced-optimum", () => SharpnessSpecs.UnbalancedOptimumSharpness(FullDeclaredHalf)),
        ("D1 λ_max ≥ 2s₁ claimed at (P/2, Q/2), not a minimum", "mf/D1/global-minima-sharpness-at-least-2s1", () => SharpnessSpecs.GlobalMinimaSharpness(MfObjectiveSubject.Reference(), pointScale: 0.5)),
        ("D2 GD threshold law under Muon (swapped)", "mf/D2/gd-threshold", () => StabilitySpecs.GdThreshold(Muon)),
        ("D2 Muon boundedness under GD (swapped)", "mf/D2/muon-bounded-above-threshold", () => StabilitySpecs.MuonBoundedAboveThreshold(Gd)),
        ("D3 schedule A under GD (swapped)", "mf/D3/schedule-a-20-steps", () => AnnealingSpecs.ScheduleA(Gd)),
        ("D3 schedule A with G/‖G‖_F instead of polar", "mf/D3/schedule-a-20-steps", () => AnnealingSpecs.ScheduleA(FrobeniusMuon)),
        ("D3 schedule B under GD (swapped)", "mf/D3/schedule-b-300-steps", () => AnnealingSpecs.ScheduleB(Gd)),
        ("D3 GD baseline with annealed Muon (κ-independent subject)", "mf/D3/gd-baseline-proportional-to-kappa", () => AnnealingSpecs.GdBaseline(AnnealedMuon)),
        ("E rank-1 block recursion under GD (swapped)", "mf/E/rank1-block-tan-half-angle", () => AlignmentRecursionSpecs.RankOneBlockRecursion(Gd)),
        ("E rank-1 block recursion with η_Q = 1.1·η_P", "mf/E/rank1-block-tan-half-angle", () => AlignmentRecursionSpecs.RankOneBlockRecursion(MuonQ11)),
        ("E d = 1 outer recursion under GD (swapped)", "mf/E/d1-outer-alignment", () => AlignmentRecursionSpecs.OuterAlignmentRecursion(Gd)),
        ("E d = 1 outer recursion with η_Q = 1.1·η_P", "mf/E/d1-outer-alignment", () => AlignmentRecursionSpecs.OuterAlignmentRecursion(MuonQ11)),
        ("F Gaussian init", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { Init = MfInit.Gaussian })),
        ("F η₁ = 1.5α", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { FirstStepFactor = 1.5 })),
        ("F d/n ∈ {0.25, 0.5}", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { WidthRatios = [0.25, 0.5] })),
        ("F orientation mismatch at d = n", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { WidthRatios = [1.0], OrientationMatch = false })),
        ("F two-step schedule under GD (swapped)", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Gd)),
    ];

    /// <summary>Muon with schedule (B) at s₁ = 1, ignoring the constant step it is given: converges in ≈ 250 steps for every κ.</summary>
    private static MfSubject AnnealedMuon => new("muon[exact-polar]+schedule-b(ignores η)", _ => global::Muon.Reference.Optimizers.MuonOptimizer.WithStepSize(global::Muon.Reference.Optimizers.StepSize.Geometric(0.05, 0.97)));

    private static TwoStepHypotheses TwoStep => TwoStepHypotheses.Claim;

    private static MfObjectiveSubject FullDeclaredHalf => new("mf-objective[full, declared half]", (t, d) => new Muon.Reference.Objectives.MatrixFactorization(t, d, LossConvention.Full), LossConvention.Half);

    public static TheoryData<string> Controls()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void Spec_rejects_negative_control(string control)
    {
        var c = All.Single(x => x.Name == control);
        var spec = c.Spec();
        Assert.StartsWith(c.Target, spec.Id, StringComparison.Ordinal);
        PropertyAssert.Fails(spec, output);
    }

    [Fact]
    public void Every_spec_has_a_negative_control()
    {
        var covered = All.Select(c => c.Target).ToHashSet();
        var uncovered = MatrixFactorizationCatalogue.For().Select(s => s.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.True(uncovered.Length == 0, "specs without a negative control: " + string.Join(", ", uncovered));
    }
}
