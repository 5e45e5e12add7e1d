using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests;

public sealed class ObjectiveValidationTests
{
    [Fact]
    public void MatrixFactorization_NaNTarget_ThrowsNamingNaNAndEntry()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(With(Ones(3, 2), 1, 0, double.NaN), 2));
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("(1, 0)", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_InfiniteTarget_ThrowsNamingInfinity()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(With(Ones(3, 2), 2, 1, double.NegativeInfinity), 2));
        Assert.Contains("−∞", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_EmptyTarget_ThrowsNamingEmpty()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MatrixFactorization(Matrix<double>.Build.Dense(0, 3), 2));
        Assert.Contains("empty", ex.Message);
        Assert.Contains("0×3", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_ZeroWidth_ThrowsNamingWidth()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixFactorization(Ones(3, 2), 0));
        Assert.Contains("width", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_WrongShapeOfP_ThrowsNamingBothShapes()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var ex = Assert.Throws<ArgumentException>(() => f.Loss(MatrixFactorization.Parameters(Ones(4, 2), Ones(2, 2))));
        Assert.Contains("'P' is 4×2 but 3×2 was expected", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_NaNInQ_ThrowsNamingParameterAndNaN()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var x = ParameterSet.Of(("P", Ones(3, 2)), ("Q", With(Ones(2, 2), 0, 1, double.NaN)));
        var ex = Assert.Throws<ArgumentException>(() => f.Gradient(x));
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("'Q'", ex.Message);
    }

    [Fact]
    public void MatrixFactorization_HvpDirectionWithWrongShape_Throws()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var x = MatrixFactorization.Parameters(Ones(3, 2), Ones(2, 2));
        var ex = Assert.Throws<ArgumentException>(() => f.HessianVectorProduct(x, MatrixFactorization.Parameters(Ones(3, 2), Ones(3, 2))));
        Assert.Contains("'Q' is 3×2 but 2×2 was expected", ex.Message);
    }

    [Fact]
    public void MatrixFactorizationParameters_DifferentWidths_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorization.Parameters(Ones(3, 2), Ones(2, 3)));
        Assert.Contains("3×2", ex.Message);
        Assert.Contains("2×3", ex.Message);
    }

    [Fact]
    public void Quadratic_NonSquareA_ThrowsNamingSquare()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(Ones(2, 3), Ones(2, 1)));
        Assert.Contains("2×3", ex.Message);
        Assert.Contains("square", ex.Message);
    }

    [Fact]
    public void Quadratic_AsymmetricA_ThrowsNamingSymmetry()
    {
        var a = With(Ones(3, 3), 0, 2, 1 + 1e-9);
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(a, Ones(3, 1)));
        Assert.Contains("not symmetric", ex.Message);
    }

    [Fact]
    public void Quadratic_SymmetricWithinRelativeTolerance_IsAccepted()
    {
        var a = With(Ones(3, 3), 0, 2, 1 + 1e-13);
        var f = new Quadratic(a, Ones(3, 1));
        Assert.Equal(0.0, f.Loss(Quadratic.Parameters(Ones(3, 1))));
    }

    [Fact]
    public void Quadratic_MinimizerWithWrongRows_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Quadratic(Ones(3, 3), Ones(2, 4)));
        Assert.Contains("2×4", ex.Message);
        Assert.Contains("3 rows", ex.Message);
    }

    [Fact]
    public void SymmetricMatrixFactorization_AsymmetricTarget_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SymmetricMatrixFactorization(With(Ones(3, 3), 1, 0, 2), 2));
        Assert.Contains("not symmetric", ex.Message);
    }

    [Fact]
    public void InContextRegression_IndefiniteCovariance_ThrowsNamingPositiveDefinite()
    {
        var s = Matrix<double>.Build.DenseOfDiagonalArray([1.0, -0.5]);
        var ex = Assert.Throws<ArgumentException>(() => new InContextRegression(s));
        Assert.Contains("positive definite", ex.Message);
    }

    [Fact]
    public void InContextRegression_InfiniteCovariance_ThrowsNamingInfinity()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InContextRegression(With(Matrix<double>.Build.DenseIdentity(2), 1, 1, double.PositiveInfinity)));
        Assert.Contains("+∞", ex.Message);
    }

    [Fact]
    public void Metrics_TargetShapeMismatch_ThrowsNamingShapes()
    {
        var svd = TargetSvd.Of(Ones(3, 2) + Matrix<double>.Build.Dense(3, 2, (i, j) => i == j ? 1 : 0));
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.MuOut(Ones(4, 2), Ones(2, 2), svd));
        Assert.Contains("P is 4×2", ex.Message);
        Assert.Contains("3×2", ex.Message);
    }

    [Fact]
    public void Metrics_NaNFactor_ThrowsNamingNaN()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.Delta1(With(Ones(3, 2), 0, 0, double.NaN), Ones(2, 2)));
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Sharpness_WrongLayout_Throws()
    {
        var f = new MatrixFactorization(Ones(3, 2), 2);
        var ex = Assert.Throws<ArgumentException>(() => Sharpness.Estimate(f, Quadratic.Parameters(Ones(3, 2)), new Rng(1)));
        Assert.Contains("parameters", ex.Message);
    }
}
