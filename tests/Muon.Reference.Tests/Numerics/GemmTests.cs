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

    [Theory]
    [InlineData(2, 3, 4, 4)] // m = k = n = 2: A too small
    [InlineData(2, 4, 3, 4)] // B too small
    [InlineData(2, 4, 4, 3)] // C too small
    [InlineData(3, 6, 4, 5)] // m = 3, k = n = 2: C needs m·n = 6
    public void Too_small_a_buffer_is_rejected_with_the_shapes_named(int m, int aLength, int bLength, int cLength)
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new double[aLength], m, 2, new double[bLength], false, 2, new double[cLength]));
        Assert.Contains($"buffer too small for a {m}×2 by 2×2 product", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_sized_buffers_are_accepted()
    {
        var c = new double[6];
        Gemm.Multiply(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2, new double[] { 1, 0, 0, 1 }, false, 2, c);
        Assert.Equal([1, 2, 3, 4, 5, 6], c);
    }

    [Theory]
    [InlineData(8, 3, 4)]   // the FMA kernel only
    [InlineData(11, 3, 6)]  // kernel plus ragged rows and columns
    public void Beta_zero_never_reads_the_output_buffer(int m, int k, int n)
    {
        // BLAS semantics: with β = 0, C is written, not read — NaN or garbage left in a reused workspace must not
        // leak into the product (0·NaN = NaN).
        var rng = new Rng(3);
        var a = MatrixFunctions.Gaussian(m, k, 1, rng);
        var b = MatrixFunctions.Gaussian(k, n, 1, rng);
        var c = Enumerable.Repeat(double.NaN, m * n).ToArray();
        Gemm.Multiply(a.ToColumnMajorArray(), m, k, b.ToColumnMajorArray(), false, n, c);
        var expected = a * b;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < m; i++)
                Assert.True(Math.Abs(expected[i, j] - c[j * m + i]) <= 1e-14 * k, $"C[{i},{j}] = {c[j * m + i]:R}, expected {expected[i, j]:R}");
    }
}
