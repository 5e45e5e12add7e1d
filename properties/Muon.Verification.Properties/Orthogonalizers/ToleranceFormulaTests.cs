using Muon.Reference.Orthogonalizers;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>The tolerance formulas evaluate to the values their XML docs state, for inputs where every factor matters.</summary>
public sealed class ToleranceFormulaTests
{
    private const double U = Tolerances.U;

    [Theory]
    [InlineData(3, 5, 40)]
    [InlineData(7, 2, 56)]
    [InlineData(4, 4, 32)]
    public void Backward_is_eight_times_the_larger_dimension_times_u(int m, int n, double multiple)
        => Assert.Equal(multiple * U, Tolerances.Backward(m, n), 1e-30);

    [Theory]
    [InlineData(3, 5, 4, 10.0, 4 * 2 * 10.0 * 40)]
    [InlineData(6, 2, 9, 2.5, 4 * 3 * 2.5 * 48)]
    public void Polar_forward_is_four_root_rank_kappa_times_backward(int m, int n, int rank, double kappa, double multiple)
        => Assert.Equal(multiple * U, Tolerances.PolarForward(m, n, rank, kappa), 1e-25);

    [Theory]
    [InlineData(4, 9)]
    [InlineData(9, 4)]
    public void Newton_schulz_forward_is_growth_times_backward_times_root_of_smaller_dimension(int m, int n)
    {
        var ns = NewtonSchulz.Cubic(1); // growth 3.5, see below
        Assert.Equal(3.5 * (8 * 9 * U) * 2, Tolerances.NewtonSchulzForward(ns, m, n), 1e-25);
    }

    /// <summary>
    /// Hand-evaluated Σₖ (|aₖ|+|bₖ|+|cₖ|)·max(1, yₖ)·max(1, Aₖ₊₁) + y₀·A₀ on the closed input interval [0, 1/cushion]:
    /// cubic p(y) = 1.5y − 0.5y³ has |p'| ≤ 1.5 (at y = 0) and maps [0, 1] onto [0, 1].
    /// </summary>
    public static TheoryData<string, double, double, double, double, int, double> Growths() => new()
    {
        // name, a, b, c, cushion, steps, expected growth
        { "cubic×1: y₀A₀ = 1·1.5, step term 2·1·1", 1.5, -0.5, 0, 1.0, 1, 3.5 },
        { "cubic×2: y₀A₀ = 1·2.25, step terms 2·1·1.5 + 2·1·1", 1.5, -0.5, 0, 1.0, 2, 7.25 },
        { "cubic×1, cushion 2: y₀ = 0.5, y₀A₀ = 0.75, step term 2·max(1, 0.5)·1", 1.5, -0.5, 0, 2.0, 1, 2.75 },
        { "quintic (2, −1.5, 0.5)×1: |p'| ≤ 2, y₀A₀ = 2, step term 4·1·1", 2, -1.5, 0.5, 1.0, 1, 6 },
    };

    [Theory]
    [MemberData(nameof(Growths))]
    public void Newton_schulz_growth_has_its_documented_value(string name, double a, double b, double c, double cushion, int steps, double expected)
    {
        var schedule = new CoefficientSchedule(name, [new QuinticStep(a, b, c)], ScheduleExtension.RepeatLast, cushion);
        Assert.Equal(expected, Tolerances.NewtonSchulzGrowth(new NewtonSchulz(schedule, steps)), 1e-12);
    }

    [Fact]
    public void Newton_schulz_growth_rejects_null_naming_the_parameter()
        => Assert.Equal("ns", Assert.Throws<ArgumentNullException>(() => Tolerances.NewtonSchulzGrowth(null!)).ParamName);

    [Theory]
    [InlineData(Tolerances.U, 1e-9)]
    [InlineData(Tolerances.UFloat32, 4.8828125e-6)] // √(1e-4·4·2⁻²⁴) = 0.02·2⁻¹²
    public void Rank_threshold_is_the_geometric_mean_but_never_below_the_float64_threshold(double u, double expected)
        => Assert.Equal(expected, Tolerances.RankThresholdFor(u), expected * 1e-12);
}
