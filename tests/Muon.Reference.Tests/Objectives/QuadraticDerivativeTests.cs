using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Xunit.Abstractions;
using static Muon.Reference.Tests.Support.FiniteDifference;

namespace Muon.Reference.Tests.Objectives;

public sealed class QuadraticDerivativeTests(ITestOutputHelper output)
{
    private static Quadratic Draw(int m, int n, Rng rng)
    {
        var g = MatrixFunctions.Gaussian(m, m, 1.0, rng);
        var a = g.TransposeThisAndMultiply(g);        // symmetric PSD, exactly symmetric in floating point
        return new Quadratic(a, MatrixFunctions.Gaussian(m, n, 1.0, rng));
    }

    [Theory]
    [InlineData(4, 3, 1UL)]
    [InlineData(7, 2, 2UL)]
    [InlineData(1, 5, 3UL)]
    public void Gradient_random_point_matches_central_difference_within_derived_bound(int m, int n, ulong seed)
    {
        var rng = new Rng(seed);
        var f = Draw(m, n, rng);
        var x = Quadratic.Parameters(MatrixFunctions.Gaussian(m, n, 1.0, rng));
        double xNorm = Norm(x), h = Step(xNorm);
        var grad = f.Gradient(x);
        double gNorm = Norm(grad);
        // D̄ = |W| + |W*| bounds |D| and its rounding; A·D has m-term sums and ⟨D, AD⟩ an mn-term sum, so
        // δL ≤ (m + 2 + mn)·u·⟨D̄, |A| D̄⟩. L is quadratic: L''' = 0 and the central difference has no truncation error.
        var dBar = Abs(x[Quadratic.W]) + Abs(f.Minimizer);
        double deltaL = (m + 2 + m * n) * U * MatrixFunctions.Inner(dBar, Abs(f.A) * dBar);
        AssertGradientAlongRandomDirections(f, x, grad, deltaL, _ => 0, rng, output); // quadratic: no truncation term
    }

    [Fact]
    public void Hessian_vector_product_random_point_matches_central_difference_of_gradient()
    {
        var rng = new Rng(9);
        var f = Draw(5, 3, rng);
        var x = Quadratic.Parameters(MatrixFunctions.Gaussian(5, 3, 1.0, rng));
        double xNorm = Norm(x), h = Step(xNorm);
        var dBar = Abs(x[Quadratic.W]) + Abs(f.Minimizer);
        // ∇L = A(W − W*) is affine: no truncation; δ∇ ≤ (m + 1)·u·‖|A| D̄‖_F; ‖H‖₂ ≤ ‖A‖_F.
        double deltaG = (5 + 1) * U * Frobenius(Abs(f.A) * dBar);
        double hNorm = Frobenius(f.A);
        for (int k = 0; k < 3; k++)
        {
            var v = UnitDirection(x, rng);
            var hv = f.HessianVectorProduct(x, v);
            double bound = deltaG / h + U * hNorm * (xNorm + h) / h;
            double error = Norm(Difference(GradientDirectional(f, x, v, h), hv));
            output.WriteLine($"dir {k}: ‖Hv‖ = {Norm(hv):E3}, error = {error:E3}, bound = {bound:E3}");
            Assert.True(error <= bound, $"direction {k}: ‖FD − Hv‖ = {error:E3} > bound {bound:E3}");
        }
    }

    [Fact]
    public void Loss_at_minimizer_is_zero_with_zero_gradient()
    {
        var rng = new Rng(10);
        var f = Draw(4, 2, rng);
        var x = Quadratic.Parameters(f.Minimizer);
        Assert.Equal(0.0, f.Loss(x));
        Assert.Equal(0.0, Norm(f.Gradient(x)));
    }

    [Fact]
    public void Gradient_diagonal_curvature_scales_rows_of_displacement()
    {
        var a = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 10.0]);
        var f = Quadratic.Centered(a, 2);
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var g = f.Gradient(Quadratic.Parameters(w))[Quadratic.W];
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 30, 40 } }), g);
        Assert.Equal(0.5 * (1 + 4 + 10 * (9 + 16)), f.Loss(Quadratic.Parameters(w)));
    }
}
