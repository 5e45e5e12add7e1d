using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Xunit.Abstractions;
using static Muon.Reference.Tests.Support.FiniteDifference;

namespace Muon.Reference.Tests.Objectives;

public sealed class SymmetricMatrixFactorizationDerivativeTests(ITestOutputHelper output)
{
    private static SymmetricMatrixFactorization Draw(int n, int d, Rng rng)
    {
        var g = MatrixFunctions.Gaussian(n, n, 1.0, rng);
        return new SymmetricMatrixFactorization(g + g.Transpose(), d);
    }

    [Fact]
    public void Loss_is_a_quarter_of_the_squared_residual_and_vanishes_at_an_exact_factorization()
    {
        // L(U) = ¼‖UUᵀ − M*‖_F²: zero (with zero gradient) at U = U*, and ¼‖M*‖² at U = 0.
        var u = MatrixFunctions.Gaussian(4, 2, 1.0, new Rng(8));
        var target = u * u.Transpose();
        var f = new SymmetricMatrixFactorization(target, 2);
        Assert.True(f.Loss(SymmetricMatrixFactorization.Parameters(u)) <= 1e-28 * Math.Pow(target.FrobeniusNorm(), 2));
        Assert.True(f.Gradient(SymmetricMatrixFactorization.Parameters(u))[SymmetricMatrixFactorization.U].FrobeniusNorm() <= 1e-14 * target.FrobeniusNorm());
        double atZero = f.Loss(SymmetricMatrixFactorization.Parameters(Matrix<double>.Build.Dense(4, 2)));
        Assert.Equal(0.25 * Math.Pow(target.FrobeniusNorm(), 2), atZero, 12);
    }

    [Theory]
    [InlineData(5, 3, 1UL)]
    [InlineData(4, 6, 2UL)]
    [InlineData(1, 1, 3UL)]
    public void Gradient_random_point_matches_central_difference_within_derived_bound(int n, int d, ulong seed)
    {
        var rng = new Rng(seed);
        var f = Draw(n, d, rng);
        var x = SymmetricMatrixFactorization.Parameters(MatrixFunctions.Gaussian(n, d, 1.0, rng));
        var u = x[SymmetricMatrixFactorization.U];
        double xNorm = Norm(x), h = Step(xNorm);
        var grad = f.Gradient(x);
        double gNorm = Norm(grad);
        // Ā = |U||U|ᵀ + |M*|; as for MF with c = ¼: δL ≤ ¼(2(d+1) + n² + 2)·u·‖Ā‖².
        double aBar = Frobenius(Abs(u) * Abs(u).Transpose() + Abs(f.Target));
        double deltaL = 0.25 * (2 * (d + 1) + n * n + 2) * U * aBar * aBar;
        AssertGradientAlongRandomDirections(f, x, grad, deltaL, v =>
        {
            var du = v[SymmetricMatrixFactorization.U];
            // f(t) = ¼‖E + tA + t²B‖² (A = dU Uᵀ + U dUᵀ, B = dU dUᵀ) is quartic: truncation = h²·f'''(0)/6
            // = ½h²⟨A, B⟩ ≤ ½h²‖A‖‖B‖.
            double a = Frobenius(du.TransposeAndMultiply(u) + u.TransposeAndMultiply(du));
            double b = Frobenius(du.TransposeAndMultiply(du));
            return 0.5 * h * h * a * b;
        }, rng, output);
    }

    [Fact]
    public void Hessian_vector_product_random_point_matches_central_difference_of_gradient()
    {
        var rng = new Rng(7);
        var f = Draw(5, 3, rng);
        var x = SymmetricMatrixFactorization.Parameters(MatrixFunctions.Gaussian(5, 3, 1.0, rng));
        var u = x[SymmetricMatrixFactorization.U];
        double xNorm = Norm(x), h = Step(xNorm);
        double uN = Frobenius(u), eN = Frobenius(f.Residual(x));
        double aBar = Frobenius(Abs(u) * Abs(u).Transpose() + Abs(f.Target));
        // ∇f = E U: δ∇ ≤ (d + 1 + n)·u·‖Ā‖‖U‖; ‖H‖₂ ≤ 2‖U‖² + ‖E‖.
        double deltaG = (3 + 1 + 5) * U * aBar * uN;
        double hNorm = 2 * uN * uN + eN;
        for (int k = 0; k < 3; k++)
        {
            var v = UnitDirection(x, rng);
            var du = v[SymmetricMatrixFactorization.U];
            // ∇f(U + t dU) is cubic; its t³ coefficient is B dU with B = dU dUᵀ.
            double bound = h * h * Frobenius(du.TransposeAndMultiply(du)) * Frobenius(du) + deltaG / h + U * hNorm * (xNorm + h) / h;
            var hv = f.HessianVectorProduct(x, v);
            double error = Norm(Difference(GradientDirectional(f, x, v, h), hv));
            output.WriteLine($"dir {k}: ‖Hv‖ = {Norm(hv):E3}, error = {error:E3}, bound = {bound:E3}");
            Assert.True(error <= bound, $"direction {k}: ‖FD − Hv‖ = {error:E3} > bound {bound:E3}");
        }
    }
}
