using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

public sealed class BadInputTests
{
    public static TheoryData<string> Orthogonalizers() => new() { "exact", "cubic", "quintic", "polar-express" };

    private static IOrthogonalizer Make(string name) => name switch
    {
        "exact" => ExactPolar.Default,
        "cubic" => NewtonSchulz.Cubic(),
        "quintic" => NewtonSchulz.KellerQuintic(),
        _ => NewtonSchulz.PolarExpress(),
    };

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void NaN_entry_is_named_with_its_position(string name)
    {
        var g = Matrix<double>.Build.Dense(3, 2, 1.0);
        g[2, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(g));
        Assert.Contains("NaN at (2, 1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Infinite_entry_is_named(string name)
    {
        var g = Matrix<double>.Build.Dense(2, 2, 1.0);
        g[0, 1] = double.NegativeInfinity;
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(g));
        Assert.Contains("−∞ at (0, 1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Empty_matrix_is_rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(Matrix<double>.Build.Dense(0, 3)));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Zero_matrix_gives_zero_without_NaN(string name)
    {
        var o = Make(name).Orthogonalize(Matrix<double>.Build.Dense(4, 2));
        Assert.All(o.Enumerate(), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Threshold_outside_unit_interval_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(double.NaN));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    public void Threshold_outside_unit_interval_is_rejected_naming_the_interval(double tau)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(tau));
        Assert.Equal("threshold", e.ParamName);
        Assert.Contains("τ must lie in [0, 1).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_threshold_is_accepted() => Assert.Equal(0.0, new ExactPolar(0.0).Threshold);

    [Fact]
    public void Unknown_polar_method_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(method: (PolarMethod)7));
        Assert.Equal("method", e.ParamName);
        Assert.Contains("unknown polar method", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Newton_schulz_rejects_a_null_schedule()
        => Assert.Equal("schedule", Assert.Throws<ArgumentNullException>(() => new NewtonSchulz(null!, 3)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Newton_schulz_rejects_a_non_positive_input_cushion(double cushion)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NewtonSchulz(CoefficientSchedule.Cubic with { InputCushion = cushion }, 3));
        Assert.Equal("schedule.InputCushion", e.ParamName);
        Assert.Contains("schedule.InputCushion must be finite and > 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_schedule_accepts_exactly_its_listed_steps_and_rejects_more()
    {
        var strict = new CoefficientSchedule("strict-2", [new(1.5, -0.5, 0), new(1.5, -0.5, 0)], ScheduleExtension.Strict);
        Assert.Equal(2, new NewtonSchulz(strict, 2).Steps);
        var e = Assert.Throws<InvalidOperationException>(() => new NewtonSchulz(strict, 3));
        Assert.Contains("lists 2 steps; step 2 was asked for", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Newton_schulz_rejects_zero_steps_and_negative_eps()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewtonSchulz.Cubic(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: -1));
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-170)]
    [InlineData(1e170)]
    [InlineData(1e300)]
    public void Extreme_scales_give_the_unit_scale_result(double c)
    {
        // Scaling by c is exact up to one rounding per entry, and every built-in is scale-invariant; at these scales
        // a naive SVD or ‖G‖_F overflows or underflows. Agreement to the unit-scale forward error (~1e-14 here).
        var g = Muon.Reference.Numerics.MatrixFunctions.Gaussian(3, 2, 1.0, new Muon.Reference.Numerics.Rng(17));
        foreach (var name in new[] { "exact", "cubic", "quintic", "polar-express" })
        {
            var o = Make(name);
            var expected = o.Orthogonalize(g);
            var actual = o.Orthogonalize(c * g);
            Assert.True((actual - expected).FrobeniusNorm() < 1e-12, $"{name} at c = {c:R}: ‖O(cG) − O(G)‖_F = {(actual - expected).FrobeniusNorm():R}");
        }
    }

    [Fact]
    public void Eps_keeps_its_meaning_at_extreme_scales()
    {
        // With eps = 1e-7 and ‖G‖_F ≈ 1e-170 the normalizer is dominated by eps: the output must be ≈ 0, not blow up.
        var g = 1e-170 * Muon.Reference.Numerics.MatrixFunctions.Gaussian(3, 2, 1.0, new Muon.Reference.Numerics.Rng(17));
        var o = new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5, eps: 1e-7).Orthogonalize(g);
        Assert.True(o.FrobeniusNorm() < 1e-150);
    }
}
