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
        // An iterate that overshoots 1 costs more: p(y) = 2y enters its second step at y₁ = 2, so max(1, y₁) = 2.
        { "doubling×2: A = (4, 2, 1), y₀A₀ = 4, step terms 2·max(1, 1)·2 + 2·max(1, 2)·1", 2, 0, 0, 1.0, 2, 12 },
    };

    [Theory]
    [MemberData(nameof(Growths))]
    public void Newton_schulz_growth_has_its_documented_value(string name, double a, double b, double c, double cushion, int steps, double expected)
    {
        var schedule = new CoefficientSchedule(name, [new QuinticStep(a, b, c)], ScheduleExtension.RepeatLast, cushion);
        Assert.Equal(expected, Tolerances.NewtonSchulzGrowth(new NewtonSchulz(schedule, steps)), 1e-12);
    }

    /// <summary>
    /// growth·eps/(min(1, s)·c_F·‖G‖_F)·√min(m, n), on a case where every factor differs from 1: Polar Express (cushion 1.01),
    /// ‖G‖_F = 2, a wide 3×7 input (k = 3), and a scale s below 1 (where it sets δ) and above 1 (where it does not).
    /// </summary>
    [Theory]
    [InlineData(0.25, 0.25)]
    [InlineData(8.0, 1.0)]
    public void Eps_allowance_is_growth_times_the_relative_normalizer_shift_on_each_singular_value(double scale, double minOneScale)
    {
        var ns = new NewtonSchulz(CoefficientSchedule.PolarExpress, 8, eps: 1e-3);
        double expected = Tolerances.NewtonSchulzGrowth(ns) * 1e-3 / (minOneScale * 1.01 * 2) * Math.Sqrt(3);
        double actual = Tolerances.EpsAllowance(ns, 3, 7, norm: 2, scale);
        Assert.Equal(expected, actual, expected * 1e-14);
        Assert.Equal(actual, Tolerances.EpsAllowance(ns, 7, 3, norm: 2, scale)); // k = min(m, n) for a tall input too
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.0)] // a zero input: 0·eps/0 would be NaN and poison the bound; without an eps there is nothing to allow
    public void Eps_allowance_is_zero_without_an_eps(double norm)
    {
        Assert.Equal(0, Tolerances.EpsAllowance(NewtonSchulz.PolarExpress(), 3, 7, norm, scale: 0.25));
        Assert.Equal(0, Tolerances.EpsAllowance(ExactPolar.Default, 3, 7, norm, scale: 0.25));
    }

    [Theory]
    [InlineData(-1.0, 0.5, "norm", "the Frobenius norm must be ≥ 0 (and not NaN).")]
    [InlineData(double.NaN, 0.5, "norm", "the Frobenius norm must be ≥ 0 (and not NaN).")]
    [InlineData(1.0, 0.0, "scale", "the scale must be > 0 (and not NaN).")]
    [InlineData(1.0, double.NaN, "scale", "the scale must be > 0 (and not NaN).")]
    public void Eps_allowance_rejects_a_negative_or_nan_norm_and_a_non_positive_scale(double norm, double scale, string parameter, string message)
    {
        var ns = new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: 1e-7);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tolerances.EpsAllowance(ns, 3, 7, norm, scale));
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eps_allowance_rejects_a_null_declared_orthogonalizer()
        => Assert.Equal("declared", Assert.Throws<ArgumentNullException>(() => Tolerances.EpsAllowance(null!, 3, 7, 1, 1)).ParamName);

    [Fact]
    public void Eps_allowance_is_zero_for_a_zero_input_not_infinite()
        // O(s·0) = O(0) = 0 exactly on both sides; eps/‖G‖_F = ∞ would wave any subject through the scale law there.
        => Assert.Equal(0, Tolerances.EpsAllowance(new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: 1e-7), 3, 7, norm: 0, scale: 0.25));

    [Fact]
    public void Newton_schulz_growth_rejects_null_naming_the_parameter()
        => Assert.Equal("ns", Assert.Throws<ArgumentNullException>(() => Tolerances.NewtonSchulzGrowth(null!)).ParamName);

    [Fact]
    public void Unit_roundoff_is_derived_from_the_dtype()
    {
        Assert.Equal(Math.Pow(2, -53), Tolerances.UnitRoundoff("float64"));
        Assert.Equal(Math.Pow(2, -53), Tolerances.UnitRoundoff(null));
        Assert.Equal(Math.Pow(2, -24), Tolerances.UnitRoundoff("float32"));
        Assert.Null(Tolerances.UnitRoundoff("bfloat16"));
        Assert.Null(Tolerances.UnitRoundoff(""));
        Assert.Equal(Tolerances.Backward(7, 3) * Math.Pow(2, 29), Tolerances.Backward(7, 3, Tolerances.UFloat32), 12);
    }

    [Theory]
    [InlineData(Tolerances.U, 1e-9)]
    [InlineData(Tolerances.UFloat32, 4.8828125e-6)] // √(1e-4·4·2⁻²⁴) = 0.02·2⁻¹²
    public void Rank_threshold_is_the_geometric_mean_but_never_below_the_float64_threshold(double u, double expected)
        => Assert.Equal(expected, Tolerances.RankThresholdFor(u), expected * 1e-12);
}
