using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Numerics;

/// <summary>ThinSvd.Of checks its own input (BinaryScaling.Normalize, which it calls next, only rejects null).</summary>
public sealed class ThinSvdInputValidationTests
{
    [Theory]
    [InlineData(double.NaN, "g has NaN at (1, 0) (3×2).")]
    [InlineData(double.PositiveInfinity, "g has +∞ at (1, 0) (3×2).")]
    [InlineData(double.NegativeInfinity, "g has −∞ at (1, 0) (3×2).")]
    public void Non_finite_entry_is_rejected_naming_it(double x, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ThinSvd.Of(With(Ones(3, 2), 1, 0, x)));
        Assert.Equal("g", e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void Empty_matrix_is_rejected_naming_its_shape(int rows, int cols)
    {
        var e = Assert.Throws<ArgumentException>(() => ThinSvd.Of(Matrix<double>.Build.Dense(rows, cols)));
        Assert.Equal("g", e.ParamName);
        Assert.StartsWith($"g is empty ({rows}×{cols})", e.Message, StringComparison.Ordinal);
    }
}
