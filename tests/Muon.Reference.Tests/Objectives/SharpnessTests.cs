using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Xunit.Abstractions;

namespace Muon.Reference.Tests.Objectives;

public sealed class SharpnessTests(ITestOutputHelper output)
{
    // Lanczos with full reorthogonalization that spans the whole space (k = dim ≤ 80 here) is an orthogonal
    // tridiagonalization: Ritz values are eigenvalues to ≈ k·u·‖H‖₂ ≈ 1e-14 relative. 1e-10 leaves 4 orders.
    private const double RelativeTolerance = 1e-10;

    /// <summary>M* = U diag(s) Vᵀ and the balanced optimum P* = U S^½ Wᵀ, Q* = V S^½ Wᵀ (W d×r orthonormal columns).</summary>
    private static (Matrix<double> Target, Matrix<double> P, Matrix<double> Q, double S1) BalancedOptimum(int m, int n, int r, int d, Rng rng)
    {
        var u = Orthonormal.Haar(m, r, rng);
        var v = Orthonormal.Haar(n, r, rng);
        var w = Orthonormal.Haar(d, r, rng);
        var s = Enumerable.Range(0, r).Select(i => 3.0 * Math.Pow(0.6, i)).ToArray();
        var root = s.Select(Math.Sqrt).ToArray();
        return (MatrixFunctions.FromFactors(u, s, v), MatrixFunctions.FromFactors(u, root, w), MatrixFunctions.FromFactors(v, root, w), s[0]);
    }

    [Theory]
    [InlineData(5, 4, 3, 3, LossConvention.Half, 2.0)]
    [InlineData(5, 4, 3, 3, LossConvention.Full, 4.0)]
    [InlineData(4, 4, 2, 4, LossConvention.Half, 2.0)]
    [InlineData(6, 3, 3, 5, LossConvention.Full, 4.0)]
    public void Estimate_balanced_optimum_is_two_S1_half_and_four_S1_full(int m, int n, int r, int d, LossConvention convention, double multiple)
    {
        var rng = new Rng(42);
        var (target, p, q, s1) = BalancedOptimum(m, n, r, d, rng);
        var f = new MatrixFactorization(target, d, convention);
        var est = Sharpness.Estimate(f, MatrixFactorization.Parameters(p, q), rng);
        double relative = Math.Abs(est.LambdaMax - multiple * s1) / (multiple * s1);
        output.WriteLine($"λ_max = {est.LambdaMax:R}, expected {multiple * s1:R}, relative error {relative:E2}, λ_min = {est.LambdaMin:E2}, k = {est.Iterations}/{est.Dimension}");
        Assert.Equal(est.Dimension, est.Iterations);
        Assert.True(relative <= RelativeTolerance, $"relative error {relative:E3}");
        // The GL(d) symmetry (P, Q) → (PG, QG⁻ᵀ) gives d² zero eigenvalues at any optimum.
        Assert.True(Math.Abs(est.LambdaMin) <= RelativeTolerance * est.LambdaMax, $"λ_min = {est.LambdaMin:E3}");
        // GD threshold 2/λ_max: 1/s₁ for L_half, 1/(2s₁) for L_full.
        double threshold = Sharpness.SharpnessThreshold(est.LambdaMax);
        Assert.True(Math.Abs(threshold - 2 / (multiple * s1)) <= RelativeTolerance * threshold);
    }

