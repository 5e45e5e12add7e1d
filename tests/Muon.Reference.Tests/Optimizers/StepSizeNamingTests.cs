using Muon.Reference.Optimizers;

namespace Muon.Reference.Tests.Optimizers;

public sealed class StepSizeNamingTests
{
    [Fact]
    public void Schedules_print_their_parameters_in_round_trip_form()
    {
        // These strings appear in reports and replay lines: every number must round-trip ("R" format).
        Assert.Equal("constant(0.1)", StepSize.Constant(0.1).ToString());
        Assert.Equal("geometric(0.1·0.5^t)", StepSize.Geometric(0.1, 0.5).ToString());
        Assert.Equal("inverse-sqrt(0.30000000000000004)", StepSize.InverseSqrt(0.1 + 0.2).ToString());
        Assert.Equal("[0.1, 0.2]", StepSize.Sequence([0.1, 0.2]).ToString());
        Assert.Equal("[0.1] then constant(0.05)", StepSize.Sequence([0.1], StepSize.Constant(0.05)).ToString());
    }
}
