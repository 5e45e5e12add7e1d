using Muon.Reference.Orthogonalizers;
using Muon.Verification.Specs.Quadratics;
using Scope = Muon.Verification.Claims.OrthogonalizerScope;
using Muon.Verification.Subjects;

namespace Muon.Verification.Claims;

public static partial class ClaimTable
{
    private const string NotExact = "declared Newton–Schulz: grid confinement and the κ-free bound are laws of the exact polar factor (an approximate φ leaves the grid — B2); the coupled recursion is checked instead.";

    private static readonly OptimizerSubject QMuon = OptimizerSubject.Muon();
    private static readonly OptimizerSubject QGd = OptimizerSubject.GradientDescent;
    private static readonly NewtonSchulz Cubic = NewtonSchulz.Cubic(5);
    private static readonly NewtonSchulz Quintic = NewtonSchulz.KellerQuintic(5);

    /// <summary>The simple-quadratics claims (theory sheet quadratics.md, B1–B5).</summary>
    public static IReadOnlyList<Claim> Quadratics { get; } =
    [
        new("b1/orbit", Paper.Quadratics, "B1",
            "On ½‖W‖², fixed-step exact-polar Muon moves every singular value along the scalar orbit s ← |s − a|.",
            [Run(() => GridConfinementSpecs.SingularValueOrbit(QMuon))], Scope.ExactPolar, Precisions.Float64 | Precisions.Float32)
        {
            Dynamics = [new("dynamics/b1-singular-value-orbit", s => GridConfinementSpecs.SingularValueOrbit(s.Muon, s.U), 8, NotExact)],
        },
        new("b1/loss-floor", Paper.Quadratics, "B1",
            "The loss never goes below the grid floor ½Σ dist(sᵢ(0), aℤ)².",
            [Run(() => GridConfinementSpecs.LossFloor(QMuon))], Scope.ExactPolar, Precisions.Float64 | Precisions.Float32)
        {
            Figures = ["quadratic-grid-confinement.svg"],
            Dynamics = [new("dynamics/b1-loss-floor", s => GridConfinementSpecs.LossFloor(s.Muon, u: s.U), 8, NotExact)],
        },
        new("b1/two-cycle", Paper.Quadratics, "B1",
            "After K = ⌈s_max/a⌉ steps the iterates cycle with period two.",
            [Run(() => GridConfinementSpecs.TwoCycle(QMuon))], Scope.ExactPolar, Precisions.Float64 | Precisions.Float32)
        {
            Figures = ["quadratic-grid-confinement.svg"],
            Dynamics = [new("dynamics/b1-two-cycle", s => GridConfinementSpecs.TwoCycle(s.Muon, s.U), 8, NotExact)],
        },
        new("b1/worst-case-plateau", Paper.Quadratics, "B1",
            "The worst-case plateau of the loss is r·a²/8.",
            [Run(() => GridConfinementSpecs.WorstCasePlateau(QMuon))], Scope.ExactPolar, Precisions.Float64),
        new("b1/gd-geometric-decay", Paper.Quadratics, "B1",
            "GD on the same quadratic decays exactly geometrically (no floor).",
            [Run(() => GridConfinementSpecs.GdGeometricDecay(QGd))], Scope.None, Precisions.Float64),
        new("b1/rank-preservation", Paper.Quadratics, "B1",
            "A rank-deficient start keeps its rank under exact-polar Muon.",
            [Run(() => GridConfinementSpecs.RankPreservation(QMuon))], Scope.ExactPolar, Precisions.Float64),
        new("b1/decaying-step", Paper.Quadratics, "B1",
            "A decaying step (geometric or 1/√t) repairs grid confinement: the iterates converge.",
            [
                Run(() => GridRepairSpecs.DecayingStep(QMuon, DecayFamily.Geometric)),
                Run(() => GridRepairSpecs.DecayingStep(QMuon, DecayFamily.InverseSqrt)),
            ], Scope.ExactPolar, Precisions.Float64),
        new("b2/coupled-recursion", Paper.Quadratics, "B2",
            "With Newton–Schulz the singular values follow the coupled recursion sᵢ ← |sᵢ − a·φ(sᵢ/‖s‖₂)| of the declared φ.",
            [
                Run(() => InexactPolarSpecs.CoupledRecursion(OptimizerSubject.Muon(Cubic), Cubic)),
                Run(() => InexactPolarSpecs.CoupledRecursion(OptimizerSubject.Muon(Quintic), Quintic)),
            ], Scope.NewtonSchulz, Precisions.Float64 | Precisions.Float32)
        {
            Dynamics = [new("dynamics/b2-coupled-recursion", s => InexactPolarSpecs.CoupledRecursion(s.Muon, s.Declared!, s.U), 8,
                "declared exact polar: the coupled recursion is B2's law for Newton–Schulz (for φ ≡ 1 it is the B1 orbit, checked above).")],
        },
        new("b2/leaves-grid", Paper.Quadratics, "B2",
            "Newton–Schulz leaves the grid in most draws, and beats the exact floor in some draws only.",
            [
                Run(() => InexactPolarSpecs.LeavesGrid(OptimizerSubject.Muon(Cubic))),
                Run(() => InexactPolarSpecs.LeavesGrid(OptimizerSubject.Muon(Quintic))),
                Run(() => InexactPolarSpecs.BelowFloorRate(OptimizerSubject.Muon(Cubic))),
                Run(() => InexactPolarSpecs.BelowFloorRate(OptimizerSubject.Muon(Quintic))),
            ], Scope.NewtonSchulz, Precisions.Float64),
        new("b2/no-convergence", Paper.Quadratics, "B2",
            "With a fixed step, Newton–Schulz Muon does not converge.",
            [
                Run(() => InexactPolarSpecs.NoConvergence(OptimizerSubject.Muon(Cubic), Cubic)),
                Run(() => InexactPolarSpecs.NoConvergence(OptimizerSubject.Muon(Quintic), Quintic)),
            ], Scope.NewtonSchulz, Precisions.Float64),
        new("b2/rank-one-exact-orbit", Paper.Quadratics, "B2",
            "On a rank-1 start the cubic iteration follows the exact orbit (φ(1) = 1).",
            [Run(() => InexactPolarSpecs.RankOneFollowsExactOrbit(OptimizerSubject.Muon(Cubic), Cubic))], Scope.NewtonSchulz, Precisions.Float64),
        new("b2/explicit-two-cycle", Paper.Quadratics, "B2",
            "Newton–Schulz Muon settles into the explicit two-cycle of the declared φ.",
            [
                Run(() => InexactPolarSpecs.ExplicitTwoCycle(OptimizerSubject.Muon(Cubic), Cubic)),
                Run(() => InexactPolarSpecs.ExplicitTwoCycle(OptimizerSubject.Muon(Quintic), Quintic)),
            ], Scope.NewtonSchulz, Precisions.Float64),
        new("b3/noiseless", Paper.Quadratics, "B3",
            "Without noise, sign dynamics started off the grid never hit |s| ≤ ε, and started on it hit at exactly t = k.",
            [
                Run(() => NoisySignSpecs.NoiselessOffGridNeverHits(SignDynamicsSubject.Reference)),
                Run(() => NoisySignSpecs.NoiselessOnGridHitsAtK(SignDynamicsSubject.Reference)),
            ], Scope.None, Precisions.Float64) { Figures = ["quadratic-noisy-sign-hitting-time.svg"] },
        new("b3/noisy", Paper.Quadratics, "B3",
            "With noise, every path hits, and the median hitting time has a sweet spot in σ.",
            [
                Run(() => NoisySignSpecs.NoisyAlwaysHits(SignDynamicsSubject.Reference)),
                Run(() => NoisySignSpecs.SweetSpot(SignDynamicsSubject.Reference)),
            ], Scope.None, Precisions.Float64) { Figures = ["quadratic-noisy-sign-hitting-time.svg"] },
        new("b4/family-spread", Paper.Quadratics, "B4",
            "Muon's score is nearly independent of the spectrum's shape at fixed κ; GD's is not.",
            [
                Run(() => SpectrumShapeSpecs.FamilySpread(QMuon, QGd, SpectrumShapeScale.Reduced)),
                // One batch of the sheet's 20 seeds (deep would otherwise run ten batches, ≈ 20 minutes); the seed is still fresh.
                new(() => SpectrumShapeSpecs.FamilySpread(QMuon, QGd, SpectrumShapeScale.Full)) { DeepOnly = true, Cases = 1 },
            ], Scope.AnyOrthogonalizer, Precisions.Float64) { Figures = ["quadratic-spectrum-families.svg"] },
        new("b5/greedy-line-search", Paper.Quadratics, "B5",
            "The polar factor is the greedy (best per-step) direction, yet GD wins end to end.",
            [
                Run(() => GreedyLineSearchSpecs.PolarIdentities(ExactPolar.Default)),
                Run(() => GreedyLineSearchSpecs.ChoiceRule(ExactPolar.Default)),
                Run(() => GreedyLineSearchSpecs.GreedyPicksPolar(ExactPolar.Default)),
                Run(() => GreedyLineSearchSpecs.EndToEndGap(ExactPolar.Default)),
            ], Scope.ExactPolar, Precisions.Float64),
    ];
}
