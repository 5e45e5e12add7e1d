using Muon.Reference.Orthogonalizers;
using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>B2 for cubic and quintic Newton–Schulz Muon, with exact polar / the other NS / a decaying step as controls.</summary>
public sealed class InexactPolarTests(ITestOutputHelper output)
{
    private static readonly NewtonSchulz Cubic = NewtonSchulz.Cubic(5);
    private static readonly NewtonSchulz Quintic = NewtonSchulz.KellerQuintic(5);
    private static readonly OptimizerFactory Exact = Subjects.Muon();

    private static NewtonSchulz Ns(string name) => name == "cubic" ? Cubic : Quintic;

    [Theory]
    [InlineData("cubic")]
    [InlineData("quintic")]
    public void Singular_values_follow_the_coupled_recursion(string ns) => PropertyAssert.Holds(InexactPolarSpecs.CoupledRecursion(Subjects.Muon(Ns(ns)), Ns(ns)), output);

    [Fact]
    public void Coupled_recursion_rejects_exact_polar_declared_as_quintic() => PropertyAssert.Fails(InexactPolarSpecs.CoupledRecursion(Exact, Quintic), output);

    [Fact]
    public void Coupled_recursion_rejects_quintic_declared_as_cubic() => PropertyAssert.Fails(InexactPolarSpecs.CoupledRecursion(Subjects.Muon(Quintic), Cubic), output);

    [Theory]
    [InlineData("cubic")]
    [InlineData("quintic")]
    public void Newton_schulz_leaves_the_grid(string ns) => PropertyAssert.Holds(InexactPolarSpecs.LeavesGrid(Subjects.Muon(Ns(ns))), output);

    [Fact]
    public void Leaves_grid_rejects_exact_polar() => PropertyAssert.Fails(InexactPolarSpecs.LeavesGrid(Exact), output);

    [Theory]
    [InlineData("cubic")]
    [InlineData("quintic")]
    public void Newton_schulz_beats_the_floor_in_some_draws_only(string ns) => PropertyAssert.Holds(InexactPolarSpecs.BelowFloorRate(Subjects.Muon(Ns(ns))), output);

    [Fact]
    public void Below_floor_rate_rejects_exact_polar() => PropertyAssert.Fails(InexactPolarSpecs.BelowFloorRate(Exact), output);

    [Theory]
    [InlineData("cubic")]
    [InlineData("quintic")]
    public void Fixed_step_newton_schulz_never_converges(string ns) => PropertyAssert.Holds(InexactPolarSpecs.NoConvergence(Subjects.Muon(Ns(ns)), Ns(ns)), output);

    [Fact]
    public void No_convergence_rejects_a_decaying_step()
        => PropertyAssert.Fails(InexactPolarSpecs.NoConvergence(BrokenSubjects.HiddenDecay(Subjects.Muon(Cubic), 0.9), Cubic), output);

    [Fact]
    public void Rank_one_cubic_follows_the_exact_orbit() => PropertyAssert.Holds(InexactPolarSpecs.RankOneFollowsExactOrbit(Subjects.Muon(Cubic), Cubic), output);

    [Fact]
    public void Rank_one_exact_orbit_rejects_the_quintic() => PropertyAssert.Fails(InexactPolarSpecs.RankOneFollowsExactOrbit(Subjects.Muon(Quintic), Quintic), output);

    [Theory]
    [InlineData("cubic")]
    [InlineData("quintic")]
    public void Explicit_two_cycle_holds(string ns) => PropertyAssert.Holds(InexactPolarSpecs.ExplicitTwoCycle(Subjects.Muon(Ns(ns)), Ns(ns)), output);

    [Fact]
    public void Explicit_two_cycle_rejects_exact_polar_declared_as_quintic() => PropertyAssert.Fails(InexactPolarSpecs.ExplicitTwoCycle(Exact, Quintic), output);
}
