using Muon.Verification.Harness;
using Muon.Verification.Statistics;

namespace Muon.Verification.Properties.Statistics;

/// <summary><see cref="StatAssert"/>: inclusive at the bound, and its messages name the counts, the bound and the claim.</summary>
public sealed class StatAssertMessageTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Fact]
    public void A_claim_equal_to_the_bound_passes()
    {
        StatAssert.RateAtLeast("x", 0, 10, 0.0, "ctx");                         // lower bound of 0/10 is 0
        StatAssert.RateAtLeast("x", 7, 10, ClopperPearson.Lower(7, 10, 0.99), "ctx");
        StatAssert.RateAtMost("x", 10, 10, 1.0, "ctx");                         // upper bound of 10/10 is 1
        StatAssert.RateAtMost("x", 3, 10, ClopperPearson.Upper(3, 10, 0.99), "ctx");
        double upper = OrderStatistics.MedianBound(OneToHundred, 0.99, upper: true);
        StatAssert.MedianAtMost("t", OneToHundred, upper, "ctx");
        double lower = OrderStatistics.MedianBound(OneToHundred, 0.99, upper: false);
        StatAssert.MedianAtLeast("t", OneToHundred, lower, "ctx");
    }

    [Fact]
    public void Rate_at_least_message_names_counts_rate_confidence_bound_and_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.RateAtLeast("hit", 1, 4, 0.9, "ctx", 0.95));
        string lower = ClopperPearson.Lower(1, 4, 0.95).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"rate(hit) = 1/4 = 0.25; 95% Clopper–Pearson lower bound {lower} < claimed 0.9 (ctx)", e.Message);
    }

    [Fact]
    public void Rate_at_most_message_names_counts_rate_confidence_bound_and_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.RateAtMost("miss", 3, 4, 0.1, "ctx"));
        string upper = ClopperPearson.Upper(3, 4, 0.99).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"rate(miss) = 3/4 = 0.75; 99% Clopper–Pearson upper bound {upper} > claimed 0.1 (ctx)", e.Message);
    }

    [Fact]
    public void A_bound_that_would_print_equal_to_the_claim_is_printed_in_full()
    {
        double lower = ClopperPearson.Lower(7, 10, 0.99);
        double claimed = lower + 1e-9;
        var e = Assert.Throws<SpecViolation>(() => StatAssert.RateAtLeast("x", 7, 10, claimed, "ctx"));
        Assert.Contains($"lower bound {lower.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} < claimed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Median_at_most_message_names_estimate_draws_confidence_bound_and_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.MedianAtMost("t", OneToHundred, 55, "ctx", 0.975));
        Assert.Equal("median(t) ≈ 50.5 over 100 draws; 97.5% order-statistic upper bound 61 > claimed 55 (ctx)", e.Message);
    }

    [Fact]
    public void Median_at_least_message_names_estimate_draws_confidence_bound_and_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.MedianAtLeast("t", OneToHundred, 45, "ctx", 0.975));
        Assert.Equal("median(t) ≈ 50.5 over 100 draws; 97.5% order-statistic lower bound 40 < claimed 45 (ctx)", e.Message);
    }
}
