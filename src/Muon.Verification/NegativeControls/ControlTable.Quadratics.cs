using Muon.Reference.Orthogonalizers;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

public static partial class ControlTable
{
    private static readonly OptimizerSubject ExactMuon = OptimizerSubject.Muon();
    private static readonly NewtonSchulz Cubic5 = NewtonSchulz.Cubic(5);
    private static readonly NewtonSchulz Quintic5 = NewtonSchulz.KellerQuintic(5);
    private static readonly IOrthogonalizer Normalized = BrokenOrthogonalizers.FrobeniusNormalized;

    /// <summary>The simple-quadratics controls (theory sheet B1–B5): the GD direction, a step off by 1e-3, a wrong floor, a wrong φ, broken sign dynamics, plain normalization.</summary>
    public static IReadOnlyList<Control> Quadratics { get; } =
    [
        new("B1 orbit under the GD direction", "b1/singular-value-orbit", () => GridConfinementSpecs.SingularValueOrbit(Gd)),
        new("B1 orbit with a step off by 1e-3", "b1/singular-value-orbit", () => GridConfinementSpecs.SingularValueOrbit(BrokenSubjects.ScaledStep(ExactMuon, 1 + 1e-3))),
        new("B1 the modulo floor ½Σ(s mod a)²", "b1/loss-floor", () => GridConfinementSpecs.LossFloor(ExactMuon, BrokenClaims.FloorModulo)),
        new("B1 two-cycle under the GD direction", "b1/two-cycle", () => GridConfinementSpecs.TwoCycle(Gd)),
        new("B1 two-cycle under cubic Newton–Schulz", "b1/two-cycle", () => GridConfinementSpecs.TwoCycle(OptimizerSubject.Muon(Cubic5))),
        new("B1 plateau under GD", "b1/worst-case-plateau", () => GridConfinementSpecs.WorstCasePlateau(Gd)),
        new("B1 geometric decay claimed for Muon", "b1/gd-geometric-decay", () => GridConfinementSpecs.GdGeometricDecay(ExactMuon)),
        new("B1 rank preservation with an unthresholded polar", "b1/rank-preservation", () => GridConfinementSpecs.RankPreservation(OptimizerSubject.Muon(BrokenOrthogonalizers.UnthresholdedPolar))),
        new("B1 geometric repair with a fixed step", "b1/decaying-step-geometric", () => GridRepairSpecs.DecayingStep(BrokenSubjects.FixedStep(ExactMuon), DecayFamily.Geometric)),
        new("B1 1/√t repair with a fixed step", "b1/decaying-step-inverse-sqrt", () => GridRepairSpecs.DecayingStep(BrokenSubjects.FixedStep(ExactMuon), DecayFamily.InverseSqrt)),
        new("B2 exact polar declared as the quintic", "b2/coupled-recursion", () => InexactPolarSpecs.CoupledRecursion(ExactMuon, Quintic5)),
        new("B2 quintic declared as the cubic", "b2/coupled-recursion", () => InexactPolarSpecs.CoupledRecursion(OptimizerSubject.Muon(Quintic5), Cubic5)),
        new("B2 leaves-grid under the exact polar", "b2/leaves-grid", () => InexactPolarSpecs.LeavesGrid(ExactMuon)),
        new("B2 below-floor rate under the exact polar", "b2/below-floor-rate", () => InexactPolarSpecs.BelowFloorRate(ExactMuon)),
        new("B2 no convergence with a hidden decay 0.9ᵗ", "b2/no-convergence", () => InexactPolarSpecs.NoConvergence(BrokenSubjects.HiddenDecay(OptimizerSubject.Muon(Cubic5), 0.9), Cubic5)),
        new("B2 rank-1 exact orbit under the quintic", "b2/rank-one-exact-orbit", () => InexactPolarSpecs.RankOneFollowsExactOrbit(OptimizerSubject.Muon(Quintic5), Quintic5)),
        new("B2 explicit two-cycle: exact polar declared as the quintic", "b2/explicit-two-cycle", () => InexactPolarSpecs.ExplicitTwoCycle(ExactMuon, Quintic5)),
        new("B3 off-grid start with a noise floor", "b3/noiseless-off-grid-never-hits", () => NoisySignSpecs.NoiselessOffGridNeverHits(BrokenSignDynamics.NoiseFloor)),
        new("B3 on-grid start counted off by one", "b3/noiseless-on-grid-hits-at-k", () => NoisySignSpecs.NoiselessOnGridHitsAtK(BrokenSignDynamics.OffByOne)),
        new("B3 always-hits with integer noise", "b3/noisy-always-hits", () => NoisySignSpecs.NoisyAlwaysHits(BrokenSignDynamics.IntegerNoise)),
        new("B3 sweet spot with integer noise", "b3/sweet-spot", () => NoisySignSpecs.SweetSpot(BrokenSignDynamics.IntegerNoise)),
        new("B4 plain normalization G/‖G‖_F", "b4/family-spread", () => SpectrumShapeSpecs.FamilySpread(OptimizerSubject.Muon(Normalized), Gd, SpectrumShapeScale.Reduced)),
        new("B4 plain normalization G/‖G‖_F (full run)", "b4/family-spread-full", () => SpectrumShapeSpecs.FamilySpread(OptimizerSubject.Muon(Normalized), Gd, SpectrumShapeScale.Full)) { DeepOnly = true },
        new("B5 polar identities of G/‖G‖_F", "b5/polar-identities", () => GreedyLineSearchSpecs.PolarIdentities(Normalized)),
        new("B5 choice rule with G/‖G‖_F", "b5/choice-rule", () => GreedyLineSearchSpecs.ChoiceRule(Normalized)),
        new("B5 greedy rate with G/‖G‖_F", "b5/greedy-picks-polar", () => GreedyLineSearchSpecs.GreedyPicksPolar(Normalized)),
        new("B5 end-to-end gap with G/‖G‖_F", "b5/end-to-end-gap", () => GreedyLineSearchSpecs.EndToEndGap(Normalized)),
    ];
}
