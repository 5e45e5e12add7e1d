using MathNet.Numerics;

namespace Muon.Verification.Statistics;

/// <summary>
/// Distribution-free confidence bounds for a median from order statistics. With n iid draws and B ~ Bin(n, ½)
/// the number of draws below the median m, <c>P(X₍ᵤ₎ &lt; m) = P(B ≥ u)</c> and <c>P(X₍ₗ₎ &gt; m) ≤ P(B ≤ l − 1)</c>,
/// so the ranks are chosen from the binomial tails and the bounds need no assumption on the distribution.
/// For discrete or censored samples (hitting times, "never" = +∞) the bounds stay conservative.
/// Ranks are 1-based.
/// </summary>
public static class OrderStatistics
{
    /// <summary>
    /// The smallest rank u with P(B ≥ u) ≤ 1 − γ, so that <c>median ≤ X₍ᵤ₎</c> with confidence γ; null when even
    /// u = n is not enough (sample too small).
    /// </summary>
    public static int? UpperRank(int n, double confidence)
    {
        Validate(n, confidence);
        double alpha = 1 - confidence;
        // Accumulate P(B ≥ u) from u = n downward; the tail grows as u decreases, so stop at the first excess.
        double tail = 0;
        int? best = null;
        for (int u = n; u >= 1; u--)
        {
            tail += Pmf(n, u);
            if (tail > alpha) break;
            best = u;
        }
        return best;
    }

    /// <summary>
    /// The largest rank l with P(B ≤ l − 1) ≤ 1 − γ, so that <c>median ≥ X₍ₗ₎</c> with confidence γ; null when even
    /// l = 1 is not enough. By symmetry l = n + 1 − u.
    /// </summary>
    public static int? LowerRank(int n, double confidence) => UpperRank(n, confidence) is int u ? n + 1 - u : null;

    /// <summary>P(B ≥ k) for B ~ Bin(n, ½), summed from the probability mass function (log-binomial coefficients).</summary>
    public static double UpperTail(int n, int k)
    {
        if (k <= 0) return 1;
        double tail = 0;
        for (int j = n; j >= k; j--) tail += Pmf(n, j);
        return tail;
    }

    /// <summary>P(B = j) = C(n, j)/2ⁿ.</summary>
    private static double Pmf(int n, int j) => Math.Exp(SpecialFunctions.BinomialLn(n, j) - n * Math.Log(2));

    /// <summary>
    /// A one-sided bound on the median of the distribution that produced <paramref name="sample"/>:
    /// the upper bound (<paramref name="upper"/> true) or the lower bound, each at confidence γ.
    /// </summary>
    public static double MedianBound(IReadOnlyList<double> sample, double confidence, bool upper)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sorted = sample.OrderBy(x => x).ToArray();
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("the sample contains NaN.", nameof(sample));
        int? rank = upper ? UpperRank(sorted.Length, confidence) : LowerRank(sorted.Length, confidence);
        if (rank is not int r)
            throw new ArgumentException($"{sorted.Length} draws cannot bound a median at confidence {confidence:R}.", nameof(sample));
        return sorted[r - 1];
    }

    /// <summary>The two-sided interval [X₍ₗ₎, X₍ᵤ₎] at confidence γ (each side at (1 + γ)/2).</summary>
    public static (double Lower, double Upper) MedianInterval(IReadOnlyList<double> sample, double confidence)
    {
        double oneSided = (1 + confidence) / 2;
        return (MedianBound(sample, oneSided, upper: false), MedianBound(sample, oneSided, upper: true));
    }

    /// <summary>The sample median (mean of the two middle values for even n), for reports only.</summary>
    public static double SampleMedian(IReadOnlyList<double> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        // Stryker disable once Linq : the reversed order picks the same middle value(s), up to the sign of a zero median: when −0 and +0 tie in the middle the stable sort keeps their input order (−0 == +0)
        var s = sample.OrderBy(x => x).ToArray();
        if (s.Length == 0) throw new ArgumentException("empty sample.", nameof(sample));
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static void Validate(int n, double confidence)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one draw is needed.");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie in (0, 1).");
    }
}
