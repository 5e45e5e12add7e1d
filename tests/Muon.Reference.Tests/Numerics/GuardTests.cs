using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Numerics;

public sealed class GuardTests
{
    [Fact]
    public void Null_matrix_is_reported_with_the_callers_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Guard.Finite(null, "G"));
        Assert.Equal("G", e.ParamName);
    }

    [Fact]
    public void Finite_non_dense_matrix_is_accepted()
    {
        // A sparse matrix skips the dense fast path: the entry-by-entry loop must stay inside the matrix.
        var m = Matrix<double>.Build.SparseIdentity(3);
        Assert.Same(m, Guard.Finite(m, "G"));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+∞")]
    [InlineData(double.NegativeInfinity, "−∞")]
    public void Matrix_with_only_non_finite_entries_is_rejected(double x, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => Guard.Finite(Matrix<double>.Build.Dense(2, 2, x), "G"));
        Assert.Equal("G", e.ParamName);
        Assert.Contains($"G has {named} at (0, 0) (2×2)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+∞")]
    [InlineData(double.NegativeInfinity, "−∞")]
    public void Non_finite_entry_of_a_sparse_matrix_is_named_with_sign_and_position(double x, string named)
    {
        var m = Matrix<double>.Build.Sparse(2, 3);
        m[1, 2] = x;
        var e = Assert.Throws<ArgumentException>(() => Guard.Finite(m, "G"));
        Assert.Contains($"G has {named} at (1, 2) (2×3)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    public void Shape_mismatch_in_either_dimension_is_rejected_naming_both_shapes(int rows, int cols)
    {
        var e = Assert.Throws<ArgumentException>(() => Guard.Shape(Ones(rows, cols), 2, 2, "X"));
        Assert.Equal("X", e.ParamName);
        Assert.Contains($"X is {rows}×{cols} but 2×2 was expected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_shape_is_accepted() => Guard.Shape(Ones(2, 3), 2, 3, "X");

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_scalar_is_rejected_naming_value(double x, string shown)
    {
        var e = Assert.Throws<ArgumentException>(() => Guard.Finite(x, "s0"));
        Assert.Equal("s0", e.ParamName);
        Assert.Contains("s0 must be finite but is", e.Message, StringComparison.Ordinal);
        Assert.Contains(shown, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Positive_rejects_zero_negative_and_non_finite(double x)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(x, "alpha"));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("alpha must be finite and > 0.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void NonNegative_rejects_negative_and_non_finite(double x)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(x, "eta"));
        Assert.Equal("eta", e.ParamName);
        Assert.Contains("eta must be finite and ≥ 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNegative_accepts_zero() => Assert.Equal(0.0, Guard.NonNegative(0.0, "eta"));
}
