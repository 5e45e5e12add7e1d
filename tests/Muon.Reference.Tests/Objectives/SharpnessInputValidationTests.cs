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

    [Fact]
    public void A_point_without_parameters_is_rejected_by_its_layout()
    {
        // Without the layout check the flattened dimension would be 0 and no start vector could ever be drawn (the loop
        // in Fresh would never end): the check is what stops it, HessianVectorProduct is never reached.
        var e = Assert.Throws<ArgumentException>(() => Sharpness.Estimate(F, ParameterSet.Of(), new Rng(1)));
        Assert.Equal("at", e.ParamName);
        Assert.StartsWith("at has 0 parameters () but 1 were expected (W).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_point_is_rejected_before_the_objective_sees_it()
    {
        // The built-in objectives check `at` again in HessianVectorProduct; an objective of the caller's need not.
        var objective = new UncheckedIdentity();
        var nan = ParameterSet.Of((Quadratic.W, Matrix<double>.Build.Dense(3, 1, double.NaN)));
        var e = Assert.Throws<ArgumentException>(() => Sharpness.Estimate(objective, nan, new Rng(1)));
        Assert.StartsWith("at['W'] has NaN", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, objective.Products);
    }

    /// <summary>H = I on one 3×1 parameter, with no input checks of its own.</summary>
    private sealed class UncheckedIdentity : ITwiceDifferentiableObjective
    {
        public int Products { get; private set; }

        public string Name => "unchecked-identity";

        public ParameterSet Layout { get; } = ParameterSet.Of((Quadratic.W, Matrix<double>.Build.Dense(3, 1)));

        public double Loss(ParameterSet parameters) => 0.5 * parameters.SquaredNorm();

        public ParameterSet Gradient(ParameterSet parameters) => parameters;

        public ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction)
        {
            Products++;
            return direction;
        }
    }
}
