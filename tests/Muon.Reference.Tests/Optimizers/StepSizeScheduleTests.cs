using Muon.Reference.Optimizers;

namespace Muon.Reference.Tests.Optimizers;

public sealed class StepSizeScheduleTests
{
    [Fact]
    public void Constant_any_step_returns_eta()
    {
        var s = StepSize.Constant(0.3);
        Assert.Equal(0.3, s.At(0));
        Assert.Equal(0.3, s.At(1000));
    }

    [Fact]
    public void Geometric_steps_are_eta0_times_rho_to_t()
    {
        var s = StepSize.Geometric(0.2, 0.9);
        Assert.Equal(0.2, s.At(0));
        Assert.Equal(0.2 * 0.9, s.At(1), 15);
        Assert.Equal(0.2 * Math.Pow(0.9, 10), s.At(10), 15);
    }

    [Fact]
    public void Sequence_two_step_then_halving_matches_schedule_a()
    {
        // Schedule (A) of matrix-factorization.md: η = [α, √s₁, √s₁/2, √s₁/4, …]; halving is exact in binary.
        double alpha = 1e-8, root = Math.Sqrt(3.0);
        var s = StepSize.Sequence([alpha, root], StepSize.Geometric(root / 2, 0.5));
        Assert.Equal(alpha, s.At(0));
        Assert.Equal(root, s.At(1));
        Assert.Equal(root / 2, s.At(2));
        Assert.Equal(root / 4, s.At(3));
        Assert.Equal(root / 1024, s.At(11));
    }

    [Fact]
    public void Sequence_without_then_repeats_last_value()
    {
        var s = StepSize.Sequence([1.0, 0.5]);
        Assert.Equal(0.5, s.At(2));
        Assert.Equal(0.5, s.At(50));
    }

    [Fact]
    public void Inverse_sqrt_steps_are_A0_over_sqrt_t_plus_one()
    {
        var s = StepSize.InverseSqrt(2.0);
        Assert.Equal(2.0, s.At(0));
        Assert.Equal(1.0, s.At(3));
        Assert.Equal(2.0 / Math.Sqrt(10), s.At(9));
    }
}
