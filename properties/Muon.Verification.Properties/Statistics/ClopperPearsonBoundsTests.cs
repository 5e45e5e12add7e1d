using Muon.Verification.Statistics;

namespace Muon.Verification.Properties.Statistics;

/// <summary>Clopper–Pearson one-sided bounds: closed forms at n = 1 and argument validation.</summary>
public sealed class ClopperPearsonBoundsTests
{
    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void A_single_trial_has_closed_form_bounds(double confidence)
    {
        // k = n = 1: P(X ≥ 1 | p) = p = α. k = 0, n = 1: P(X ≤ 0 | p) = 1 − p = α.
        Assert.Equal(1 - confidence, ClopperPearson.Lower(1, 1, confidence), 12);
        Assert.Equal(confidence, ClopperPearson.Upper(0, 1, confidence), 12);
    }

    [Theory]
    [InlineData(5, 0, 0.95, "trials")]
    [InlineData(-1, 10, 0.95, "successes")]
    [InlineData(11, 10, 0.95, "successes")]
    [InlineData(5, 10, 0.0, "confidence")]
    [InlineData(5, 10, 1.0, "confidence")]
    [InlineData(5, 10, 1.5, "confidence")]
    [InlineData(5, 10, double.NaN, "confidence")]
    public void Invalid_arguments_are_rejected_by_both_bounds(int successes, int trials, double confidence, string parameter)
    {
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => ClopperPearson.Lower(successes, trials, confidence)).ParamName);
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => ClopperPearson.Upper(successes, trials, confidence)).ParamName);
    }
}
