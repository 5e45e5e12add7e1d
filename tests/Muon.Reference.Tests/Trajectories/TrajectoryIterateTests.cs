using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

/// <summary>The one trajectory loop: how it reports where and why a run ended.</summary>
public sealed class TrajectoryIterateTests
{
    private static readonly GradientDescent Gd = GradientDescent.WithStepSize(0.1);

    [Fact]
    public void A_run_that_reaches_its_last_step_reports_no_gradient_failure()
    {
        var (last, gradientNotFinite) = Trajectory.Iterate(new Ramp(), Gd, Ramp.Start, 1, _ => false);
        Assert.Equal(1, last.T);
        Assert.False(gradientNotFinite);
    }

    [Fact]
    public void A_run_ends_before_a_step_whose_gradient_is_not_finite()
    {
        // GD with η = 0.1 on a gradient of −1 moves w = 0, 0.1, 0.2 (to rounding); the gradient is NaN once w > 0.15,
        // so t = 2 is the last iterate, recorded, and no step is taken from it.
        var (last, gradientNotFinite) = Trajectory.Iterate(new Ramp(), Gd, Ramp.Start, 10, _ => false);
        Assert.Equal(2, last.T);
        Assert.True(gradientNotFinite);
        Assert.Equal([0, 1, 2], Trajectory.Run(new Ramp(), Gd, Ramp.Start, 10).Select(p => p.T));
    }

    [Fact]
    public void Iterate_names_a_null_visit()
        => Assert.Equal("visit", Assert.Throws<ArgumentNullException>(() => Trajectory.Iterate(new Ramp(), Gd, Ramp.Start, 1, null!)).ParamName);

    /// <summary>Loss 0 everywhere; gradient −1 while w ≤ 0.15, NaN beyond (a finite loss with a non-finite gradient).</summary>
    private sealed class Ramp : IObjective
    {
        public static ParameterSet Start { get; } = ParameterSet.Of(("w", Matrix<double>.Build.Dense(1, 1)));

        public string Name => "ramp";

        public ParameterSet Layout => Start;

        public double Loss(ParameterSet parameters) => 0;

        public ParameterSet Gradient(ParameterSet parameters)
            => ParameterSet.Of(("w", Matrix<double>.Build.Dense(1, 1, parameters["w"][0, 0] > 0.15 ? double.NaN : -1)));
    }
}
