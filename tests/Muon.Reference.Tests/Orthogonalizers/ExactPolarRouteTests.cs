using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

/// <summary>
/// Which route each <see cref="PolarMethod"/> takes, to the last bit: Svd always the thin SVD, Auto the Gram route when
/// κ ≤ 1e5. Both routes agree to O(u·κ), so only a bitwise comparison shows which one ran.
/// </summary>
[Collection(nameof(Numerics.SvdOverrideCollection))]
public sealed class ExactPolarRouteTests
{
    // 7×5 with κ = 1e2 (inside the fast path's κ ≤ 1e5) and σ₁ = 3, so the input is rescaled by 2^−e first.
    private static Matrix<double> Input()
    {
        var rng = new Rng(8);
        var s = Enumerable.Range(0, 5).Select(i => 3 * Math.Pow(1e2, -i / 4.0)).ToArray();
        return MatrixFunctions.FromFactors(Orthonormal.Haar(7, 5, rng), s, Orthonormal.Haar(5, 5, rng));
    }

    [Fact]
    public void Svd_method_is_the_thin_svd_to_the_last_bit()
    {
        var scaled = BinaryScaling.Normalize(Input()).Scaled;
        var svd = ThinSvd.Of(scaled);
        double cut = ExactPolar.DefaultThreshold * svd.S[0];
        Assert.Equal(svd.Reconstruct(s => s > cut ? 1.0 : 0.0), new ExactPolar(method: PolarMethod.Svd).Orthogonalize(Input()));
    }

    [Fact]
    public void Auto_method_takes_the_gram_route_to_the_last_bit()
    {
        var fast = GramPolar.TryCompute(BinaryScaling.Normalize(Input()).Scaled);
        Assert.NotNull(fast);
        Assert.Equal(fast, ExactPolar.Default.Orthogonalize(Input()));
    }
}
