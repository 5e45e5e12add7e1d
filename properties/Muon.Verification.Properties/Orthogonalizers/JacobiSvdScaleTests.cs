using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Oracles;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>
/// The Jacobi oracle at any scale (it works on 2^−e·G), on clustered singular values (its rotation test allows for the
/// dot product's own rounding), and its sweep cap (it reports non-convergence).
/// </summary>
public sealed class JacobiSvdScaleTests
{
    private static Matrix<double> Dense(int m, int n)
        => Matrix<double>.Build.Dense(m, n, (i, j) => Math.Sin(1.7 * i + 0.3 * j * j + 1) + 0.1 * (i - j));

    /// <summary>
    /// Powers of two from ≈ 1e-301 to ≈ 1e301 (2^−1000 … 2^1000): the entries of 2^k·G stay normal, so scaling is exact
    /// and the decomposition must be the same bits. Before the oracle rescaled, 2^−500 (≈ 3e-151) used all 80 sweeps,
    /// 2^−1000 gave singular values wrong by orders of magnitude, and 2^830 (≈ 7e249) threw on a NaN.
    /// </summary>
    public static TheoryData<int, int, int> Scales() => new()
    {
        { 6, 4, -1000 }, { 6, 4, -530 }, { 6, 4, -500 }, { 6, 4, 830 }, { 6, 4, 1000 },
        { 3, 7, -1000 }, { 3, 7, 830 },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Singular_values_scale_exactly_with_a_power_of_two(int m, int n, int k)
    {
        var g = Dense(m, n);
        var reference = JacobiSvd.Of(g);
        var scaled = JacobiSvd.Of(g.Map(x => Math.ScaleB(x, k)));
        Assert.Equal(reference.S.Select(s => Math.ScaleB(s, k)), scaled.S);
        Assert.Equal(reference.Sweeps, scaled.Sweeps);
        Assert.Equal(reference.UFactor, scaled.UFactor);
        Assert.Equal(reference.V, scaled.V);
    }

    [Fact]
    public void The_sweep_cap_is_reported_not_returned()
    {
        // The dense 6×4 matrix needs a few rotating sweeps and then one that rotates nothing; a cap that stops before that
        // last sweep must throw, one sweep more must give the same answer as the default cap.
        var g = Dense(6, 4);
        var converged = JacobiSvd.Of(g);
        Assert.InRange(converged.Sweeps, 2, 20);
        var e = Assert.Throws<InvalidOperationException>(() => JacobiSvd.Of(g, converged.Sweeps));
        Assert.Equal($"the Jacobi SVD of a 6×4 matrix still rotated after {converged.Sweeps} sweeps.", e.Message);
        var capped = JacobiSvd.Of(g, converged.Sweeps + 1);
        Assert.Equal(converged.S, capped.S);
        Assert.Equal(converged.Sweeps, capped.Sweeps);
    }

    [Theory]
    [InlineData(22UL)]
    [InlineData(24UL)]
    [InlineData(32UL)]
    public void Clustered_singular_values_converge_in_a_few_sweeps(ulong seed)
    {
        // σ = 1, 0.9967, …, 0.98 (κ = 1.02): with the rotation test |aᵢᵀaⱼ| ≤ u·‖aᵢ‖‖aⱼ‖ these three draws still rotated
        // after 80 sweeps (rotations leave off-diagonals of rounding size); with p·u they converge like any other input
        // (≤ 12 sweeps over 6 000 random inputs up to 16×16). Reconstruction to ~p·u·‖G‖; 1e-13 leaves room.
        var rng = new Rng(seed);
        var s = Enumerable.Range(0, 7).Select(i => 1 - 0.02 * i / 6).ToArray();
        var g = MatrixFunctions.FromFactors(Orthonormal.Haar(7, 7, rng), s, Orthonormal.Haar(7, 7, rng));
        var svd = JacobiSvd.Of(g);
        Assert.InRange(svd.Sweeps, 1, 20);
        Assert.True((svd.Reconstruct(i => svd.S[i]) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm());
        for (int i = 0; i < 7; i++) Assert.Equal(s[i], svd.S[i], 14);
    }

    [Fact]
    public void A_pair_exactly_at_the_rotation_tolerance_is_left_alone()
    {
        // Columns (1, 0) and (2u, 1) of a 2×2 matrix: aᵢᵀaⱼ = 2u and p·u·‖aᵢ‖‖aⱼ‖ = 2u·√(1 + 4u²) = 2u in float64, so the pair
        // is exactly at the tolerance, which counts as orthogonal ("|aᵢᵀaⱼ| ≤ p·u·‖aᵢ‖‖aⱼ‖"): no sweep rotates.
        double twoU = 2 * MatrixFunctions.UnitRoundoff;
        var svd = JacobiSvd.Of(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, twoU }, { 0, 1 } }));
        Assert.Equal(0, svd.Sweeps);
    }
}
