using Muon.Verification.Statistics;

namespace Muon.Verification.Properties.Statistics;

/// <summary>Order-statistic ranks and median helpers at their edges.</summary>
public sealed class OrderStatisticsEdgeTests
{
    [Theory]
    [InlineData(1, 0.4, 1)]   // P(B ≥ 1) = 1/2 ≤ 0.6
    [InlineData(1, 0.5, 1)]   // P(B ≥ 1) = 1/2 ≤ 0.5: the bound is inclusive
    [InlineData(1, 0.6, null)]
    [InlineData(2, 0.2, 1)]   // P(B ≥ 1) = 3/4 ≤ 0.8
    [InlineData(2, 0.75, 2)]  // P(B ≥ 2) = 1/4 ≤ 0.25, P(B ≥ 1) = 3/4 > 0.25
    public void Upper_rank_is_the_smallest_rank_whose_tail_is_within_one_minus_confidence(int n, double confidence, int? rank)
        => Assert.Equal(rank, OrderStatistics.UpperRank(n, confidence));

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    public void Upper_tail_from_rank_zero_or_below_is_exactly_one(int n)
    {
        Assert.Equal(1.0, OrderStatistics.UpperTail(n, 0));
        Assert.Equal(1.0, OrderStatistics.UpperTail(n, -2));
    }

    [Theory]
    [InlineData(0, 0.95, "n")]
    [InlineData(10, 0.0, "confidence")]
    [InlineData(10, 1.0, "confidence")]
    [InlineData(10, 1.5, "confidence")]
    public void Invalid_arguments_are_rejected(int n, double confidence, string parameter)
        => Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.UpperRank(n, confidence)).ParamName);

    [Fact]
    public void The_median_of_an_empty_sample_is_an_error_naming_the_sample()
    {
        var e = Assert.Throws<ArgumentException>(() => OrderStatistics.SampleMedian([]));
        Assert.Equal("sample", e.ParamName);
        Assert.StartsWith("empty sample.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_with_one_nan_is_rejected()
    {
        var sample = Enumerable.Range(1, 100).Select(i => i == 50 ? double.NaN : i).ToArray();
        var e = Assert.Throws<ArgumentException>(() => OrderStatistics.MedianBound(sample, 0.95, upper: true));
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_small_a_sample_is_rejected_naming_size_and_confidence()
    {
        var e = Assert.Throws<ArgumentException>(() => OrderStatistics.MedianBound([1.0, 2.0, 3.0], 0.99, upper: true));
        Assert.StartsWith("3 draws cannot bound a median at confidence 0.99.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_samples_are_argument_errors()
    {
        Assert.Equal("sample", Assert.Throws<ArgumentNullException>(() => OrderStatistics.MedianBound(null!, 0.95, upper: true)).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentNullException>(() => OrderStatistics.SampleMedian(null!)).ParamName);
    }

    [Theory]
    [InlineData(new[] { 10.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void Sample_median_is_the_middle_value_or_the_mean_of_the_two(double[] sample, double median)
        => Assert.Equal(median, OrderStatistics.SampleMedian(sample));
}
