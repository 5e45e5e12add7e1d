using MathNet.Numerics;

namespace Muon.Verification.Statistics;

/// <summary>
/// Exact (Clopper–Pearson) confidence bounds for a binomial proportion p from k successes in n trials.
/// One-sided bounds at confidence γ: the lower bound is the p at which P(X ≥ k | n, p) = 1 − γ, the upper bound
/// the p at which P(X ≤ k | n, p) = 1 − γ. They are conservative (coverage ≥ γ for every p), so a claim
/// "holds in at least a fraction p₀ of draws" is supported when the lower bound exceeds p₀ — no lucky seed can
/// make a small sample look convincing.
/// </summary>
public static class ClopperPearson
{
    /// <summary>The one-sided lower bound on p at confidence <paramref name="confidence"/> (0 when k = 0).</summary>
    public static double Lower(int successes, int trials, double confidence)
    {
        Validate(successes, trials, confidence);
        if (successes == 0) return 0;
        double alpha = 1 - confidence;
        // P(X ≥ k | p) = I_p(k, n − k + 1), increasing in p.
        return Solve(p => SpecialFunctions.BetaRegularized(successes, trials - successes + 1, p) - alpha);
    }

    /// <summary>The one-sided upper bound on p at confidence <paramref name="confidence"/> (1 when k = n).</summary>
    public static double Upper(int successes, int trials, double confidence)
    {
        Validate(successes, trials, confidence);
        if (successes == trials) return 1;
        double alpha = 1 - confidence;
        // P(X ≤ k | p) = 1 − I_p(k + 1, n − k), decreasing in p; solve (1 − that) − (1 − α) = 0, increasing.
        return Solve(p => SpecialFunctions.BetaRegularized(successes + 1, trials - successes, p) - (1 - alpha));
    }

    /// <summary>The two-sided interval at confidence <paramref name="confidence"/> (each side at (1 + γ)/2).</summary>
    public static (double Lower, double Upper) Interval(int successes, int trials, double confidence)
    {
        double oneSided = (1 + confidence) / 2;
        return (Lower(successes, trials, oneSided), Upper(successes, trials, oneSided));
    }

    /// <summary>Root of an increasing function on [0, 1] by bisection to 1e-15 (the regularized beta is smooth and monotone).</summary>
    private static double Solve(Func<double, double> increasing)
    {
        double lo = 0, hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (increasing(mid) < 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static void Validate(int successes, int trials, double confidence)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "at least one trial is needed.");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must lie in [0, {trials}].");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie in (0, 1).");
    }
}
