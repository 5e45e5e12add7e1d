using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Tests.Objectives;

public sealed class SharpnessInputValidationTests
{
    private static readonly Quadratic F = Quadratic.Centered(Matrix<double>.Build.DenseIdentity(3), 1);
    private static readonly ParameterSet At = Quadratic.Parameters(Matrix<double>.Build.Dense(3, 1, 1.0));

    [Fact]
    public void Null_arguments_are_named()
    {
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => Sharpness.Estimate(null!, At, new Rng(1))).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentNullException>(() => Sharpness.Estimate(F, null!, new Rng(1))).ParamName);
        Assert.Equal("rng", Assert.Throws<ArgumentNullException>(() => Sharpness.Estimate(F, At, null!)).ParamName);
    }

    [Fact]
    public void At_least_one_lanczos_step_is_required_and_one_is_enough()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Sharpness.Estimate(F, At, new Rng(1), 0));
        Assert.Equal("maxIterations", e.ParamName);
        Assert.StartsWith("Lanczos needs at least one iteration.", e.Message, StringComparison.Ordinal);
        var one = Sharpness.Estimate(F, At, new Rng(1), 1);
        Assert.Equal(1, one.Iterations);
        Assert.Equal(1.0, one.LambdaMax, 14); // H = I: every Rayleigh quotient is 1
    }

    [Fact]
    public void A_point_of_the_wrong_layout_or_with_NaN_is_named()
    {
        var wrong = ParameterSet.Of(("V", Matrix<double>.Build.Dense(3, 1)));
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => Sharpness.Estimate(F, wrong, new Rng(1))).ParamName);
        var nan = ParameterSet.Of((Quadratic.W, Matrix<double>.Build.Dense(3, 1, double.NaN)));
        var e = Assert.Throws<ArgumentException>(() => Sharpness.Estimate(F, nan, new Rng(1)));
        Assert.StartsWith("at['W'] has NaN", e.Message, StringComparison.Ordinal);
    }
}