    [Fact]
    public void Estimate_realistic_size_default_iterations_find_two_S1()
    {
        // m = n = d = 32: the Hessian has dimension 2048 and the default 80 Lanczos steps span a small part of it.
        // The top eigenvalue 2s₁ is separated from the next, s₁ + s₂ = 1.6·s₁ (sₖ = 3·0.6^k), by a relative gap of
        // 0.2, so Lanczos converges to it geometrically (Kaniel–Paige); 80 steps give far better than 1e-10.
        var rng = new Rng(7);
        var (target, p, q, s1) = BalancedOptimum(32, 32, 32, 32, rng);
        var est = Sharpness.Estimate(new MatrixFactorization(target, 32), MatrixFactorization.Parameters(p, q), rng);
        double relative = Math.Abs(est.LambdaMax - 2 * s1) / (2 * s1);
        output.WriteLine($"λ_max = {est.LambdaMax:R}, 2s₁ = {2 * s1:R}, relative error {relative:E2}, k = {est.Iterations}/{est.Dimension}");
        Assert.True(est.Iterations < est.Dimension);
        Assert.True(relative <= 1e-10, $"relative error {relative:E3}");
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(1.7)]
    public void Estimate_unbalanced_optimum_is_c_squared_plus_inverse_times_S1(double c)
    {
        var rng = new Rng(7);
        var (target, p, q, s1) = BalancedOptimum(5, 4, 3, 3, rng);
        var f = new MatrixFactorization(target, 3);
        double lambda = Sharpness.LambdaMax(f, MatrixFactorization.Parameters(c * p, q / c), rng);
        double expected = (c * c + 1 / (c * c)) * s1;
        output.WriteLine($"c = {c}: λ_max = {lambda:R}, expected {expected:R}");
        Assert.True(Math.Abs(lambda - expected) <= RelativeTolerance * expected, $"λ_max = {lambda:R}, expected {expected:R}");
    }

    [Fact]
    public void Estimate_quadratic_returns_extreme_eigenvalues_of_a()
    {
        var rng = new Rng(3);
        var basis = Orthonormal.Haar(6, rng);
        double[] lambdas = [10, 5, 2, 1, 0.1, 1e-3];
        var a = MatrixFunctions.FromFactors(basis, lambdas, basis);
        var f = new Quadratic(0.5 * (a + a.Transpose()), MatrixFunctions.Gaussian(6, 3, 1.0, rng));
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(6, 3)), rng);
        Assert.True(Math.Abs(est.LambdaMax - 10) <= RelativeTolerance * 10, $"λ_max = {est.LambdaMax:R}");
        // Absolute accuracy ≈ k·u·‖H‖ ≈ 2e-14 on an eigenvalue of 1e-3: relative 2e-11.
        Assert.True(Math.Abs(est.LambdaMin - 1e-3) <= RelativeTolerance * 10, $"λ_min = {est.LambdaMin:R}");
    }

    [Fact]
    public void Estimate_fewer_iterations_than_dimension_interlaces_and_reports_residual()
    {
        var rng = new Rng(5);
        var f = new MatrixFactorization(MatrixFunctions.Gaussian(8, 7, 1.0, rng), 6);
        var x = MatrixFactorization.Parameters(MatrixFunctions.Gaussian(8, 6, 1.0, rng), MatrixFunctions.Gaussian(7, 6, 1.0, rng));
        var full = Sharpness.Estimate(f, x, new Rng(1), maxIterations: 200);
        var partial = Sharpness.Estimate(f, x, new Rng(1), maxIterations: 20);
        output.WriteLine($"dim {full.Dimension}: λ_max = {full.LambdaMax:R}; 20 steps: {partial.LambdaMax:R}, residual {partial.ResidualMax:E2}");
        Assert.Equal((8 + 7) * 6, full.Dimension);
        Assert.Equal(full.Dimension, full.Iterations);
        Assert.Equal(20, partial.Iterations);
        Assert.True(partial.LambdaMax <= full.LambdaMax * (1 + RelativeTolerance));
        Assert.True(partial.LambdaMin >= full.LambdaMin - RelativeTolerance * full.LambdaMax);
        Assert.True(full.LambdaMax - partial.LambdaMax <= partial.ResidualMax + RelativeTolerance * full.LambdaMax);
    }

    [Fact]
    public void Sharpness_threshold_values_are_two_over_lambda()
    {
        Assert.Equal(1.0, Sharpness.SharpnessThreshold(2.0));
        Assert.Equal(0.25, Sharpness.SharpnessThreshold(8.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sharpness.SharpnessThreshold(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sharpness.SharpnessThreshold(double.NaN));
    }
}
