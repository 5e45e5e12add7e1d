using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Trajectories;
using Xunit.Abstractions;

namespace Muon.Reference.Tests.Trajectories;

public sealed class MatrixFactorizationMetricsTests(ITestOutputHelper output)
{
    private sealed record Aligned(Matrix<double> Target, TargetSvd Svd, Matrix<double> U, Matrix<double> V, Matrix<double> W);

    /// <summary>M* = U diag(s) Vᵀ with d = r, and W ∈ O(d), for the aligned init P₀ = U diag(p₀) Wᵀ, Q₀ = V diag(q₀) Wᵀ.</summary>
    private static Aligned Draw(int m, int n, int r, Rng rng)
    {
        var u = Orthonormal.Haar(m, r, rng);
        var v = Orthonormal.Haar(n, r, rng);
        var s = Enumerable.Range(0, r).Select(i => 4.0 * Math.Pow(0.5, i)).ToArray();
        var target = MatrixFunctions.FromFactors(u, s, v);
        return new Aligned(target, TargetSvd.Of(target), u, v, Orthonormal.Haar(r, rng));
    }

    // SVD backward error ≲ 10·max(m, d)·u·‖P‖; |X| = √(XᵀX) is √2-Lipschitz in Frobenius norm (Araki–Yamagami),
    // and forming U diag Wᵀ adds ≈ r·u·‖P‖: tolerance 2·√2·10·max(m, n, d)·u·(‖P‖_F + ‖Q‖_F).
    private static double SqrtGramTolerance(int m, int n, int d, Matrix<double> p, Matrix<double> q)
        => 2 * Math.Sqrt(2) * 10 * Math.Max(m, Math.Max(n, d)) * MatrixFunctions.UnitRoundoff * (p.FrobeniusNorm() + q.FrobeniusNorm());

    [Theory]
    [InlineData(5, 4, 3, 1UL)]
    [InlineData(4, 4, 4, 2UL)]
    [InlineData(7, 3, 2, 3UL)]
    public void Delta1_aligned_init_equals_w_diag_p_minus_q_wt(int m, int n, int r, ulong seed)
    {
        var rng = new Rng(seed);
        var a = Draw(m, n, r, rng);
        var p0 = Enumerable.Range(0, r).Select(_ => rng.Uniform(0.1, 2)).ToArray();
        var q0 = Enumerable.Range(0, r).Select(_ => rng.Uniform(0.1, 2)).ToArray();
        var p = MatrixFunctions.FromFactors(a.U, p0, a.W);
        var q = MatrixFunctions.FromFactors(a.V, q0, a.W);
        var expected = MatrixFunctions.FromFactors(a.W, p0.Zip(q0, (x, y) => x - y).ToArray(), a.W);
        double error = (MatrixFactorizationMetrics.Delta1(p, q) - expected).FrobeniusNorm();
        double tol = SqrtGramTolerance(m, n, r, p, q);
        output.WriteLine($"‖Δ₁ − W diag(p₀−q₀) Wᵀ‖ = {error:E2}, tolerance {tol:E2}");
        Assert.True(error <= tol, $"error {error:E3} > {tol:E3}");
        // Δ₂ of the same init is W diag(p₀² − q₀²) Wᵀ.
        var expected2 = MatrixFunctions.FromFactors(a.W, p0.Zip(q0, (x, y) => x * x - y * y).ToArray(), a.W);
        Assert.True((MatrixFactorizationMetrics.Delta2(p, q) - expected2).FrobeniusNorm() <= tol * 4);
    }

    [Theory]
    [InlineData(5, 4, 3, 4UL)]
    [InlineData(4, 6, 4, 5UL)]
    public void Mu_out_and_mu_co_co_aligned_factors_are_zero(int m, int n, int r, ulong seed)
    {
        var rng = new Rng(seed);
        var a = Draw(m, n, r, rng);
        var x0 = Enumerable.Range(0, r).Select(_ => rng.Uniform(0.1, 2)).ToArray();
        var p = MatrixFunctions.FromFactors(a.U, x0, a.W);
        var q = MatrixFunctions.FromFactors(a.V, x0, a.W);
        double muOut = MatrixFactorizationMetrics.MuOut(p, q, a.Svd);
        double muCo = MatrixFactorizationMetrics.MuCo(p, q, a.Svd);
        output.WriteLine($"μ_out = {muOut:E2}, μ_co = {muCo:E2}");
        // Zero up to the round-off of forming P, Q and the rotated products (each ≲ max(m, n)·u relative) and of the
        // target's SVD bases (≲ 10·max(m, n)·u): tolerance 100·max(m, n)·u.
        double tol = 100 * Math.Max(m, n) * MatrixFunctions.UnitRoundoff;
        Assert.True(muOut <= tol, $"μ_out = {muOut:E3}");
        Assert.True(muCo <= tol, $"μ_co = {muCo:E3}");
    }

