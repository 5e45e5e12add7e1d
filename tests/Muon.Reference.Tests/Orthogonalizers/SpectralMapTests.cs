using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

/// <summary>
/// The spectral map f of an orthogonalizer O(U diag(s) Vᵀ) = U diag(f(s)) Vᵀ, which the laws use as the oracle's
/// prediction, must describe what <c>Orthogonalize</c> does, and the names must say which map it is.
/// </summary>
public sealed class SpectralMapTests
{
    private static readonly double[] Spectrum = [3.0, 1.0, 0.25, 1e-14];

    private static Matrix<double> WithSpectrum(double[] s, out Matrix<double> u, out Matrix<double> v)
    {
        var rng = new Rng(12);
        u = Orthonormal.Haar(6, s.Length, rng);
        v = Orthonormal.Haar(s.Length, rng);
        return MatrixFunctions.FromFactors(u, s, v);
    }

    public static TheoryData<ISpectralOrthogonalizer> Orthogonalizers() => new()
    {
        ExactPolar.Default,
        new ExactPolar(0.1),
        new ExactPolar(0.1, PolarMethod.Svd),
        new ExactPolar(method: PolarMethod.Svd),
        new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5),
        new NewtonSchulz(CoefficientSchedule.Cubic, 7, eps: 0.5),
        new NewtonSchulz(CoefficientSchedule.PolarExpress, 8),
    };

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Spectral_map_predicts_the_orthogonalized_matrix(ISpectralOrthogonalizer o)
    {
        var g = WithSpectrum(Spectrum, out var u, out var v);
        var predicted = MatrixFunctions.FromFactors(u, o.SpectralMap(Spectrum), v);
        // Both sides are backward-stable evaluations of the same matrix function on a matrix with κ ≤ 3e14 (the
        // 1e-14 value is below every threshold): agreement to ~n·u·‖f‖ ≈ 1e-15; 1e-12 leaves three orders.
        Assert.True((o.Orthogonalize(g) - predicted).FrobeniusNorm() <= 1e-12, $"{o.Name}: {(o.Orthogonalize(g) - predicted).FrobeniusNorm():R}");
    }

    [Fact]
    public void Exact_polar_map_is_one_above_the_relative_threshold_and_zero_below()
    {
        Assert.Equal([1.0, 1.0, 0.0, 0.0], new ExactPolar(0.1).SpectralMap([3.0, 1.0, 0.25, 0.0]));
        Assert.Equal([1.0, 1.0, 1.0, 0.0], ExactPolar.Default.SpectralMap([3.0, 1.0, 0.25, 1e-13]));
        Assert.Equal([0.0, 0.0], ExactPolar.Default.SpectralMap([0.0, 0.0]));
        // τ = 0 keeps every positive singular value and still maps an exact zero to 0 (the cut is strict).
        Assert.Equal([1.0, 1.0, 0.0], new ExactPolar(0).SpectralMap([2.0, 1e-300, 0.0]));
        Assert.Empty(ExactPolar.Default.SpectralMap([]));
    }

    [Fact]
    public void Newton_schulz_map_of_zero_is_zero_and_normalizes_by_the_frobenius_norm()
    {
        var ns = new NewtonSchulz(CoefficientSchedule.Cubic, 3);
        Assert.Equal([0.0, 0.0], ns.SpectralMap([0.0, 0.0]));
        // Scale invariance without eps: the map sees s/‖s‖₂ only.
        var a = ns.SpectralMap([3.0, 4.0]);
        var b = ns.SpectralMap([0.3, 0.4]);
        for (int i = 0; i < 2; i++) Assert.Equal(a[i], b[i], 15);
        Assert.Equal(ns.Phi(0.6), a[0], 15);
        Assert.Equal(ns.Phi(0.8), a[1], 15);
        // With eps the denominator is ‖s‖₂ + eps.
        var withEps = new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: 5.0).SpectralMap([3.0, 4.0]);
        Assert.Equal(ns.Phi(0.3), withEps[0], 15);
    }

    [Fact]
    public void Names_say_which_map_it_is()
    {
        Assert.Equal("exact-polar", ExactPolar.Default.Name);
        Assert.Equal("exact-polar(τ=0.001)", new ExactPolar(1e-3).Name);
        Assert.Equal("exact-polar[svd]", new ExactPolar(method: PolarMethod.Svd).Name);
        Assert.Equal("newton-schulz:keller-quintic×5", new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5).Name);
        Assert.Equal("newton-schulz:cubic×3(eps=1E-07)", new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: 1e-7).Name);
    }
}
