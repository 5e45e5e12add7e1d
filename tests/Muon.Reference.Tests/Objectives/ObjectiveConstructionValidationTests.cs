using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Objectives;

/// <summary>Constructors and factories of the objectives name the bad argument and the problem.</summary>
public sealed class ObjectiveConstructionValidationTests
{
    [Fact]
    public void Matrix_factorization_width_below_one_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixFactorization(Ones(3, 2), 0));
        Assert.Equal("width", e.ParamName);
        Assert.Contains("the hidden width d must be ≥ 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_loss_convention_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixFactorization(Ones(3, 2), 2, (LossConvention)9));
        Assert.Equal("convention", e.ParamName);
        Assert.Contains("unknown loss convention", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(3, 0, 2)]
    [InlineData(3, 2, 0)]
    public void Layout_with_any_dimension_below_one_is_rejected_listing_all_three(int m, int n, int d)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorization.Layout(m, n, d));
        Assert.Equal("m", e.ParamName);
        Assert.Contains($"matrix factorization dimensions must be ≥ 1 but are m={m}, n={n}, d={d}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_parameters_name_the_non_finite_factor()
    {
        var p = Assert.Throws<ArgumentException>(() => MatrixFactorization.Parameters(With(Ones(3, 2), 2, 1, double.NaN), Ones(2, 2)));
        Assert.Equal("p", p.ParamName);
        Assert.StartsWith("p has NaN at (2, 1)", p.Message, StringComparison.Ordinal);
        var q = Assert.Throws<ArgumentException>(() => MatrixFactorization.Parameters(Ones(3, 2), With(Ones(2, 2), 0, 1, double.PositiveInfinity)));
        Assert.Equal("q", q.ParamName);
        Assert.StartsWith("q has +∞ at (0, 1)", q.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_parameters_name_a_null_factor()
    {
        Assert.Equal("p", Assert.Throws<ArgumentNullException>(() => MatrixFactorization.Parameters(null!, Ones(2, 2))).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentNullException>(() => MatrixFactorization.Parameters(Ones(3, 2), null!)).ParamName);
    }

    [Fact]
    public void Symmetric_factorization_width_below_one_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SymmetricMatrixFactorization(Matrix<double>.Build.DenseIdentity(2), 0));
        Assert.Equal("width", e.ParamName);
        Assert.Contains("the width d must be ≥ 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Centered_quadratic_rejects_null_curvature()
        => Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Quadratic.Centered(null!, 2)).ParamName);

    [Fact]
    public void Centered_quadratic_rejects_zero_columns()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quadratic.Centered(Matrix<double>.Build.DenseIdentity(2), 0));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("W needs at least one column.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_covariance_is_rejected_as_not_positive_definite()
    {
        var e = Assert.Throws<ArgumentException>(() => new InContextRegression(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 0.0])));
        Assert.Equal("covariance", e.ParamName);
        Assert.Contains("S is not positive definite: its smallest eigenvalue is 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symmetry_tolerance_is_relative_to_the_largest_entry()
    {
        // max|a| = 100: the tolerance is 1e-10, so a gap of 1e-11 passes even though the matrix has a zero entry,
        // and a gap of 2e-10 fails with the tolerance it exceeded.
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 100.0, 1.0, 0.0 }, { 1.0, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } });
        _ = new Quadratic(With(a, 0, 1, 1.0 + 1e-11), Ones(3, 1));
        var e = Assert.Throws<ArgumentException>(() => new Quadratic(With(a, 0, 1, 1.0 + 2e-10), Ones(3, 1)));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("|a[1,0] − a[0,1]|", e.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds 1E-12·max|a| = 1E-10.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_symmetric_matrix_is_accepted()
    {
        var f = Quadratic.Centered(Matrix<double>.Build.Dense(2, 2), 1);
        Assert.Equal(0.0, f.Loss(Quadratic.Parameters(Ones(2, 1))));
        _ = new SymmetricMatrixFactorization(Matrix<double>.Build.Dense(2, 2), 1);
    }

    [Fact]
    public void Gaussian_initialization_rejects_fan_scale_below_one_and_null_rng()
    {
        var fan = Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.Gaussian(2, 2, 1.0, 0, new Rng(1)));
        Assert.Equal("fanScale", fan.ParamName);
        Assert.Equal("rng", Assert.Throws<ArgumentNullException>(() => Initialization.Gaussian(2, 2, 1.0, 1, null!)).ParamName);
    }

    [Fact]
    public void Orthogonal_initialization_rejects_null_rng()
        => Assert.Equal("rng", Assert.Throws<ArgumentNullException>(() => Initialization.Orthogonal(2, 3, 1.0, null!)).ParamName);
}
