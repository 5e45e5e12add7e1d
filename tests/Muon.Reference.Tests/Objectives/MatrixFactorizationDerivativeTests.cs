using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Xunit.Abstractions;
using static Muon.Reference.Tests.Support.FiniteDifference;

namespace Muon.Reference.Tests.Objectives;

public sealed class MatrixFactorizationDerivativeTests(ITestOutputHelper output)
{
    private static (MatrixFactorization F, ParameterSet X) Draw(int m, int n, int d, LossConvention convention, ulong seed)
    {
        var rng = new Rng(seed);
        var target = MatrixFunctions.Gaussian(m, n, 1.0, rng);
        var f = new MatrixFactorization(target, d, convention);
        var x = MatrixFactorization.Parameters(MatrixFunctions.Gaussian(m, d, 1.0, rng), MatrixFunctions.Gaussian(n, d, 1.0, rng));
        return (f, x);
    }

    [Theory]
    [InlineData(5, 4, 3, LossConvention.Half, 1UL)]
    [InlineData(5, 4, 3, LossConvention.Full, 2UL)]
    [InlineData(3, 7, 9, LossConvention.Half, 3UL)]
    [InlineData(1, 1, 1, LossConvention.Full, 4UL)]
    public void Gradient_random_point_matches_central_difference_within_derived_bound(int m, int n, int d, LossConvention convention, ulong seed)
    {
        var (f, x) = Draw(m, n, d, convention, seed);
        var rng = new Rng(seed + 100);
        Matrix<double> p = x[MatrixFactorization.P], q = x[MatrixFactorization.Q];
        double c = convention.Coefficient();
        double xNorm = Norm(x);
        double h = Step(xNorm);
        var grad = f.Gradient(x);
        double gNorm = Norm(grad);
        // Ā = |P||Q|ᵀ + |M*| bounds every |R_ij| and its rounding: |fl(R) − R| ≤ γ_{d+1}·Ā, so with the m·n-term
        // sum of squares, δL ≤ c·(2(d+1) + mn + 2)·u·‖Ā‖²_F (first order).
        double aBar = Frobenius(Abs(p) * Abs(q).Transpose() + Abs(f.Target));
        double deltaL = c * (2 * (d + 1) + m * n + 2) * U * aBar * aBar;
        AssertGradientAlongRandomDirections(f, x, grad, deltaL, v =>
        {
            Matrix<double> dp = v[MatrixFactorization.P], dq = v[MatrixFactorization.Q];
            // L(t) = c‖R + tA + t²B‖², A = dP Qᵀ + P dQᵀ, B = dP dQᵀ, is quartic: the central difference is exact
            // up to its cubic coefficient, error = h²·L'''(0)/6 = 2c·h²·⟨A, B⟩ ≤ 2c·h²·‖A‖‖B‖.
            double a = Frobenius(dp.TransposeAndMultiply(q) + p.TransposeAndMultiply(dq));
            double b = Frobenius(dp.TransposeAndMultiply(dq));
            return 2 * c * h * h * a * b;
        }, rng, output);
    }

    [Theory]
    [InlineData(5, 4, 3, LossConvention.Half, 11UL)]
    [InlineData(5, 4, 3, LossConvention.Full, 12UL)]
    [InlineData(4, 6, 8, LossConvention.Half, 13UL)]
    public void Hessian_vector_product_random_point_matches_central_difference_of_gradient(int m, int n, int d, LossConvention convention, ulong seed)
    {
        var (f, x) = Draw(m, n, d, convention, seed);
        var rng = new Rng(seed + 100);
        Matrix<double> p = x[MatrixFactorization.P], q = x[MatrixFactorization.Q];
        double c2 = convention.RelativeToHalf();
        double xNorm = Norm(x);
        double h = Step(xNorm);
        double pN = Frobenius(p), qN = Frobenius(q), rN = Frobenius(f.Residual(x));
        double aBar = Frobenius(Abs(p) * Abs(q).Transpose() + Abs(f.Target));
        // ∇_P = c₂·R Q: |fl − exact| ≤ c₂(d+1+n)u·Ā|Q| (R then the product), likewise ∇_Q with m, P.
        double deltaG = c2 * (d + 1 + Math.Max(m, n)) * U * aBar * (pN + qN);
        // ‖H‖₂ ≤ c₂[(‖P‖+‖Q‖)² + 2‖R‖] (from ‖dR‖ ≤ (‖P‖+‖Q‖)‖v‖).
        double hNorm = c2 * ((pN + qN) * (pN + qN) + 2 * rN);
        for (int k = 0; k < 3; k++)
        {
            var v = UnitDirection(x, rng);
            Matrix<double> dp = v[MatrixFactorization.P], dq = v[MatrixFactorization.Q];
            // ∇L(x + tv) is cubic in t; the central difference errs by h² times the t³ coefficient
            // c₂·(B dQ, Bᵀ dP), B = dP dQᵀ.
            double bN = Frobenius(dp.TransposeAndMultiply(dq));
            double bound = h * h * c2 * bN * (Frobenius(dq) + Frobenius(dp)) + deltaG / h + U * hNorm * (xNorm + h) / h;
            var hv = f.HessianVectorProduct(x, v);
            double error = Norm(Difference(GradientDirectional(f, x, v, h), hv));
            output.WriteLine($"dir {k}: ‖Hv‖ = {Norm(hv):E3}, error = {error:E3}, bound = {bound:E3}");
            Assert.True(error <= bound, $"direction {k}: ‖FD − Hv‖ = {error:E3} > bound {bound:E3}");
            Assert.True(bound <= 1e-7 * Norm(hv));
        }
    }

    [Fact]
    public void Full_convention_same_point_doubles_loss_gradient_and_hessian()
    {
        var (half, x) = Draw(4, 3, 2, LossConvention.Half, 21);
        var full = new MatrixFactorization(half.Target, 2, LossConvention.Full);
        var v = UnitDirection(x, new Rng(22));
        // Multiplying by 2 is exact in binary floating point, so the relations hold bit for bit.
        Assert.Equal(2 * half.Loss(x), full.Loss(x));
        Assert.Equal(0, Norm(Difference(full.Gradient(x), half.Gradient(x).Map((_, g) => 2 * g))));
        Assert.Equal(0, Norm(Difference(full.HessianVectorProduct(x, v), half.HessianVectorProduct(x, v).Map((_, g) => 2 * g))));
    }

    [Fact]
    public void Gradient_known_residual_equals_RQ_and_RtP()
    {
        var p = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } });
        var q = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 1, 1 }, { 0, 2 } });
        var target = Matrix<double>.Build.Dense(2, 3);
        var f = new MatrixFactorization(target, 2);
        var x = MatrixFactorization.Parameters(p, q);
        var r = p * q.Transpose();
        Assert.Equal(0.5 * Math.Pow(r.FrobeniusNorm(), 2), f.Loss(x), 14);
        Assert.Equal(r * q, f.Gradient(x)[MatrixFactorization.P]);
        Assert.Equal(r.Transpose() * p, f.Gradient(x)[MatrixFactorization.Q]);
    }
}
