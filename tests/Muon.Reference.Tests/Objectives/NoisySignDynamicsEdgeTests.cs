using Muon.Reference.Objectives;

namespace Muon.Reference.Tests.Objectives;

/// <summary>T_ε = min{t ≥ 0 : |s_t| ≤ ε} at its edges: a state exactly at ε, ε = 0, and σ = 0 (no noise drawn).</summary>
public sealed class NoisySignDynamicsEdgeTests
{
    private static double NoNoise() => throw new InvalidOperationException("the noise was drawn although σ = 0");

    [Fact]
    public void Hitting_time_counts_a_state_exactly_at_epsilon()
    {
        // σ = 0, α = 1: s = 3, 2, 1 exactly, and |s₂| = 1 = ε hits.
        Assert.Equal(2, NoisySignDynamics.HittingTime(3, 1, 0, 1, 10, NoNoise));
        Assert.Equal(2, NoisySignDynamics.HittingTime(-3, 1, 0, 1, 10, NoNoise));
    }

    [Fact]
    public void Hitting_time_with_zero_epsilon_is_the_first_visit_to_zero()
    {
        // ε = 0: s = 2, 1, 0 exactly; |0| ≤ 0 hits at t = 2 (and s stays at 0, since sign(0) = 0).
        Assert.Equal(2, NoisySignDynamics.HittingTime(2, 1, 0, 0, 10, NoNoise));
        Assert.Equal(0, NoisySignDynamics.HittingTime(0, 1, 0, 0, 10, NoNoise));
    }

    [Fact]
    public void Hitting_time_without_noise_never_draws_it()
    {
        // Documented: the noise function is not called when σ = 0 (NoNoise throws if it is); s = 1.5, 0.5, −0.5, 0.5, … never hits ε = 0.1.
        Assert.Null(NoisySignDynamics.HittingTime(1.5, 1, 0, 0.1, 50, NoNoise));
    }
}
