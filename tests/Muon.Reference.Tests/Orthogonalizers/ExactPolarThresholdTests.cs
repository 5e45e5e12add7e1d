using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

/// <summary>"Singular values at or below τ·σ₁ map to 0": the threshold itself is on the zero side, for τ = 0 as well.</summary>
public sealed class ExactPolarThresholdTests
{
    private static readonly Matrix<double> Expected = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 0.0]);

    [Theory]
    [InlineData(PolarMethod.Auto)]
    [InlineData(PolarMethod.Svd)]
    public void Zero_threshold_maps_an_exact_zero_singular_value_to_zero(PolarMethod method)
    {
        // τ = 0: the cut is 0, and σ₂ = 0 is at it. Mapping it to 1 would return an orthogonal matrix of rank 2.
        var o = new ExactPolar(0.0, method).Orthogonalize(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 0.0]));
        Assert.Equal(Expected, o);
    }

    [Theory]
    [InlineData(PolarMethod.Auto)]
    [InlineData(PolarMethod.Svd)]
    public void Default_threshold_maps_a_singular_value_exactly_at_the_cut_to_zero(PolarMethod method)
    {
        // diag(1, 1e-12): the SVD of a diagonal matrix returns its entries exactly, so σ₂ = 1e-12 = τ·σ₁ exactly; κ = 1e12 is far
        // outside the fast path's κ ≤ 1e5, so Auto takes the SVD path too.
        var o = new ExactPolar(ExactPolar.DefaultThreshold, method).Orthogonalize(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 1e-12]));
        Assert.Equal(Expected, o);
    }
}
