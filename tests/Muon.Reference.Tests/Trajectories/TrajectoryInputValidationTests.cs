using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Trajectories;

public sealed class TrajectoryInputValidationTests
{
    private static readonly Quadratic F = new(Matrix<double>.Build.DenseIdentity(3), Ones(3, 2));
    private static readonly GradientDescent Gd = GradientDescent.WithStepSize(0.1);
    private static readonly ParameterSet X0 = Quadratic.Parameters(Matrix<double>.Build.Dense(3, 2));

    [Fact]
    public void Null_arguments_are_rejected_naming_each()
    {
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => Trajectory.Run(null!, Gd, X0, 3)).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => Trajectory.Run(F, null!, X0, 3)).ParamName);
        Assert.Equal("initial", Assert.Throws<ArgumentNullException>(() => Trajectory.Run(F, Gd, null!, 3)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)] // would be a negative list capacity, were the capacity not clamped at 0 + 1
    [InlineData(int.MinValue)]
    public void Negative_step_count_is_rejected_naming_the_problem(int steps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Trajectory.Run(F, Gd, X0, steps));
        Assert.Equal("steps", e.ParamName);
        Assert.Contains("the number of steps must be ≥ 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initial_point_of_another_layout_is_rejected_naming_initial()
    {
        var e = Assert.Throws<ArgumentException>(() => Trajectory.Run(F, Gd, Quadratic.Parameters(Ones(3, 3)), 3));
        Assert.Equal("initial", e.ParamName);
        Assert.StartsWith("initial: 'W' is 3×3 but 3×2 was expected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_initial_point_is_rejected_naming_initial()
    {
        var bad = ParameterSet.Of((Quadratic.W, Matrix<double>.Build.Dense(3, 2, (i, j) => i == 2 && j == 1 ? double.NegativeInfinity : 0)));
        var e = Assert.Throws<ArgumentException>(() => Trajectory.Run(F, Gd, bad, 3));
        Assert.Equal("initial['W']", e.ParamName);
        Assert.StartsWith("initial['W'] has −∞ at (2, 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_svd_names_a_non_finite_target()
    {
        var e = Assert.Throws<ArgumentException>(() => TargetSvd.Of(Matrix<double>.Build.Dense(2, 2, double.NaN)));
        Assert.Equal("target", e.ParamName);
        Assert.StartsWith("target has NaN at (0, 0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_of_null_parameters_is_rejected()
    {
        var target = TargetSvd.Of(Matrix<double>.Build.DenseIdentity(2));
        Assert.Equal("parameters", Assert.Throws<ArgumentNullException>(() => MatrixFactorizationSnapshot.Of(null!, target)).ParamName);
    }
}
