using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Objectives;

public sealed class ObjectiveValidationTests
{
    [Fact]
    public void Matrix_factorization_NaN_target_throws_naming_NaN_and_entry()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(With(Ones(3, 2), 1, 0, double.NaN), 2));
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("(1, 0)", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_infinite_target_throws_naming_infinity()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(With(Ones(3, 2), 2, 1, double.NegativeInfinity), 2));
        Assert.Contains("−∞", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_empty_target_throws_naming_empty()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(Matrix<double>.Build.Dense(0, 3), 2));
        Assert.Contains("empty", ex.Message);
        Assert.Contains("0×3", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_zero_width_throws_naming_width()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixFactorization(Ones(3, 2), 0));
        Assert.Contains("width", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_wrong_shape_of_p_throws_naming_both_shapes()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var ex = Assert.Throws<ArgumentException>(() => f.Loss(MatrixFactorization.Parameters(Ones(4, 2), Ones(2, 2))));
        Assert.Contains("'P' is 4×2 but 3×2 was expected", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_NaN_in_q_throws_naming_parameter_and_NaN()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var x = ParameterSet.Of(("P", Ones(3, 2)), ("Q", With(Ones(2, 2), 0, 1, double.NaN)));
        var ex = Assert.Throws<ArgumentException>(() => f.Gradient(x));
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("'Q'", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_hvp_direction_with_wrong_shape_throws()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var x = MatrixFactorization.Parameters(Ones(3, 2), Ones(2, 2));
        var ex = Assert.Throws<ArgumentException>(() => f.HessianVectorProduct(x, MatrixFactorization.Parameters(Ones(3, 2), Ones(3, 2))));
        Assert.Contains("'Q' is 3×2 but 2×2 was expected", ex.Message);
    }

    [Fact]
    public void Matrix_factorization_parameters_different_widths_throws_naming_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorization.Parameters(Ones(3, 2), Ones(2, 3)));
        Assert.Contains("3×2", ex.Message);
        Assert.Contains("2×3", ex.Message);
    }

    [Fact]
    public void Quadratic_non_square_a_throws_naming_square()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(Ones(2, 3), Ones(2, 1)));
        Assert.Contains("2×3", ex.Message);
        Assert.Contains("square", ex.Message);
    }

    [Fact]
    public void Quadratic_asymmetric_a_throws_naming_symmetry()
    {
        var a = With(Ones(3, 3), 0, 2, 1 + 1e-9);
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(a, Ones(3, 1)));
        Assert.Contains("not symmetric", ex.Message);
    }

    [Fact]
    public void Quadratic_symmetric_within_relative_tolerance_is_accepted()
    {
        var a = With(Ones(3, 3), 0, 2, 1 + 1e-13);
        var f = new Quadratic(a, Ones(3, 1));
        Assert.Equal(0.0, f.Loss(Quadratic.Parameters(Ones(3, 1))));
    }

    [Fact]
    public void Quadratic_minimizer_with_wrong_rows_throws_naming_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(Ones(3, 3), Ones(2, 4)));
        Assert.Contains("2×4", ex.Message);
        Assert.Contains("3 rows", ex.Message);
    }

    [Fact]
    public void Symmetric_matrix_factorization_asymmetric_target_throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SymmetricMatrixFactorization(With(Ones(3, 3), 1, 0, 2), 2));
        Assert.Contains("not symmetric", ex.Message);
    }

    [Fact]
    public void In_context_regression_indefinite_covariance_throws_naming_positive_definite()
    {
        var s = Matrix<double>.Build.DenseOfDiagonalArray([1.0, -0.5]);
        var ex = Assert.Throws<ArgumentException>(() => new InContextRegression(s));
        Assert.Contains("positive definite", ex.Message);
    }

    [Fact]
    public void In_context_regression_infinite_covariance_throws_naming_infinity()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InContextRegression(With(Matrix<double>.Build.DenseIdentity(2), 1, 1, double.PositiveInfinity)));
        Assert.Contains("+∞", ex.Message);
    }

    [Fact]
    public void Metrics_target_shape_mismatch_throws_naming_shapes()
    {
        var svd = TargetSvd.Of(Ones(3, 2) + Matrix<double>.Build.Dense(3, 2, (i, j) => i == j ? 1 : 0));
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.MuOut(Ones(4, 2), Ones(2, 2), svd));
        Assert.Contains("P is 4×2", ex.Message);
        Assert.Contains("3×2", ex.Message);
    }

    [Fact]
    public void Metrics_NaN_factor_throws_naming_NaN()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.Delta1(With(Ones(3, 2), 0, 0, double.NaN), Ones(2, 2)));
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Sharpness_wrong_layout_throws()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var ex = Assert.Throws<ArgumentException>(() => Sharpness.Estimate(f, Quadratic.Parameters(Ones(3, 2)), new Rng(1)));
        Assert.Contains("parameters", ex.Message);
    }
}
