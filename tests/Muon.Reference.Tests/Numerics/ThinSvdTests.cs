using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Numerics;

[Collection(nameof(SvdOverrideCollection))]
public sealed class ThinSvdTests
{
    private static Matrix<double> Sample(int m, int n) => MatrixFunctions.Gaussian(m, n, 1.0, new Rng(3));

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    public void Direct_svd_reconstructs(int m, int n)
    {
        var g = Sample(m, n);
        var svd = ThinSvd.Of(g);
        Assert.Equal(SvdMethod.Direct, svd.Method);
        Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm() * 10);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 4)]
    public void Exact_polar_survives_non_convergence_through_the_fallbacks(int m, int n)
    {
        var g = Sample(m, n);
        var expected = ExactPolar.Default.Orthogonalize(g);
        try
        {
            ThinSvd.DirectSvdOverride = _ => throw new NonConvergenceException("injected");
            var svd = ThinSvd.Of(g);
            Assert.Equal(SvdMethod.Transposed, svd.Method);
            // Same algorithm on Gᵀ: agreement to the polar factor's forward error (κ of a 5×3 Gaussian is ~10).
            Assert.True((ExactPolar.Default.Orthogonalize(g) - expected).FrobeniusNorm() < 1e-12);
        }
        finally
        {
            ThinSvd.DirectSvdOverride = null;
        }
    }

    [Theory]
    [InlineData(300, 60)]
    [InlineData(60, 300)]
    public void Rectangular_path_through_QR_is_a_thin_svd(int m, int n)
    {
        // 18 000 entries: above the size where ThinSvd goes through a thin QR. Backward stable: reconstruction to
        // ~k·u·‖G‖, orthonormal factors to ~k·u, singular values equal to MathNet's direct SVD to ~k·u·σ₁.
        var g = Sample(m, n);
        var svd = ThinSvd.Of(g);
        int k = Math.Min(m, n);
        double tol = 8 * Math.Max(m, n) * MatrixFunctions.UnitRoundoff;
        Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() <= tol * g.FrobeniusNorm());
        Assert.True((svd.U.TransposeThisAndMultiply(svd.U) - Matrix<double>.Build.DenseIdentity(k)).FrobeniusNorm() <= tol * k);
        Assert.True((svd.V.TransposeThisAndMultiply(svd.V) - Matrix<double>.Build.DenseIdentity(k)).FrobeniusNorm() <= tol * k);
        var direct = g.Svd(computeVectors: false).S;
        for (int i = 0; i < k; i++) Assert.True(Math.Abs(direct[i] - svd.S[i]) <= tol * svd.S[0], $"σ{i}: {svd.S[i]:R} vs {direct[i]:R}");
    }

    [Fact]
    public void Gram_eigen_fallback_is_a_valid_decomposition()
    {
        var g = Sample(6, 4);
        var svd = ThinSvd.FromGramEigen(g);
        // Squaring the matrix costs √u relative accuracy on small singular values only; on a Gaussian 6×4
        // (κ ≈ 5) the reconstruction is accurate to ~κ²u·‖G‖.
        Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() < 1e-12 * g.FrobeniusNorm());
        Assert.True((svd.U.TransposeThisAndMultiply(svd.U) - Matrix<double>.Build.DenseIdentity(4)).FrobeniusNorm() < 1e-12);
        var wide = ThinSvd.FromGramEigen(g.Transpose());
        Assert.True((wide.Reconstruct(s => s) - g.Transpose()).FrobeniusNorm() < 1e-12 * g.FrobeniusNorm());
    }

    [Fact]
    public void Gram_eigen_fallback_completes_the_basis_for_rank_deficient_input()
    {
        var v = MatrixFunctions.Gaussian(5, 1, 1.0, new Rng(9));
        var g = v * v.Transpose(); // rank 1, 5×5
        var svd = ThinSvd.FromGramEigen(g);
        Assert.True((svd.U.TransposeThisAndMultiply(svd.U) - Matrix<double>.Build.DenseIdentity(5)).FrobeniusNorm() < 1e-10);
    }
}

[CollectionDefinition(nameof(SvdOverrideCollection), DisableParallelization = true)]
public sealed class SvdOverrideCollection;
