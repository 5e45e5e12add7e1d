using Muon.Reference.Numerics;

namespace Muon.Reference.Objectives;

/// <summary>
/// The noisy sign dynamics of Gonon, Muşat and Boumal (reachability mechanism):
/// <c>s_{t+1} = s_t − α(sign(s_t) + σ ξ_t)</c>, <c>ξ_t ~ N(0, 1)</c> iid, and the hitting time
/// <c>T_ε = min{t ≥ 0 : |s_t| ≤ ε}</c>. With σ = 0 the orbit stays on <c>s₀ + αℤ</c>, so an off-grid start never
/// hits; noise lets it leave the grid.
/// </summary>
public static class NoisySignDynamics
{
    /// <summary>One step <c>s − α(sign(s) + σ ξ)</c> with the given noise draw ξ (sign(0) = 0).</summary>
    public static double Step(double s, double alpha, double sigma, double xi)
        => s - alpha * (Math.Sign(s) + sigma * xi);

    /// <summary>T_ε with Gaussian noise from <paramref name="rng"/>; null if not hit within <paramref name="maxSteps"/> steps.</summary>
    public static int? HittingTime(double s0, double alpha, double sigma, double epsilon, int maxSteps, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return HittingTime(s0, alpha, sigma, epsilon, maxSteps, rng.Normal);
    }

    /// <summary>
    /// T_ε with noise draws from <paramref name="noise"/> (not called when σ = 0; e.g. integer-valued noise, the negative control that keeps
    /// s on <c>s₀ + αℤ</c> when σ = 1); null if not hit within <paramref name="maxSteps"/> steps. t = 0 counts.
    /// </summary>
    public static int? HittingTime(double s0, double alpha, double sigma, double epsilon, int maxSteps, Func<double> noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        Guard.Finite(s0, nameof(s0));
        Guard.Positive(alpha, nameof(alpha));
        Guard.NonNegative(sigma, nameof(sigma));
        Guard.NonNegative(epsilon, nameof(epsilon));
        if (maxSteps < 0)
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be ≥ 0.");
        double s = s0;
        for (int t = 0; ; t++)
        {
            if (Math.Abs(s) <= epsilon) return t;
            if (t == maxSteps) return null;
            s = Step(s, alpha, sigma, sigma == 0 ? 0 : noise());
        }
    }
}
