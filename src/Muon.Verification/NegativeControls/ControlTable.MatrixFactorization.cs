using Muon.Reference.Objectives;
using Muon.Verification.Generators;
using Muon.Verification.Specs.MatrixFactorization;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

public static partial class ControlTable
{
    private static readonly OptimizerSubject Muon = OptimizerSubject.ReferenceMuon;
    private static readonly OptimizerSubject Gd = OptimizerSubject.GradientDescent;
    private static readonly OptimizerSubject FrobeniusMuon = OptimizerSubject.Muon(BrokenOrthogonalizers.FrobeniusNormalized);
    private static readonly OptimizerSubject MuonQ11 = OptimizerSubject.MuonWithQStepFactor(1.1);
    private static readonly OptimizerSubject GdQ11 = OptimizerSubject.GradientDescentWithQStepFactor(1.1);
    private static readonly TwoStepHypotheses TwoStep = TwoStepHypotheses.Claim;

    /// <summary>
    /// The matrix-factorization controls (theory sheet): each spec run against a deliberately wrong subject (swapped
    /// optimizer, G/‖G‖_F instead of the polar factor, η_Q = 1.1·η_P, …) or with a hypothesis of the claim removed.
    /// </summary>
    public static IReadOnlyList<Control> MatrixFactorization { get; } =
    [
        new("A1 Δ₁ under GD", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(Gd)),
        new("A1 G/‖G‖_F instead of polar", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(FrobeniusMuon)),
        new("A1 η_Q = 1.1·η_P (Muon)", "mf/A1/muon-delta1-exact-half", () => ExactConservationSpecs.MuonDelta1Conserved(MuonQ11)),
        new("A1 Δ₁ under GD (L_full)", "mf/A1/muon-delta1-exact-full", () => ExactConservationSpecs.MuonDelta1Conserved(Gd, LossConvention.Full)),
        new("A1 Δ₂ under Muon", "mf/A1/gd-delta2-factor-half", () => ExactConservationSpecs.GdImbalanceRecursion(Muon)),
        new("A1 η_Q = 1.1·η_P (GD)", "mf/A1/gd-delta2-factor-half", () => ExactConservationSpecs.GdImbalanceRecursion(GdQ11)),
        new("A1 L_half factor applied to L_full GD", "mf/A1/gd-delta2-factor-full", () => ExactConservationSpecs.GdImbalanceRecursion(Gd, LossConvention.Full, LossConvention.Half)),
        new("A2 Muon ratio claim on GD trajectories (swapped)", "mf/A2/muon-ratio", () => ApproximateConservationSpecs.MuonRatio(Gd, ConservationRegime.GdConvergent)),
        new("A2 G/‖G‖_F instead of polar (Muon ratio)", "mf/A2/muon-ratio", () => ApproximateConservationSpecs.MuonRatio(FrobeniusMuon)),
        new("A2 GD ratio claim on Muon trajectories (swapped)", "mf/A2/gd-ratio", () => ApproximateConservationSpecs.GdRatio(Muon, ConservationRegime.MuonSmallStep)),
        new("A2 GD Δ₂ drift claim on Muon trajectories (swapped)", "mf/A2/gd-delta2-drift", () => ApproximateConservationSpecs.GdDelta2Drift(Muon, ConservationRegime.MuonSmallStep)),
        new("B Muon Θ(ε) claim on GD trajectories (swapped)", "mf/B/muon-imbalance-theta-eps", () => BalancedSolutionSpecs.MuonImbalanceOrderEps(Gd, BalanceRegime.GradientDescent)),
        new("B GD Θ(ε²) claim on Muon trajectories (swapped)", "mf/B/gd-imbalance-theta-eps2", () => BalancedSolutionSpecs.GdImbalanceOrderEps2(Muon, BalanceRegime.Muon)),
        new("B Muon ε-scaling on GD trajectories (swapped)", "mf/B/muon-scaling", () => BalancedSolutionSpecs.MuonScaling(Gd, BalanceRegime.GradientDescent)),
        new("B GD ε²-scaling on Muon trajectories (swapped)", "mf/B/gd-scaling", () => BalancedSolutionSpecs.GdScaling(Muon, BalanceRegime.Muon)),
        new("C GD large-first claim on Muon trajectories (swapped)", "mf/C/gd-large-first", () => ModeTimingSpecs.GdLargeFirst(Muon, BalanceRegime.Muon)),
        new("C Muon small-first claim on GD trajectories (swapped)", "mf/C/muon-small-first", () => ModeTimingSpecs.MuonSmallFirst(Gd, BalanceRegime.GradientDescent)),
        new("D1 L_full Hessian declared as L_half", "mf/D1/hessian-spectrum-balanced-optimum", () => SharpnessSpecs.BalancedOptimumSpectrum(BrokenSubjects.FullDeclaredHalf)),
        new("D1 balanced spectrum claimed at the unbalanced optimum c = 2", "mf/D1/hessian-spectrum-balanced-optimum", () => SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(), imbalance: 2)),
        new("D1 L_full Hessian declared as L_half (unbalanced)", "mf/D1/lambda-max-unbalanced-optimum", () => SharpnessSpecs.UnbalancedOptimumSharpness(BrokenSubjects.FullDeclaredHalf)),
        new("D1 λ_max ≥ 2s₁ claimed at (P/2, Q/2), not a minimum", "mf/D1/global-minima-sharpness-at-least-2s1", () => SharpnessSpecs.GlobalMinimaSharpness(MfObjectiveSubject.Reference(), pointScale: 0.5)),
        new("D2 GD threshold law under Muon (swapped)", "mf/D2/gd-threshold", () => StabilitySpecs.GdThreshold(Muon)),
        new("D2 Muon boundedness under GD (swapped)", "mf/D2/muon-bounded-above-threshold", () => StabilitySpecs.MuonBoundedAboveThreshold(Gd)),
        new("D3 schedule A under GD (swapped)", "mf/D3/schedule-a-20-steps", () => AnnealingSpecs.ScheduleA(Gd)),
        new("D3 schedule A with G/‖G‖_F instead of polar", "mf/D3/schedule-a-20-steps", () => AnnealingSpecs.ScheduleA(FrobeniusMuon)),
        new("D3 schedule B under GD (swapped)", "mf/D3/schedule-b-300-steps", () => AnnealingSpecs.ScheduleB(Gd)),
        new("D3 GD baseline with annealed Muon (κ-independent subject)", "mf/D3/gd-baseline-proportional-to-kappa", () => AnnealingSpecs.GdBaseline(BrokenSubjects.AnnealedMuon)),
        new("E rank-1 block recursion under GD (swapped)", "mf/E/rank1-block-tan-half-angle", () => AlignmentRecursionSpecs.RankOneBlockRecursion(Gd)),
        new("E rank-1 block recursion with η_Q = 1.1·η_P", "mf/E/rank1-block-tan-half-angle", () => AlignmentRecursionSpecs.RankOneBlockRecursion(MuonQ11)),
        new("E d = 1 outer recursion under GD (swapped)", "mf/E/d1-outer-alignment", () => AlignmentRecursionSpecs.OuterAlignmentRecursion(Gd)),
        new("E d = 1 outer recursion with η_Q = 1.1·η_P", "mf/E/d1-outer-alignment", () => AlignmentRecursionSpecs.OuterAlignmentRecursion(MuonQ11)),
        new("F Gaussian init", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { Init = MfInit.Gaussian })),
        new("F η₁ = 1.5α", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { FirstStepFactor = 1.5 })),
        new("F d/n ∈ {0.25, 0.5}", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { WidthRatios = [0.25, 0.5] })),
        new("F orientation mismatch at d = n", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Muon, TwoStep with { WidthRatios = [1.0], OrientationMatch = false })),
        new("F two-step schedule under GD (swapped)", "mf/F/two-step-alignment", () => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(Gd)),
    ];
}
