using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Xunit.Abstractions;
using static Muon.Reference.Tests.Support.FiniteDifference;

namespace Muon.Reference.Tests.Objectives;

public sealed class InContextRegressionDerivativeTests(ITestOutputHelper output)
{
    private static InContextRegression Draw(int d, Rng rng)
    {
        var v = Orthonormal.Haar(d, rng);
        var s = Enumerable.Range(0, d).Select(i => Math.Pow(0.5, i)).ToArray();
        var cov = MatrixFunctions.FromFactors(v, s, v);
        return new InContextRegression(0.5 * (cov + cov.Transpose()));
    }

    [Theory]
    [InlineData(4, 1UL)]
    [InlineData(6, 2UL)]
    [InlineData(1, 3UL)]
    public void Gradient_random_point_matches_central_difference_within_derived_bound(int d, ulong seed)
    {
        var rng = new Rng(seed);
        var f = Draw(d, rng);
        var x = InContextRegression.Parameters(MatrixFunctions.Gaussian(d, d, 1.0, rng));
        double xNorm = Norm(x), h = Step(xNorm);
        var grad = f.Gradient(x);
        double gNorm = Norm(grad);
        // Ē = |S||Q| + I bounds |E| and its rounding (γ_{d+1}); E·S adds d-term sums and ⟨ES, E⟩ a d²-term sum:
        // δf ≤ (3d + 2 + d²)·u·⟨Ē|S|, Ē⟩. f is quadratic in Q: no truncation error.
        var eBar = Abs(f.S) * Abs(x[InContextRegression.Q]) + Matrix<double>.Build.DenseIdentity(d);
        double deltaL = (3 * d + 2 + d * d) * U * MatrixFunctions.Inner(eBar * Abs(f.S), eBar);
        AssertGradientAlongRandomDirections(f, x, grad, deltaL, _ => 0, rng, output); // quadratic: no truncation term
    }

    [Fact]
    public void Hessian_vector_product_random_point_matches_central_difference_of_gradient()
    {
        var rng = new Rng(8);
        var f = Draw(5, rng);
        var x = InContextRegression.Parameters(MatrixFunctions.Gaussian(5, 5, 1.0, rng));
        double xNorm = Norm(x), h = Step(xNorm);
        var eBar = Abs(f.S) * Abs(x[InContextRegression.Q]) + Matrix<double>.Build.DenseIdentity(5);
        // ∇f = 2 S E S is affine in Q: no truncation; δ∇ ≤ 2(3d + 1)·u·‖|S| Ē |S|‖; ‖H‖₂ ≤ 2‖S‖³_F.
        double deltaG = 2 * (3 * 5 + 1) * U * Frobenius(Abs(f.S) * eBar * Abs(f.S));
        double hNorm = 2 * Math.Pow(Frobenius(f.S), 3);
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
    public void Loss_at_inverse_covariance_is_zero()
    {
        var f = Draw(4, new Rng(5));
        var x = InContextRegression.Parameters(f.S.Inverse());
        // f(S⁻¹ + Δ) = ⟨(SΔ)S, SΔ⟩ with ‖Δ‖ ≈ κ(S)·u·‖S⁻¹‖ (κ = 8): f ≲ ‖S‖³(κu‖S⁻¹‖)² ≈ 1e-28.
        Assert.True(f.Loss(x) < 1e-26, $"f(S⁻¹) = {f.Loss(x):E3}");
    }
}
