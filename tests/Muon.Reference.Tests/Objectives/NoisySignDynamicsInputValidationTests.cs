using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Reference.Tests.Objectives;

public sealed class NoisySignDynamicsInputValidationTests
{
    private static double Zero() => 0.0;

    [Fact]
    public void Null_rng_is_rejected()
        => Assert.Equal("rng", Assert.Throws<ArgumentNullException>(() => NoisySignDynamics.HittingTime(1, 0.1, 0.5, 0.01, 10, (Rng)null!)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Null_noise_is_rejected_even_when_it_would_not_be_called(double sigma)
        => Assert.Equal("noise", Assert.Throws<ArgumentNullException>(() => NoisySignDynamics.HittingTime(1, 0.1, sigma, 0.01, 10, (Func<double>)null!)).ParamName);

    [Theory]
    [InlineData(-0.5, 0.01, "sigma")]
    [InlineData(double.NaN, 0.01, "sigma")]
    [InlineData(0.5, -0.01, "epsilon")]
    [InlineData(0.5, double.PositiveInfinity, "epsilon")]
    public void Negative_or_non_finite_noise_level_or_tolerance_is_rejected(double sigma, double epsilon, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoisySignDynamics.HittingTime(1, 0.1, sigma, epsilon, 10, Zero));
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"{name} must be finite and ≥ 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_step_budget_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoisySignDynamics.HittingTime(1, 0.1, 0, 0.01, -1, Zero));
        Assert.Equal("maxSteps", e.ParamName);
        Assert.Contains("maxSteps must be ≥ 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_step_budget_is_accepted_and_only_checks_the_start()
    {
        Assert.Null(NoisySignDynamics.HittingTime(1, 0.1, 0, 0.01, 0, Zero));
        Assert.Equal(0, NoisySignDynamics.HittingTime(0.001, 0.1, 0, 0.01, 0, Zero));
    }
}
