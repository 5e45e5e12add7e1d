using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Reference.Tests.Objectives;

/// <summary>What <see cref="Sharpness.Estimate"/> certifies: the residuals, and the degenerate Krylov spaces.</summary>
public sealed class LanczosCertificateTests
{
    private static Quadratic WithSpectrum(double[] lambdas, Rng rng)
    {
        var basis = Orthonormal.Haar(lambdas.Length, rng);
        var a = MatrixFunctions.FromFactors(basis, lambdas, basis);
        return Quadratic.Centered(0.5 * (a + a.Transpose()), 1);
    }

    [Fact]
    public void Zero_hessian_gives_zero_ritz_values_and_zero_residuals()
    {
        // Every Krylov space of the zero matrix is invariant after one step (β = 0): Lanczos must restart with a
        // fresh vector instead of dividing by β, and the estimate is exactly 0 with residual 0.
        var f = Quadratic.Centered(Matrix<double>.Build.Dense(5, 5), 2);
        var at = Quadratic.Parameters(Matrix<double>.Build.Dense(5, 2));
        foreach (int iterations in new[] { 4, 80 })
        {
            var est = Sharpness.Estimate(f, at, new Rng(1), iterations);
            Assert.Equal(0.0, est.LambdaMax);
            Assert.Equal(0.0, est.LambdaMin);
            Assert.Equal(0.0, est.ResidualMax);
            Assert.Equal(0.0, est.ResidualMin);
        }
    }

    [Fact]
    public void Invariant_krylov_space_restarts_and_still_finds_both_ends()
    {
        // Two eigenvalues, each of multiplicity 3: every Krylov space has dimension 2, so β₂ is at rounding level and
        // Lanczos must restart with a fresh vector (reusing the old one would duplicate a basis vector and corrupt T).
        var rng = new Rng(6);
        var f = WithSpectrum([2, 2, 2, 1, 1, 1], rng);
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(6, 1)), rng);
        // Orthogonal tridiagonalization: Ritz values are eigenvalues to ~k·u·‖H‖ ≈ 1.3e-15; 1e-12 leaves 3 orders.
        Assert.True(Math.Abs(est.LambdaMax - 2) <= 1e-12, $"θ_max = {est.LambdaMax:R}");
        Assert.True(Math.Abs(est.LambdaMin - 1) <= 1e-12, $"θ_min = {est.LambdaMin:R}");
    }

    [Fact]
    public void A_start_vector_that_is_an_eigenvector_restarts_until_the_space_is_spanned()
    {
        // H = 2I − 3·q₀q₀ᵀ with q₀ the start vector itself (drawn from the same seed as Estimate draws it): Hq₀ = −q₀, so the
        // Krylov space is invariant after one step and each fresh vector is invariant again. With k = dim the restarts must
        // still span the space, so the other end of the spectrum, 2 (multiplicity 4), is found; staying on q₀ would
        // report −1 for both ends. Ritz values are eigenvalues to ~k·u·‖H‖ ≈ 2e-15; 1e-12 leaves three orders.
        var draw = new Rng(3);
        var q0 = Vector<double>.Build.Dense(5, _ => draw.Normal());
        q0 /= q0.L2Norm();
        var f = Quadratic.Centered(2 * Matrix<double>.Build.DenseIdentity(5) - 3 * q0.OuterProduct(q0), 1);
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(5, 1)), new Rng(3));
        Assert.True(Math.Abs(est.LambdaMax - 2) <= 1e-12, $"θ_max = {est.LambdaMax:R}");
        Assert.True(Math.Abs(est.LambdaMin + 1) <= 1e-12, $"θ_min = {est.LambdaMin:R}");
    }

    [Fact]
    public void The_invariance_test_is_relative_to_the_hessians_scale()
    {
        // β_j ≤ 1e-12·max|T| is a relative test: on a Hessian of size 1e-8 no β of a distinct spectrum is that small, so
        // Lanczos never restarts and k = dim is an orthogonal tridiagonalization (Ritz values = eigenvalues to ~k·u·‖H‖).
        // A test that restarted on such a β would drop a coupling of T and report Rayleigh quotients instead.
        var rng = new Rng(4);
        var f = WithSpectrum([5e-8, 3e-8, 2e-8, 1e-8, 0.5e-8, 0.25e-8], rng);
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(6, 1)), rng);
        Assert.True(Math.Abs(est.LambdaMax - 5e-8) <= 1e-12 * 5e-8, $"θ_max = {est.LambdaMax:R}");
        Assert.True(Math.Abs(est.LambdaMin - 0.25e-8) <= 1e-12 * 5e-8, $"θ_min = {est.LambdaMin:R}");
    }

    [Fact]
    public void Full_krylov_space_reports_residual_exactly_zero()
    {
        // k = dim: the Lanczos basis spans the space and T is H in that basis, so the Ritz values are eigenvalues
        // (to rounding) and the reported residual is 0 by definition, not the rounding-level β_k.
        var rng = new Rng(4);
        var f = WithSpectrum([5, 3, 2, 1, 0.5, 0.25], rng);
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(6, 1)), rng);
        Assert.Equal(6, est.Iterations);
        Assert.Equal(0.0, est.ResidualMax);
        Assert.Equal(0.0, est.ResidualMin);
    }

    [Fact]
    public void Residual_certifies_a_converged_top_eigenvalue_and_bounds_an_unconverged_bottom_one()
    {
        // Spectrum {10} ∪ 39 values in [0, 1]: with gap ratio γ = 9 Kaniel–Paige puts the top Ritz value within
        // (tan θ₀ / T₁₉(1 + 2γ))² ≈ 1e-50 of 10 after 20 steps, so its residual β₂₀|y₂₀| is at rounding level
        // (~k·u·‖H‖ = 2e-14); 1e-8 leaves six orders. The bottom of a cluster is not converged in 20 steps, but
        // the residual still bounds the distance from θ_min to the nearest eigenvalue (Kahan: |θ − λ| ≤ ‖Hx − θx‖).
        var rng = new Rng(9);
        var lambdas = new double[40];
        lambdas[0] = 10;
        for (int i = 1; i < 40; i++) lambdas[i] = (i - 1) / 38.0;
        var f = WithSpectrum(lambdas, rng);
        var est = Sharpness.Estimate(f, Quadratic.Parameters(Matrix<double>.Build.Dense(40, 1)), rng, maxIterations: 20);
        double noise = 20 * 10 * MatrixFunctions.UnitRoundoff * 10;
        Assert.Equal(20, est.Iterations);
        Assert.True(Math.Abs(est.LambdaMax - 10) <= 1e-12, $"θ_max = {est.LambdaMax:R}");
        Assert.True(est.ResidualMax <= 1e-8, $"residual of θ_max = {est.ResidualMax:R}");
        double nearest = lambdas.Min(l => Math.Abs(l - est.LambdaMin));
        Assert.True(nearest <= est.ResidualMin + noise, $"θ_min = {est.LambdaMin:R} is {nearest:R} from the spectrum, residual {est.ResidualMin:R}");
        Assert.True(est.ResidualMin > 1e-8, $"θ_min's residual {est.ResidualMin:R} claims convergence inside a 39-value cluster after 20 steps");
    }
}
