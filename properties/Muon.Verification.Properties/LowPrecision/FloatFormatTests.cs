using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>The oracle's rounding (ties to even, gradual underflow, overflow) on hand-worked values, and its emulation's outputs.</summary>
public sealed class FloatFormatTests
{
    [Theory]
    [InlineData(1 + 1.0 / 256, 1)]                         // tie between 1 and 1 + 2⁻⁷: to even (1)
    [InlineData(1 + 3.0 / 256, 1 + 4.0 / 256)]             // tie between 1 + 2⁻⁷ and 1 + 2⁻⁶: to even
    [InlineData(-(1 + 3.0 / 256), -(1 + 4.0 / 256))]
    [InlineData(1 + 1.0 / 256 + 1.0 / 1048576, 1 + 1.0 / 128)] // just above the tie: up
    [InlineData(3.4445, 3.4375)]
    [InlineData(-4.7750, -4.78125)]
    [InlineData(2.0315, 2.03125)]
    public void Bfloat16_rounds_to_nearest_with_ties_to_even(double x, double expected) => Assert.Equal(expected, FloatFormat.BFloat16.Round(x));

    [Fact]
    public void The_formats_underflow_gradually_and_overflow_to_infinity()
    {
        Assert.Equal(Math.Pow(2, -133), FloatFormat.BFloat16.Round(Math.Pow(2, -133) * 1.4)); // bf16's smallest subnormal
        Assert.Equal(0, FloatFormat.BFloat16.Round(Math.Pow(2, -135)));
        Assert.Equal(65504, FloatFormat.Float16.MaxFinite);
        Assert.Equal(65504, FloatFormat.Float16.Round(65519));
        Assert.Equal(double.PositiveInfinity, FloatFormat.Float16.Round(65520)); // the tie above the largest finite rounds to ∞
        Assert.Equal(double.NegativeInfinity, FloatFormat.BFloat16.Round(-3.4e38));
        Assert.Equal(Math.Pow(2, -24), FloatFormat.Float16.Round(Math.Pow(2, -24) * 1.2)); // float16's smallest subnormal
        Assert.True(double.IsNaN(FloatFormat.Float16.Round(double.NaN)));
    }

    [Fact]
    public void Float32_and_float16_rounding_agree_with_the_runtime_casts()
    {
        var rng = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            double x = (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-160, 140));
            Assert.Equal((double)(float)x, FloatFormat.Float32.Round(x));
            Assert.Equal((double)(Half)x, FloatFormat.Float16.Round(x));
        }
    }

    [Fact]
    public void Parse_names_every_protocol_dtype_and_nothing_else()
    {
        Assert.Same(FloatFormat.Float64, FloatFormat.Parse(null));
        Assert.Same(FloatFormat.Float16, FloatFormat.Parse("float16"));
        Assert.Null(FloatFormat.Parse("int8"));
        Assert.Equal(Math.Pow(2, -8), FloatFormat.BFloat16.UnitRoundoff);
    }

    [Fact]
    public void The_emulated_iteration_returns_bfloat16_numbers_near_the_float64_iteration()
    {
        var keller = NewtonSchulz.KellerQuintic();
        var emulation = new EmulatedOrthogonalizer(keller, FloatFormat.BFloat16);
        var g = Matrix<double>.Build.Dense(7, 5, (i, j) => (i == j ? 1 + 0.1 * i : 0) + 0.1 * Math.Sin(3 * i + 7 * j + 1)); // well conditioned
        var o = emulation.Orthogonalize(g);
        Assert.All(o.Enumerate(), v => Assert.True(FloatFormat.BFloat16.Represents(v), $"{v:R} is not a bfloat16 number"));
        double gap = (o - keller.Orthogonalize(g)).FrobeniusNorm();
        Assert.InRange(gap, 1e-4, 0.2); // bf16 round-off (u = 2⁻⁸ through the quintic's growth), not float64's
        Assert.Equal(0, emulation.Orthogonalize(Matrix<double>.Build.Dense(3, 4)).FrobeniusNorm());
    }
}