    [Fact]
    public void Mu_co_aligned_unbalanced_factors_equals_norm_of_p_minus_q_over_sum()
    {
        var rng = new Rng(6);
        var a = Draw(5, 4, 3, rng);
        double[] p0 = [1.5, 0.7, 0.2], q0 = [0.5, 0.9, 0.2];
        var p = MatrixFunctions.FromFactors(a.U, p0, a.W);
        var q = MatrixFunctions.FromFactors(a.V, q0, a.W);
        double expected = Math.Sqrt(p0.Zip(q0, (x, y) => (x - y) * (x - y)).Sum()) / (p.FrobeniusNorm() + q.FrobeniusNorm());
        Assert.Equal(expected, MatrixFactorizationMetrics.MuCo(p, q, a.Svd), 13);
        Assert.True(MatrixFactorizationMetrics.MuOut(p, q, a.Svd) <= 1e-13);
    }

    [Theory]
    [InlineData(4, 4, 8, 7UL)]
    [InlineData(5, 3, 2, 8UL)]
    public void Mu_out_and_mu_co_random_factors_are_positive(int m, int n, int d, ulong seed)
    {
        var rng = new Rng(seed);
        var svd = TargetSvd.Of(MatrixFunctions.Gaussian(m, n, 1.0, rng));
        var p = MatrixFunctions.Gaussian(m, d, 1.0, rng);
        var q = MatrixFunctions.Gaussian(n, d, 1.0, rng);
        double muOut = MatrixFactorizationMetrics.MuOut(p, q, svd), muCo = MatrixFactorizationMetrics.MuCo(p, q, svd);
        output.WriteLine($"μ_out = {muOut:F3}, μ_co = {muCo:F3}");
        Assert.True(muOut > 0.1);
        Assert.True(muCo > 0.1);
    }

    [Fact]
    public void Snapshot_balanced_optimum_has_target_spectrum_and_mode_projections()
    {
        var rng = new Rng(9);
        var u = Orthonormal.Haar(4, 4, rng);
        var v = Orthonormal.Haar(4, 4, rng);
        double[] s = [4, 2, 1, 0.5];
        var target = MatrixFunctions.FromFactors(u, s, v);
        var w = Orthonormal.Haar(8, 4, rng);                   // d = 8 > n = 4
        var root = s.Select(Math.Sqrt).ToArray();
        var p = MatrixFunctions.FromFactors(u, root, w);
        var q = MatrixFunctions.FromFactors(v, root, w);
        var snap = MatrixFactorizationSnapshot.Of(p, q, TargetSvd.Of(target));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(s[i], snap.ModeProjections[i], 13);
            Assert.Equal(s[i], snap.SingularValuesProduct[i], 13);
            Assert.Equal(root[i], snap.SingularValuesP[i], 13);
            Assert.Equal(root[i], snap.SingularValuesQ[i], 13);
        }
        Assert.True(snap.Delta1.FrobeniusNorm() <= 1e-13);
        Assert.True(snap.Delta2.FrobeniusNorm() <= 1e-13);
        // P and Q share the row space span(W): all principal angles are 0.
        Assert.NotNull(snap.MisIn);
        Assert.True(Math.Abs(snap.MisIn!.Value) <= 1e-13);
        Assert.True(snap.MuOut <= 1e-13 && snap.MuCo <= 1e-13);
    }

    [Fact]
    public void Mis_in_orthogonal_row_spaces_is_one()
    {
        var p = Matrix<double>.Build.Dense(2, 4, (i, j) => i == j ? 1 : 0);
        var q = Matrix<double>.Build.Dense(2, 4, (i, j) => i + 2 == j ? 1 : 0);
        Assert.Equal(1.0, MatrixFactorizationMetrics.MisIn(p, q));
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.MisIn(p, Matrix<double>.Build.Dense(4, 4, 1.0)));
        Assert.Contains("d > n", ex.Message);
    }

    [Fact]
    public void Relative_drift_known_matrices_is_ratio_of_norms()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 4 } });
        var b = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 1 }, { 0, 4 } });
        Assert.Equal(0.2, MatrixFactorizationMetrics.RelativeDrift(a, b), 15);
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.RelativeDrift(Matrix<double>.Build.Dense(2, 2), b));
        Assert.Contains("zero", ex.Message);
    }
}
