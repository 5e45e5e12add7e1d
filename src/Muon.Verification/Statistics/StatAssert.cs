using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Statistics;

/// <summary>
/// Assertions for rate and median claims, throwing <see cref="SpecViolation"/> with the counts, the bound at
/// its confidence and the claimed value. The structured <see cref="Violation"/> holds the confidence bound as the
/// measured value against the claimed one (a statistical claim, never a round-off bound: structural). A claim passes only when the confidence bound — not the point
/// estimate — is on the right side, so "holds in ≥ p of draws" cannot pass by a lucky seed.
/// </summary>
public static class StatAssert
{
    /// <summary>Default confidence of one-sided bounds: 0.99.</summary>
    public const double DefaultConfidence = 0.99;

    /// <summary>Requires the Clopper–Pearson lower bound of k/n to be at least <paramref name="claimed"/>.</summary>
    public static void RateAtLeast(string what, int successes, int trials, double claimed, string context, double confidence = DefaultConfidence)
    {
        double lower = ClopperPearson.Lower(successes, trials, confidence);
        if (!(lower >= claimed))
        {
            var v = Violation.AtLeast($"{Percent(confidence)} Clopper–Pearson lower bound of rate({what})", lower, claimed) with { Context = context };
            throw new SpecViolation(v, $"rate({what}) = {successes}/{trials} = {Short((double)successes / trials)}; {Percent(confidence)} Clopper–Pearson lower bound {Distinct(v.Measured, v.Bound)} < claimed {Short(v.Bound)} ({v.Context})");
        }
    }

    /// <summary>Requires the Clopper–Pearson upper bound of k/n to be at most <paramref name="claimed"/>.</summary>
    public static void RateAtMost(string what, int successes, int trials, double claimed, string context, double confidence = DefaultConfidence)
    {
        double upper = ClopperPearson.Upper(successes, trials, confidence);
        if (!(upper <= claimed))
        {
            var v = Violation.AtMost($"{Percent(confidence)} Clopper–Pearson upper bound of rate({what})", upper, claimed) with { Context = context };
            throw new SpecViolation(v, $"rate({what}) = {successes}/{trials} = {Short((double)successes / trials)}; {Percent(confidence)} Clopper–Pearson upper bound {Distinct(v.Measured, v.Bound)} > claimed {Short(v.Bound)} ({v.Context})");
        }
    }

    /// <summary>Requires the order-statistic upper confidence bound of the median to be at most <paramref name="claimed"/>.</summary>
    public static void MedianAtMost(string what, IReadOnlyList<double> sample, double claimed, string context, double confidence = DefaultConfidence)
    {
        double upper = OrderStatistics.MedianBound(sample, confidence, upper: true);
        if (!(upper <= claimed))
        {
            var v = Violation.AtMost($"{Percent(confidence)} order-statistic upper bound of median({what})", upper, claimed) with { Context = context };
            throw new SpecViolation(v, $"median({what}) ≈ {Short(OrderStatistics.SampleMedian(sample))} over {sample.Count} draws; {Percent(confidence)} order-statistic upper bound {Short(v.Measured)} > claimed {Short(v.Bound)} ({v.Context})");
        }
    }

    /// <summary>Requires the order-statistic lower confidence bound of the median to be at least <paramref name="claimed"/>.</summary>
    public static void MedianAtLeast(string what, IReadOnlyList<double> sample, double claimed, string context, double confidence = DefaultConfidence)
    {
        double lower = OrderStatistics.MedianBound(sample, confidence, upper: false);
        if (!(lower >= claimed))
        {
            var v = Violation.AtLeast($"{Percent(confidence)} order-statistic lower bound of median({what})", lower, claimed) with { Context = context };
            throw new SpecViolation(v, $"median({what}) ≈ {Short(OrderStatistics.SampleMedian(sample))} over {sample.Count} draws; {Percent(confidence)} order-statistic lower bound {Short(v.Measured)} < claimed {Short(v.Bound)} ({v.Context})");
        }
    }

    /// <summary><paramref name="bound"/> to 4 digits, or in full when that would print it equal to <paramref name="claimed"/> (e.g. 0.98996 against 0.99).</summary>
    private static string Distinct(double bound, double claimed) => Short(bound) == Short(claimed) ? R(bound) : Short(bound);

    private static string Percent(double confidence) => Short(100 * confidence) + "%";
}
