using Muon.Reference.Optimizers;

namespace Muon.Reference.Tests.Optimizers;

public sealed class StepSizeValidationTests
{
    [Fact]
    public void Geometric_rejects_negative_initial_step()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepSize.Geometric(-0.1, 0.5));
        Assert.Equal("eta0", e.ParamName);
        Assert.Contains("eta0 must be finite and ≥ 0.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void Geometric_rejects_ratio_outside_half_open_unit_interval(double rho)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepSize.Geometric(0.1, rho));
        Assert.Equal("rho", e.ParamName);
        Assert.Contains("ρ must lie in (0, 1].", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-300)]
    public void Geometric_accepts_ratio_at_the_closed_end_and_near_zero(double rho)
        => Assert.Equal(0.1, StepSize.Geometric(0.1, rho).At(0));

    [Fact]
    public void Empty_sequence_is_rejected_naming_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => StepSize.Sequence([]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("needs at least one value", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Sequence_with_a_negative_or_NaN_value_is_rejected(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepSize.Sequence([0.1, bad]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("must be finite and ≥ 0.", e.Message, StringComparison.Ordinal);
    }
}
