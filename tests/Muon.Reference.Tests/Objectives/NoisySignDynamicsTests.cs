using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Reference.Tests.Objectives;

public sealed class NoisySignDynamicsTests
{
    // The paper's figure: α = 0.1, ε = α/5.
    private const double Alpha = 0.1, Epsilon = 0.02;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(37)]
    public void Hitting_time_no_noise_on_grid_start_hits_at_exactly_k(int k)
    {
        // s₀ = kα + ε/2: after k steps s = ε/2 (plus k·u-size round-off), before that s ≥ α + ε/2 > ε.
        double s0 = k * Alpha + Epsilon / 2;
        Assert.Equal(k, NoisySignDynamics.HittingTime(s0, Alpha, 0, Epsilon, 1000, new Rng(1)));
        Assert.Equal(k, NoisySignDynamics.HittingTime(-s0, Alpha, 0, Epsilon, 1000, new Rng(1)));
    }

    [Theory]
    [InlineData(1.026)]     // 10α + 1.3ε, the paper's start
    [InlineData(0.55)]      // dist(s₀, αℤ) = α/2
    [InlineData(0.3203)]    // dist = 1.015ε, just above 1.01ε
    public void Hitting_time_no_noise_off_grid_start_never_hits(double s0)
        => Assert.Null(NoisySignDynamics.HittingTime(s0, Alpha, 0, Epsilon, 1000, new Rng(2)));

    [Fact]
    public void Hitting_time_integer_noise_stays_on_grid_and_never_hits()
    {
        // Negative control: σ = 1 with ξ ∈ {−2, …, 2} keeps s on s₀ + αℤ, whose distance to 0 is 1.3ε > ε.
        var rng = new Rng(3);
        for (int path = 0; path < 50; path++)
            Assert.Null(NoisySignDynamics.HittingTime(1.026, Alpha, 1, Epsilon, 1000, () => rng.Int(-2, 2)));
    }

    [Fact]
    public void Hitting_time_gaussian_noise_every_path_hits()
    {
        var rng = new Rng(4);
        for (int path = 0; path < 200; path++)
            Assert.NotNull(NoisySignDynamics.HittingTime(1.026, Alpha, 0.2, Epsilon, 20_000, rng));
    }

    [Fact]
    public void Hitting_time_start_inside_band_is_zero()
        => Assert.Equal(0, NoisySignDynamics.HittingTime(0.01, Alpha, 1, Epsilon, 10, new Rng(5)));

    [Fact]
    public void Step_known_values_follow_recursion()
    {
        Assert.Equal(0.9, NoisySignDynamics.Step(1.0, 0.1, 0, 0));
        Assert.Equal(-0.9, NoisySignDynamics.Step(-1.0, 0.1, 0, 0));
        Assert.Equal(0.0, NoisySignDynamics.Step(0.0, 0.1, 0, 0));
        Assert.Equal(0.8, NoisySignDynamics.Step(1.0, 0.1, 2, 0.5), 15);
    }

    [Fact]
    public void Hitting_time_non_positive_alpha_throws_naming_alpha()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NoisySignDynamics.HittingTime(1, 0, 0, Epsilon, 10, new Rng(6)));
        Assert.Equal("alpha", ex.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => NoisySignDynamics.HittingTime(double.NaN, Alpha, 0, Epsilon, 10, new Rng(6)));
        Assert.Contains("NaN", nan.Message);
    }
}
