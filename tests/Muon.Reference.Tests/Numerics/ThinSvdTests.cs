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
        // The SVD method: the default (Auto) polar of a well-conditioned input never reaches ThinSvd.
        var polar = new ExactPolar(method: PolarMethod.Svd);
        var g = Sample(m, n);
        var expected = polar.Orthogonalize(g);
        try
        {
            ThinSvd.DirectSvdOverride = _ => throw new NonConvergenceException("injected");
            var svd = ThinSvd.Of(g);
            Assert.Equal(SvdMethod.Transposed, svd.Method);
            Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm() * 10);
            // Same algorithm on Gᵀ: agreement to the polar factor's forward error (κ of a 5×3 Gaussian is ~10).
            Assert.True((polar.Orthogonalize(g) - expected).FrobeniusNorm() < 1e-12);
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
    public void Large_square_input_is_a_thin_svd_on_the_direct_route()
    {
        // 128×128 = 16 384 entries: large enough for the QR and transpose routes, but neither tall nor wide, so the direct
        // SVD (a route that sent it through the transpose would recurse without end). Tolerances as above.
        var g = Sample(128, 128);
        var svd = ThinSvd.Of(g);
        Assert.Equal(SvdMethod.Direct, svd.Method);
        double tol = 8 * 128 * MatrixFunctions.UnitRoundoff;
        Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() <= tol * g.FrobeniusNorm());
    }

    [Fact]
    public void A_failed_svd_of_the_qr_factor_sends_a_tall_input_to_its_direct_svd()
    {
        // 300×60 takes the QR route; the injected failure hits only square inputs, i.e. R (60×60). The route is then
        // declined and G's own direct SVD (which converges) is used: Method Direct, not R's fallback (Transposed).
        var g = Sample(300, 60);
        try
        {
            ThinSvd.DirectSvdOverride = x => x.RowCount == x.ColumnCount ? throw new NonConvergenceException("injected for R") : x.Svd(computeVectors: true);
            var svd = ThinSvd.Of(g);
            Assert.Equal(SvdMethod.Direct, svd.Method);
            Assert.True((svd.Reconstruct(s => s) - g).FrobeniusNorm() <= 8 * 300 * MatrixFunctions.UnitRoundoff * g.FrobeniusNorm());
        }
        finally
        {
            ThinSvd.DirectSvdOverride = null;
        }
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

    [Theory]
    [InlineData("S")]
    [InlineData("U")]
    [InlineData("V")]
    public void A_direct_svd_with_one_non_finite_factor_falls_back(string factor)
    {
        // A NaN anywhere in the direct result (singular values or either factor) must send the decomposition to the
        // transposed SVD, whose result is then a valid decomposition.
        var g = Sample(5, 3);
        try
        {
            ThinSvd.DirectSvdOverride = x =>
            {
                var svd = x.Svd(computeVectors: true);
                switch (factor)
                {
                    case "S": svd.S[1] = double.NaN; break;
                    case "U": svd.U[4, 2] = double.NaN; break;
                    default: svd.VT[2, 0] = double.NaN; break;
                }
                return svd;
            };
            var result = ThinSvd.Of(g);
            Assert.Equal(SvdMethod.Transposed, result.Method);
            Assert.True((result.Reconstruct(s => s) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm() * 10);
        }
        finally
        {
            ThinSvd.DirectSvdOverride = null;
        }
    }

    [Fact]
    public void Gram_eigen_fallback_reports_noise_below_the_squaring_floor_as_zero_at_any_scale()
    {
        // Eigenvalues of AᵀA carry absolute error ~k·u·σ₁², so singular values below ~√(k·u)·σ₁ are noise: a rank-1
        // input must come back with exactly one non-zero singular value, also when σ₁ is far from 1 (the floor is
        // relative to σ₁).
        var v = MatrixFunctions.Gaussian(5, 1, 1.0, new Rng(9));
        foreach (double scale in new[] { 1e-3, 1.0, 1e6 })
        {
            var svd = ThinSvd.FromGramEigen(scale * (v * v.Transpose()));
            Assert.True(Math.Abs(svd.S[0] - scale * v.Column(0).DotProduct(v.Column(0))) <= 1e-13 * svd.S[0], $"σ₁ = {svd.S[0]:R}");
            for (int i = 1; i < 5; i++) Assert.True(svd.S[i] == 0, $"scale {scale}: σ{i} = {svd.S[i]:R}");
        }
    }

    [Fact]
    public void Gram_eigen_fallback_reports_a_singular_value_at_the_floor_as_zero()
    {
        // diag(1, f) with f = 10·√(2u), the floor for k = 2 and σ₁ = 1: the Gram matrix is diag(1, f²) and √(f²) = f in
        // float64, so σ₂ lands exactly on the floor, which is on the unresolved side ("at or below").
        double floor = 10 * Math.Sqrt(2 * MatrixFunctions.UnitRoundoff);
        var svd = ThinSvd.FromGramEigen(Matrix<double>.Build.DenseOfDiagonalArray([1.0, floor]));
        Assert.Equal([1.0, 0.0], svd.S);
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
