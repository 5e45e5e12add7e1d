using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Tests.Numerics;

public sealed class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(8, 3, 4)]
    [InlineData(13, 7, 9)]
    [InlineData(16, 16, 16)]
    [InlineData(33, 5, 70)]
    public void Product_matches_the_reference_within_the_dot_product_error_bound(int m, int k, int n)
    {
        var rng = new Rng((ulong)(m * 1000 + k * 10 + n));
        var a = MatrixFunctions.Gaussian(m, k, 1, rng);
        var b = MatrixFunctions.Gaussian(k, n, 1, rng);
        var c0 = MatrixFunctions.Gaussian(m, n, 1, rng);
        foreach (bool transpose in new[] { false, true })
        {
            foreach (double beta in new[] { 0.0, 0.7 })
            {
                var stored = transpose ? b.Transpose() : b;
                var c = c0.ToColumnMajorArray();
                Gemm.Multiply(a.ToColumnMajorArray(), m, k, stored.ToColumnMajorArray(), transpose, n, c, beta);
                var expected = a * b + beta * c0;
                // |fl(Σ) − Σ| ≤ γ_{k+1}·(|A||B| + β|C|) entrywise, γ_j = j·u/(1 − j·u); checked with 2γ for slack in the reference too.
                var bound = (a.PointwiseAbs() * b.PointwiseAbs() + beta * c0.PointwiseAbs()) * (2 * (k + 1) * MatrixFunctions.UnitRoundoff);
                var actual = Matrix<double>.Build.Dense(m, n, c);
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                        Assert.True(Math.Abs(actual[i, j] - expected[i, j]) <= bound[i, j], $"({i},{j}) transpose={transpose} β={beta}: {actual[i, j]:R} vs {expected[i, j]:R}");
            }
        }
    }

    [Fact]
    public void Too_small_a_buffer_is_rejected()
        => Assert.Throws<ArgumentException>(() => Gemm.Multiply(new double[3], 2, 2, new double[4], false, 2, new double[4]));
}
