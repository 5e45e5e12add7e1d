using Muon.Reference.Objectives;
using Muon.Verification.Specs.MatrixFactorization;
using Scope = Muon.Verification.Claims.OrthogonalizerScope;
using Muon.Verification.Subjects;

namespace Muon.Verification.Claims;

public static partial class ClaimTable
{
    private static readonly OptimizerSubject MfMuon = OptimizerSubject.ReferenceMuon;
    private static readonly OptimizerSubject MfGd = OptimizerSubject.GradientDescent;

    /// <summary>The matrix-factorization claims (theory sheet matrix-factorization.md, §A1–§F).</summary>
    public static IReadOnlyList<Claim> MatrixFactorization { get; } =
    [
        new("mf/A1", Paper.MatrixFactorization, "A1",
            "From an aligned init, Muon conserves Δ₁ = √(PᵀP) − √(QᵀQ) exactly (until a residual changes sign), while GD multiplies Δ₂ = PᵀP − QᵀQ by an exact factor.",
            [
                Run(() => ExactConservationSpecs.MuonDelta1Conserved(MfMuon, LossConvention.Half)),
                Run(() => ExactConservationSpecs.MuonDelta1Conserved(MfMuon, LossConvention.Full)),
                Run(() => ExactConservationSpecs.GdImbalanceRecursion(MfGd, LossConvention.Half)),
                Run(() => ExactConservationSpecs.GdImbalanceRecursion(MfGd, LossConvention.Full)),
            ], Scope.ExactPolar, Precisions.Float64),
        new("mf/D1", Paper.MatrixFactorization, "D1",
            "The Hessian at a balanced optimum has λ_max = 2s₁ (4s₁ for L_full), every global minimum is at least that sharp, and an unbalanced one is sharper.",
            [
                Run(() => SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(LossConvention.Half))),
                Run(() => SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(LossConvention.Full))),
                Run(() => SharpnessSpecs.UnbalancedOptimumSharpness(MfObjectiveSubject.Reference(LossConvention.Half))),
                Run(() => SharpnessSpecs.GlobalMinimaSharpness(MfObjectiveSubject.Reference(LossConvention.Half))),
            ], Scope.None, Precisions.Float64),
        new("mf/A2", Paper.MatrixFactorization, "A2",
            "From a small random init, Muon approximately conserves Δ₁ (its relative drift is far below Δ₂'s) and GD approximately conserves Δ₂.",
            [
                Run(() => ApproximateConservationSpecs.MuonRatio(MfMuon)),
                Run(() => ApproximateConservationSpecs.GdRatio(MfGd)),
                Run(() => ApproximateConservationSpecs.GdDelta2Drift(MfGd)),
            ], Scope.ExactPolar, Precisions.Float64) { Figures = ["mf-conserved-quantities.svg"] },
        new("mf/B", Paper.MatrixFactorization, "B",
            "From a vanishing init ε, Muon reaches a solution with imbalance Θ(ε), GD one with imbalance Θ(ε²).",
            [
                Run(() => BalancedSolutionSpecs.MuonImbalanceOrderEps(MfMuon)),
                Run(() => BalancedSolutionSpecs.GdImbalanceOrderEps2(MfGd)),
                Run(() => BalancedSolutionSpecs.MuonScaling(MfMuon)),
                Run(() => BalancedSolutionSpecs.GdScaling(MfGd)),
            ], Scope.ExactPolar, Precisions.Float64),
        new("mf/C", Paper.MatrixFactorization, "C",
            "GD learns the modes one at a time, largest first (saddle to saddle); Muon learns them at an equal rate, smallest first.",
            [
                Run(() => ModeTimingSpecs.GdLargeFirst(MfGd)),
                Run(() => ModeTimingSpecs.MuonSmallFirst(MfMuon)),
            ], Scope.ExactPolar, Precisions.Float64) { Figures = ["mf-mode-learning-gd.svg", "mf-mode-learning-muon.svg"] },
        new("mf/D2", Paper.MatrixFactorization, "D2",
            "GD does not converge above the sharpness threshold η = 1/s₁ (2/λ_max), while Muon stays within a bound B(η) there.",
            [
                Run(() => StabilitySpecs.GdThreshold(MfGd)),
                Run(() => StabilitySpecs.MuonBoundedAboveThreshold(MfMuon)),
            ], Scope.ExactPolar, Precisions.Float64) { Figures = ["mf-sharpness-threshold.svg"] },
        new("mf/D3", Paper.MatrixFactorization, "D3",
            "With an annealed step, Muon reaches 1e-10 L₀ in a κ-independent number of steps; GD at its best constant step needs ≥ κ.",
            [
                Run(() => AnnealingSpecs.ScheduleA(MfMuon)),
                Run(() => AnnealingSpecs.ScheduleB(MfMuon)),
                Run(() => AnnealingSpecs.GdBaseline(MfGd)),
            ], Scope.ExactPolar, Precisions.Float64),
        new("mf/E", Paper.MatrixFactorization, "E",
            "Muon's factors align by exact recursions: the rank-1 block's half-angle contracts by |ρ − η|/(ρ + η), and the d = 1 outer alignment by the stated ratio.",
            [
                Run(() => AlignmentRecursionSpecs.RankOneBlockRecursion(MfMuon)),
                Run(() => AlignmentRecursionSpecs.OuterAlignmentRecursion(MfMuon)),
            ], Scope.ExactPolar, Precisions.Float64) { Figures = ["mf-rank-one-alignment.svg"] },
        new("mf/F", Paper.MatrixFactorization, "F",
            "From an orthogonal init α with d ≥ n, the two-step schedule η = [α, √s₁] aligns the factors: μ_out ≤ 1.82 α/√s₁ after two steps.",
            [
                Run(() => TwoStepAlignmentSpecs.MuOutAfterTwoSteps(MfMuon)),
            ], Scope.ExactPolar, Precisions.Float64) { Figures = ["mf-two-step-alignment.svg", "mf-two-step-loss.svg"] },
    ];
}
