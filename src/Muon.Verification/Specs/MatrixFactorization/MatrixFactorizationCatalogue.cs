using Muon.Reference.Objectives;
using Muon.Verification.Harness;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// Every matrix-factorization spec (theory sheet matrix-factorization.md), instantiated for a Muon implementation and
/// a GD implementation: Muon claims run against the Muon subject, GD claims against the GD subject.
/// </summary>
public static class MatrixFactorizationCatalogue
{
    /// <summary>All specs for the given subjects (defaults: the reference Muon with exact polar, reference GD).</summary>
    public static IReadOnlyList<PropertySpec> For(MfSubject? muon = null, MfSubject? gd = null)
    {
        var m = muon ?? MfSubject.ReferenceMuon;
        var g = gd ?? MfSubject.GradientDescent;
        return
        [
            ExactConservationSpecs.MuonDelta1Conserved(m, LossConvention.Half),
            ExactConservationSpecs.MuonDelta1Conserved(m, LossConvention.Full),
            ExactConservationSpecs.GdImbalanceRecursion(g, LossConvention.Half),
            ExactConservationSpecs.GdImbalanceRecursion(g, LossConvention.Full),
            SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(LossConvention.Half)),
            SharpnessSpecs.BalancedOptimumSpectrum(MfObjectiveSubject.Reference(LossConvention.Full)),
            SharpnessSpecs.UnbalancedOptimumSharpness(MfObjectiveSubject.Reference(LossConvention.Half)),
            SharpnessSpecs.GlobalMinimaSharpness(MfObjectiveSubject.Reference(LossConvention.Half)),
            ApproximateConservationSpecs.MuonRatio(m),
            ApproximateConservationSpecs.GdRatio(g),
            ApproximateConservationSpecs.GdDelta2Drift(g),
            BalancedSolutionSpecs.MuonImbalanceOrderEps(m),
            BalancedSolutionSpecs.GdImbalanceOrderEps2(g),
            BalancedSolutionSpecs.MuonScaling(m),
            BalancedSolutionSpecs.GdScaling(g),
            ModeTimingSpecs.GdLargeFirst(g),
            ModeTimingSpecs.MuonSmallFirst(m),
            StabilitySpecs.GdThreshold(g),
            StabilitySpecs.MuonBoundedAboveThreshold(m),
            AnnealingSpecs.ScheduleA(m),
            AnnealingSpecs.ScheduleB(m),
            AnnealingSpecs.GdBaseline(g),
            AlignmentRecursionSpecs.RankOneBlockRecursion(m),
            AlignmentRecursionSpecs.OuterAlignmentRecursion(m),
            TwoStepAlignmentSpecs.MuOutAfterTwoSteps(m),
        ];
    }
}
