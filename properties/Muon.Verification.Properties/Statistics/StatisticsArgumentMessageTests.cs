using Muon.Verification.Statistics;

namespace Muon.Verification.Properties.Statistics;

/// <summary>Bad arguments to the statistics helpers are rejected with a message that names the valid range.</summary>
public sealed class StatisticsArgumentMessageTests
{
    [Fact]
    public void Clopper_pearson_names_the_valid_ranges()
    {
        Assert.StartsWith("at least one trial is needed.", Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Lower(0, 0, 0.99)).Message, StringComparison.Ordinal);
        Assert.StartsWith("successes must lie in [0, 5].", Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Lower(6, 5, 0.99)).Message, StringComparison.Ordinal);
        Assert.StartsWith("confidence must lie in (0, 1).", Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Upper(1, 5, 1.0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_statistics_name_the_valid_ranges()
    {
        Assert.StartsWith("at least one draw is needed.", Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.UpperRank(0, 0.99)).Message, StringComparison.Ordinal);
        Assert.StartsWith("confidence must lie in (0, 1).", Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.UpperRank(5, 0)).Message, StringComparison.Ordinal);
    }
}
