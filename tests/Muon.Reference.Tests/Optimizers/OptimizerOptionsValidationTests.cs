using Muon.Reference.Optimizers;

namespace Muon.Reference.Tests.Optimizers;

public sealed class OptimizerOptionsValidationTests
{
    private static readonly OptimizerOptions Plain = new() { StepSize = StepSize.Constant(0.1) };

    public static TheoryData<string, OptimizerOptions, string, string> BadOptions() => new()
    {
        { "negative momentum", Plain with { Momentum = -0.1, Convention = MomentumConvention.Ema }, "Momentum", "β must lie in [0, 1)." },
        { "momentum 1", Plain with { Momentum = 1, Convention = MomentumConvention.Ema }, "Momentum", "β must lie in [0, 1)." },
        { "NaN momentum", Plain with { Momentum = double.NaN, Convention = MomentumConvention.HeavyBall }, "Momentum", "β must lie in [0, 1)." },
        { "negative weight decay", Plain with { WeightDecay = -1e-3 }, "WeightDecay", "WeightDecay must be finite and ≥ 0." },
        { "infinite weight decay", Plain with { WeightDecay = double.PositiveInfinity }, "WeightDecay", "WeightDecay must be finite and ≥ 0." },
        { "ignored momentum", Plain with { Momentum = 0.9 }, "Momentum", "has no effect with Convention = None" },
        { "Nesterov without convention", Plain with { Nesterov = true }, "Nesterov", "Nesterov needs a momentum convention (Ema or HeavyBall)." },
        {
            "negative multiplier",
            Plain with { StepSizeMultipliers = new Dictionary<string, double> { ["P"] = 1, ["Q"] = -2 } },
            "StepSizeMultipliers['Q']", "StepSizeMultipliers['Q'] must be finite and ≥ 0."
        },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_setting_is_rejected_naming_it(string why, OptimizerOptions options, string paramName, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => options.Validate());
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        // The optimizers validate on construction.
        Assert.Equal(paramName, Assert.ThrowsAny<ArgumentException>(() => new GradientDescent(options)).ParamName);
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Missing_step_size_is_rejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => (Plain with { StepSize = null! }).Validate());
        Assert.Equal("StepSize", e.ParamName);
    }

    [Fact]
    public void Zero_weight_decay_and_zero_multiplier_are_accepted()
    {
        var o = Plain with { WeightDecay = 0, StepSizeMultipliers = new Dictionary<string, double> { ["Q"] = 0 } };
        Assert.Same(o, o.Validate());
    }
}
