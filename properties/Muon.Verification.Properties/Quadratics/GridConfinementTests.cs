using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>B1 for the reference (exact-polar Muon, GD) and the sheet's negative controls.</summary>
public sealed class GridConfinementTests(ITestOutputHelper output)
{
    private static readonly OptimizerFactory Muon = Subjects.Muon();
    private static readonly OptimizerFactory Gd = Subjects.GradientDescent();

    [Fact]
    public void Singular_values_follow_the_scalar_orbit() => PropertyAssert.Holds(GridConfinementSpecs.SingularValueOrbit(Muon), output);

    [Fact]
    public void Orbit_rejects_the_gd_direction() => PropertyAssert.Fails(GridConfinementSpecs.SingularValueOrbit(Gd), output);

    [Fact]
    public void Orbit_rejects_a_step_off_by_1e_minus_3() => PropertyAssert.Fails(GridConfinementSpecs.SingularValueOrbit(BrokenSubjects.ScaledStep(Muon, 1 + 1e-3)), output);

    [Fact]
    public void Loss_stays_above_the_floor() => PropertyAssert.Holds(GridConfinementSpecs.LossFloor(Muon), output);

    [Fact]
    public void Loss_floor_rejects_the_modulo_floor() => PropertyAssert.Fails(GridConfinementSpecs.LossFloor(Muon, BrokenClaims.FloorModulo), output);

    [Fact]
    public void Iterates_cycle_with_period_two_after_K() => PropertyAssert.Holds(GridConfinementSpecs.TwoCycle(Muon), output);

    [Fact]
    public void Two_cycle_rejects_the_gd_direction() => PropertyAssert.Fails(GridConfinementSpecs.TwoCycle(Gd), output);

    [Fact]
    public void Two_cycle_rejects_cubic_newton_schulz()
        => PropertyAssert.Fails(GridConfinementSpecs.TwoCycle(Subjects.Muon(global::Muon.Reference.Orthogonalizers.NewtonSchulz.Cubic(5))), output);

    [Fact]
    public void Worst_case_plateau_is_r_a2_over_8() => PropertyAssert.Holds(GridConfinementSpecs.WorstCasePlateau(Muon), output);

    [Fact]
    public void Worst_case_plateau_rejects_gd() => PropertyAssert.Fails(GridConfinementSpecs.WorstCasePlateau(Gd), output);

    [Fact]
    public void Gd_decays_exactly_geometrically() => PropertyAssert.Holds(GridConfinementSpecs.GdGeometricDecay(Gd), output);

    [Fact]
    public void Gd_decay_rejects_muon() => PropertyAssert.Fails(GridConfinementSpecs.GdGeometricDecay(Muon), output);

    [Fact]
    public void Rank_deficient_start_keeps_its_rank() => PropertyAssert.Holds(GridConfinementSpecs.RankPreservation(Muon), output);

    [Fact]
    public void Rank_preservation_rejects_unthresholded_polar()
        => PropertyAssert.Fails(GridConfinementSpecs.RankPreservation(Subjects.Muon(BrokenOrthogonalizers.UnthresholdedPolar)), output);

    [Theory]
    [InlineData(DecayFamily.Geometric)]
    [InlineData(DecayFamily.InverseSqrt)]
    public void Decaying_step_converges(DecayFamily family) => PropertyAssert.Holds(GridRepairSpecs.DecayingStep(Muon, family), output);

    [Theory]
    [InlineData(DecayFamily.Geometric)]
    [InlineData(DecayFamily.InverseSqrt)]
    public void Decaying_step_rejects_a_fixed_step(DecayFamily family) => PropertyAssert.Fails(GridRepairSpecs.DecayingStep(BrokenSubjects.FixedStep(Muon), family), output);
}
