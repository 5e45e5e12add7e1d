using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Reference.Tests.Objectives;

public sealed class InitializationTests
{
    [Theory]
    [InlineData(3, 7)]
    [InlineData(7, 3)]
    [InlineData(5, 5)]
    public void Orthogonal_init_has_orthonormal_short_side_scaled_by_alpha(int rows, int cols)
    {
        var x = Initialization.Orthogonal(rows, cols, 1e-3, new Rng(4));
        var gram = rows <= cols ? x * x.Transpose() : x.TransposeThisAndMultiply(x);
        var expected = 1e-6 * Matrix<double>.Build.DenseIdentity(Math.Min(rows, cols));
        // Householder QR is orthonormal to ~k·u; scaled by α² = 1e-6.
        Assert.True((gram - expected).FrobeniusNorm() < 1e-6 * 1e-14);
    }

    [Fact]
    public void Square_orthogonal_init_is_the_orthonormal_rows_construction()
    {
        // Documented: orthonormal rows when rows ≤ cols, i.e. α·Haar(cols, rows)ᵀ, so a square init is the transpose of the
        // Haar draw from the same seed (reproducible from the seed, as every initialization is); scaling by 0.5 is exact.
        var x = Initialization.Orthogonal(4, 4, 0.5, new Rng(4));
        Assert.Equal(0.5 * Orthonormal.Haar(4, 4, new Rng(4)).Transpose(), x);
    }

    [Fact]
    public void Gaussian_init_has_the_stated_variance()
    {
        // 400×400 = 160 000 entries: the sample variance has relative standard error √(2/N) ≈ 0.0035;
        // 5 standard errors = 0.018.
        var x = Initialization.Gaussian(400, 400, 2.0, 800, new Rng(12));
        double variance = x.Enumerate().Select(v => v * v).Average();
        Assert.InRange(variance / (4.0 / 800), 1 - 0.018, 1 + 0.018);
    }

    [Fact]
    public void Bad_scale_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.Gaussian(2, 2, double.NaN, 2, new Rng(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.Orthogonal(2, 2, -1, new Rng(1)));
    }
}
