using Muon.Verification.Harness;
using Muon.Verification.Statistics;

namespace Muon.Verification.Properties.Statistics;

/// <summary>The statistical helper against known values (published tables and closed forms).</summary>
public sealed class StatisticsHelperTests
{
    [Fact]
    public void Clopper_pearson_two_sided_matches_the_published_interval_for_5_of_10()
    {
        // Standard textbook value: 95% exact interval for 5/10 is [0.18709, 0.81291].
        var (lo, hi) = ClopperPearson.Interval(5, 10, 0.95);
        Assert.Equal(0.1870860, lo, 6);
        Assert.Equal(0.8129140, hi, 6);
    }

    [Fact]
    public void Clopper_pearson_all_successes_has_closed_form_lower_bound()
    {
        // k = n: P(X ≥ n | p) = pⁿ = α, so the lower bound is α^(1/n).
        Assert.Equal(Math.Pow(0.05, 1.0 / 20), ClopperPearson.Lower(20, 20, 0.95), 12);
        Assert.Equal(1.0, ClopperPearson.Upper(20, 20, 0.95));
    }

    [Fact]
    public void Clopper_pearson_no_success_has_closed_form_upper_bound()
    {
        // k = 0: P(X ≤ 0 | p) = (1 − p)ⁿ = α ⇒ p = 1 − α^(1/n) (the "rule of three" ≈ 3/n at 95%).
        Assert.Equal(1 - Math.Pow(0.05, 1.0 / 100), ClopperPearson.Upper(0, 100, 0.95), 12);
        Assert.Equal(0.0, ClopperPearson.Lower(0, 100, 0.95));
    }

    [Fact]
    public void Clopper_pearson_bounds_bracket_the_estimate_and_tighten_with_n()
    {
        double wide = ClopperPearson.Upper(62, 100, 0.99) - ClopperPearson.Lower(62, 100, 0.99);
        double narrow = ClopperPearson.Upper(620, 1000, 0.99) - ClopperPearson.Lower(620, 1000, 0.99);
        Assert.True(ClopperPearson.Lower(62, 100, 0.99) < 0.62 && 0.62 < ClopperPearson.Upper(62, 100, 0.99));
        Assert.True(narrow < wide / 2.5);
    }

    [Theory]
    [InlineData(10, 0.95, 2, 9)]     // classic table: n = 10 → [X(2), X(9)], coverage 97.9%
    [InlineData(100, 0.95, 40, 61)]  // n = 100 → [X(40), X(61)], coverage 96.5%
    [InlineData(5, 0.95, 1, 5)]      // n = 5 → only [X(1), X(5)] (coverage 93.75% < 95%: see below)
    public void Median_ranks_match_the_tables(int n, double twoSided, int lower, int upper)
    {
        double oneSided = (1 + twoSided) / 2;
        if (n == 5)
        {
            // P(B ≥ 5) = 1/32 > 2.5%: five draws cannot give a 95% two-sided interval.
            Assert.Null(OrderStatistics.UpperRank(n, oneSided));
            Assert.Equal(5, OrderStatistics.UpperRank(n, 0.95));
            Assert.Equal(1, OrderStatistics.LowerRank(n, 0.95));
            return;
        }
        Assert.Equal(upper, OrderStatistics.UpperRank(n, oneSided));
        Assert.Equal(lower, OrderStatistics.LowerRank(n, oneSided));
    }

    [Fact]
    public void Median_tail_probabilities_are_exact()
    {
        Assert.Equal(1.0 / 1024, OrderStatistics.UpperTail(10, 10), 15);
        Assert.Equal(11.0 / 1024, OrderStatistics.UpperTail(10, 9), 15);
        Assert.Equal(0.5, OrderStatistics.UpperTail(11, 6), 13);
    }

    [Fact]
    public void Median_interval_on_a_known_sample_picks_the_ranked_values()
    {
        var sample = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();
        var (lo, hi) = OrderStatistics.MedianInterval(sample, 0.95);
        Assert.Equal(40.0, lo);
        Assert.Equal(61.0, hi);
        Assert.Equal(50.5, OrderStatistics.SampleMedian(sample));
    }

    [Fact]
    public void Median_bounds_accept_infinite_censored_draws()
    {
        var sample = Enumerable.Range(1, 60).Select(i => (double)i).Concat(Enumerable.Repeat(double.PositiveInfinity, 40)).ToArray();
        Assert.Equal(40.0, OrderStatistics.MedianBound(sample, 0.975, upper: false));
        Assert.Equal(double.PositiveInfinity, OrderStatistics.MedianBound(sample, 0.975, upper: true)); // X(61) is censored
    }

    [Fact]
    public void Median_coverage_is_at_least_the_confidence_on_simulated_exponentials()
    {
        // Fixed seed; 2000 samples of 50 exponentials (median ln 2); the 90% one-sided upper bound must cover ≥ 88%.
        var rng = new Muon.Reference.Numerics.Rng(20261122);
        int covered = 0;
        for (int rep = 0; rep < 2000; rep++)
        {
            var s = Enumerable.Range(0, 50).Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
            if (OrderStatistics.MedianBound(s, 0.90, upper: true) >= Math.Log(2)) covered++;
        }
        Assert.InRange(covered / 2000.0, 0.88, 1.0);
    }

    [Fact]
    public void Stat_assert_passes_on_the_bound_not_the_estimate()
    {
        // 10/10 looks like "always", but the 99% lower bound is 0.01^(1/10) ≈ 0.63: a claim of ≥ 0.9 must fail.
        var e = Assert.Throws<SpecViolation>(() => StatAssert.RateAtLeast("x", 10, 10, 0.9, "ctx"));
        Assert.Contains("lower bound 0.631", e.Message, StringComparison.Ordinal);
        StatAssert.RateAtLeast("x", 10, 10, 0.6, "ctx");
        StatAssert.RateAtMost("x", 0, 500, 0.01, "ctx");
        Assert.Throws<SpecViolation>(() => StatAssert.MedianAtMost("t", Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 55, "ctx"));
        StatAssert.MedianAtMost("t", Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 65, "ctx");
        Assert.Throws<ArgumentException>(() => StatAssert.MedianAtMost("t", new double[] { 1, 2, 3 }, 100, "ctx")); // too few draws: a spec bug, not a violation
    }
}
