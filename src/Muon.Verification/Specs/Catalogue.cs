using Muon.Reference.Orthogonalizers;
using Muon.Verification.Harness;
using Muon.Verification.Specs.Preconditioning;
using Muon.Verification.Specs.Quadratics;

namespace Muon.Verification.Specs;

/// <summary>
/// The quadratic (B1–B5) and preconditioning (C1–C3) specs grouped by the kind of subject they judge, so a third-party
/// implementation can be checked with one call. The reference instantiations and the negative controls live in the
/// properties project; see <c>docs/specs-quadratics-preconditioning.md</c>.
/// </summary>
public static class Catalogue
{
    /// <summary>Specs for a momentum-free Muon that claims the exact polar factor (B1, B4 reduced, C1–C3 Muon side).</summary>
    public static IReadOnlyList<PropertySpec> ExactPolarMuon(OptimizerFactory muon) =>
    [
        GridConfinementSpecs.SingularValueOrbit(muon),
        GridConfinementSpecs.LossFloor(muon),
        GridConfinementSpecs.TwoCycle(muon),
        GridConfinementSpecs.WorstCasePlateau(muon),
        GridConfinementSpecs.RankPreservation(muon),
        GridRepairSpecs.DecayingStep(muon, DecayFamily.Geometric),
        GridRepairSpecs.DecayingStep(muon, DecayFamily.InverseSqrt),
        SpectrumShapeSpecs.FamilySpread(muon, Subjects.GradientDescent(), SpectrumShapeScale.Reduced),
        SpectralDecouplingSpecs.Decoupling(muon, SpectralSetting.SymmetricMatrixFactorization),
        SpectralDecouplingSpecs.Decoupling(muon, SpectralSetting.InContextRegression),
        SpectralDecouplingSpecs.Decoupling(muon, SpectralSetting.Quadratic),
        KappaFreeSpecs.MuonIterationsKappaFree(muon),
        InContextRegressionSpecs.MuonLogKappa(muon),
    ];

    /// <summary>Specs for a momentum-free Muon whose orthogonalizer claims to be <paramref name="declared"/> (B2).</summary>
    public static IReadOnlyList<PropertySpec> NewtonSchulzMuon(OptimizerFactory muon, NewtonSchulz declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var specs = new List<PropertySpec>
        {
            InexactPolarSpecs.CoupledRecursion(muon, declared),
            InexactPolarSpecs.LeavesGrid(muon),
            InexactPolarSpecs.BelowFloorRate(muon),
            InexactPolarSpecs.NoConvergence(muon, declared),
            InexactPolarSpecs.ExplicitTwoCycle(muon, declared),
        };
        if (declared.Schedule == CoefficientSchedule.Cubic)
            specs.Add(InexactPolarSpecs.RankOneFollowsExactOrbit(muon, declared));
        return specs;
    }

    /// <summary>Specs for an orthogonalizer that claims the exact polar factor, used in the line-search comparison (B5).</summary>
    public static IReadOnlyList<PropertySpec> ExactPolarOrthogonalizer(IOrthogonalizer orthogonalizer) =>
    [
        GreedyLineSearchSpecs.PolarIdentities(orthogonalizer),
        GreedyLineSearchSpecs.ChoiceRule(orthogonalizer),
        GreedyLineSearchSpecs.GreedyPicksPolar(orthogonalizer),
        GreedyLineSearchSpecs.EndToEndGap(orthogonalizer),
    ];

    /// <summary>Specs for momentum-free gradient descent (the comparison side of B1, C1, C3).</summary>
    public static IReadOnlyList<PropertySpec> GradientDescent(OptimizerFactory gd) =>
    [
        GridConfinementSpecs.GdGeometricDecay(gd),
        KappaFreeSpecs.GdIterationsGrowWithKappa(gd),
        InContextRegressionSpecs.GdPolyKappa(gd),
    ];

    /// <summary>Specs for noisy sign dynamics (B3).</summary>
    public static IReadOnlyList<PropertySpec> SignDynamics(HittingTimeFunction subject, string name) =>
    [
        NoisySignSpecs.NoiselessOffGridNeverHits(subject, name),
        NoisySignSpecs.NoiselessOnGridHitsAtK(subject, name),
        NoisySignSpecs.NoisyAlwaysHits(subject, name),
        NoisySignSpecs.SweetSpot(subject, name),
    ];
}
