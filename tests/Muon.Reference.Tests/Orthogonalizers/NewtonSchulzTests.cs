using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

public sealed class NewtonSchulzTests
{
    private static Matrix<double> Spectrum(int m, int n, double[] s, ulong seed)
    {
        var rng = new Rng(seed);
        return MatrixFunctions.FromFactors(Orthonormal.Haar(m, s.Length, rng), s, Orthonormal.Haar(n, s.Length, rng));
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(9, 4)]
    [InlineData(3, 8)]
    public void Cubic_with_many_steps_converges_to_exact_polar(int m, int n)
    {
        // σ/‖G‖_F ≥ 0.1/‖σ‖ ≈ 0.05 here; the cubic multiplies small values by ≥ 1.5 − 0.5x² per step, so about
        // 8 steps bring them near 1, after which convergence is quadratic: 40 steps reach the float64 floor.
        int k = Math.Min(m, n);
        var s = Enumerable.Range(0, k).Select(i => 1.0 - 0.9 * i / Math.Max(1, k - 1)).ToArray();
        var g = Spectrum(m, n, s, 7);
        var ns = NewtonSchulz.Cubic(40).Orthogonalize(g);
        var polar = ExactPolar.Default.Orthogonalize(g);
        // Both are within ~k·u·κ of U Vᵀ (κ = 10); 1e-12 is three orders above that.
        Assert.True((ns - polar).FrobeniusNorm() < 1e-12, $"‖NS_cubic^40(G) − polar(G)‖_F = {(ns - polar).FrobeniusNorm():R}");
    }

    [Fact]
    public void Phi_matches_published_constants()
    {
        // Quadratics sheet: quintic φ(1) = 0.6964 (5 steps, 4 digits); cubic φ(1) = 1 exactly; φ'(0) = a⁵.
        Assert.Equal(0.6964, NewtonSchulz.KellerQuintic().Phi(1), 4);
        Assert.Equal(1.0, NewtonSchulz.Cubic().Phi(1), 15);
        double h = 1e-9;
        Assert.Equal(Math.Pow(3.4445, 5), NewtonSchulz.KellerQuintic().Phi(h) / h, 3);
    }

    [Fact]
    public void Keller_quintic_band_on_well_conditioned_inputs()
    {
        // Implementations survey: 5 quintic steps map σ ∈ [0.01, 1] into ≈ [0.68, 1.13].
        var ns = NewtonSchulz.KellerQuintic();
        var values = Enumerable.Range(0, 1000).Select(i => ns.Phi(0.01 + 0.99 * i / 999.0)).ToArray();
        Assert.InRange(values.Min(), 0.67, 0.69);
        Assert.InRange(values.Max(), 1.12, 1.14);
    }

    [Fact]
    public void Polar_express_uses_cushion_and_scaled_first_seven_steps()
    {
        var pe = CoefficientSchedule.PolarExpress;
        Assert.Equal(1.01, pe.InputCushion);
        // Division by 1.01³ is done as three products: agreement to a few ulps (relative 1e-15).
        Assert.Equal(8.28721201814563 / 1.01, pe.At(0).A, 1e-15 * 8.3);
        Assert.Equal(-23.595886519098837 / Math.Pow(1.01, 3), pe.At(0).B, 1e-15 * 23.6);
        Assert.Equal(17.300387312530933 / Math.Pow(1.01, 5), pe.At(0).C, 1e-15 * 17.3);
        Assert.Equal(new QuinticStep(1.875, -1.25, 0.375), pe.At(7));
        Assert.Equal(pe.At(7), pe.At(12));
    }

    [Fact]
    public void Polar_express_table_matches_the_published_raw_values_for_every_step()
    {
        // Published raw (a, b, c) (arXiv 2505.16932, as listed in the implementations survey); steps 1–7 are used
        // divided by (1.01, 1.01³, 1.01⁵), step 8 raw. Tolerance: a few ulps of each coefficient (relative 4u).
        (double A, double B, double C)[] raw =
        [
            (8.28721201814563, -23.595886519098837, 17.300387312530933),
            (4.107059111542203, -2.9478499167379106, 0.5448431082926601),
            (3.9486908534822946, -2.908902115962949, 0.5518191394370137),
            (3.3184196573706015, -2.488488024314874, 0.51004894012372),
            (2.300652019954817, -1.6689039845747493, 0.4188073119525673),
            (1.891301407787398, -1.2679958271945868, 0.37680408948524835),
            (1.8750014808534479, -1.2500016453999487, 0.3750001645474248),
            (1.875, -1.25, 0.375),
        ];
        for (int k = 0; k < 8; k++)
        {
            var step = CoefficientSchedule.PolarExpress.At(k);
            double sa = k < 7 ? 1.01 : 1, sb = k < 7 ? Math.Pow(1.01, 3) : 1, sc = k < 7 ? Math.Pow(1.01, 5) : 1;
            Assert.Equal(raw[k].A / sa, step.A, 4.5e-16 * Math.Abs(step.A));
            Assert.Equal(raw[k].B / sb, step.B, 4.5e-16 * Math.Abs(step.B));
            Assert.Equal(raw[k].C / sc, step.C, 4.5e-16 * Math.Abs(step.C));
        }
    }

    [Fact]
    public void Polar_express_maps_the_normalized_range_to_one()
    {
        // Behaviour, not just table values: 8 steps send every σ/‖G‖_F ∈ [1e-3, 1] to 1 within 1e-13 (observed 3.3e-15;
        // the last steps contract toward the fixed point 1, so only their own rounding, a few u each, remains).
        var pe = NewtonSchulz.PolarExpress();
        for (int i = 0; i <= 3000; i++)
        {
            double x = Math.Pow(10, -3 + i / 1000.0);
            Assert.True(Math.Abs(pe.Phi(x) - 1) <= 1e-13, $"φ({x:R}) = {pe.Phi(x):R}");
        }
    }

    [Fact]
    public void You_table_matches_the_published_values()
    {
        (double A, double B, double C)[] published =
        [
            (4.0848, -6.8946, 2.9270), (3.9505, -6.3029, 2.6377), (3.7418, -5.5913, 2.3037),
            (2.8769, -3.1427, 1.2046), (2.8366, -3.0525, 1.2012),
        ];
        for (int k = 0; k < 5; k++)
            Assert.Equal(new QuinticStep(published[k].A, published[k].B, published[k].C), CoefficientSchedule.You5.At(k));
        Assert.Equal(CoefficientSchedule.You5.At(4), CoefficientSchedule.You5.At(9));
    }

    [Fact]
    public void Extension_rules()
    {
        var two = new CoefficientSchedule("two", [new(1, 0, 0), new(2, 0, 0)], ScheduleExtension.Cycle);
        Assert.Equal(1, two.At(2).A);
        Assert.Equal(2, (two with { Extension = ScheduleExtension.RepeatLast }).At(5).A);
        var strict = two with { Extension = ScheduleExtension.Strict };
        var e = Assert.Throws<InvalidOperationException>(() => strict.At(2));
        Assert.Contains("Strict", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new NewtonSchulz(strict, 3));
    }

    [Fact]
    public void Matrix_iteration_equals_scalar_map_on_singular_values()
    {
        var s = new[] { 3.0, 1.0, 0.2 };
        var g = Spectrum(5, 3, s, 11);
        var ns = NewtonSchulz.You5();
        var expected = ThinSvd.Of(g).Reconstruct(x => ns.Phi(x / g.FrobeniusNorm()));
        Assert.True((ns.Orthogonalize(g) - expected).FrobeniusNorm() < 1e-12);
    }
}
