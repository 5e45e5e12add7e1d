using Muon.Reference.Numerics;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Numerics;

public sealed class NumericsInputValidationTests
{
    [Fact]
    public void Binary_exponent_of_null_names_the_matrix()
    {
        var e = Assert.Throws<ArgumentNullException>(() => BinaryScaling.ExponentOf(null!));
        Assert.Equal("g", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Binary_scale_of_null_names_the_matrix_for_any_exponent(int exponent)
    {
        var e = Assert.Throws<ArgumentNullException>(() => BinaryScaling.Scale(null!, exponent));
        Assert.Equal("g", e.ParamName);
    }

    [Theory]
    [InlineData(3, 3)] // same rows, different columns
    [InlineData(2, 2)] // same columns, different rows
    public void Inner_product_of_different_shapes_names_both_shapes(int rows, int cols)
    {
        var e = Assert.Throws<ArgumentException>(() => MatrixFunctions.Inner(Ones(3, 2), Ones(rows, cols)));
        Assert.Contains($"inner product of 3×2 and {rows}×{cols}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Haar_with_more_columns_than_rows_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Orthonormal.Haar(2, 3, new Rng(1)));
        Assert.Equal("cols", e.ParamName);
        Assert.Contains("cannot have 3 orthonormal columns in R^2", e.Message, StringComparison.Ordinal);
    }
}
