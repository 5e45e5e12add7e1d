using FsCheck.Fluent;
using Muon.Reference.Numerics;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Statistics;
using static Muon.Verification.Harness.Formatting;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// B3 — noisy sign dynamics, the reachability mechanism behind inexact Muon leaving the grid
/// (Gonon–Muşat–Boumal 2602.11948; quadratics sheet B3): <c>s_{t+1} = s_t − α(sign(s_t) + σξ_t)</c>,
/// T_ε = min{t : |s_t| ≤ ε}. The paper's figure uses α = 0.1, ε = α/5, s₀ = 10α + 1.3ε = 1.026, cap 1000 steps.
/// </summary>
public static class NoisySignSpecs
{
    /// <summary>The figure's parameters.</summary>
    public const double Alpha = 0.1, Epsilon = 0.02, S0 = 1.026;

    /// <summary>
    /// σ = 0, off-grid start: dist(s₀, αℤ) = d ∈ (1.01ε, α/2] built into the draw (s₀ = ±(kα ± d), k ∈ [0, 50],
    /// α ∈ logU[0.01, 1], ε = α/5) never hits within k + 1000 steps: the orbit is s₀ − tα·sign, so it oscillates
    /// between d and α − d ≥ α/2 around 0. Margin d − ε ≥ 0.01ε = 0.002α against a rounding drift ≤ (k + 1000)·u·|s₀| ≲ 1e-11α.
    /// </summary>
    public static PropertySpec NoiselessOffGridNeverHits(SignDynamicsSubject subject) => new PropertySpec(
        "b3/noiseless-off-grid-never-hits",
        "With σ = 0 a start off the grid (dist(s₀, αℤ) > 1.01ε, ε = α/5) never hits |s| ≤ ε.",
        "quadratics sheet B3 (Gonon–Muşat–Boumal 2602.11948)",
        "exact outcome; margin 0.002α ≫ rounding drift ≲ 1e-11α",
        200,
        () => Prop.ForAll(StartArb(onGrid: false), x =>
        {
            var t = subject.HittingTime(x.S0, x.Alpha, 0, x.Alpha / 5, x.K + 1000, new Rng(x.Seed));
            if (t is int hit)
            {
                // "never within the horizon": T_ε must exceed the horizon.
                var v = Violation.Above("T_ε", hit, x.K + 1000) with { Context = x.ToString() };
                throw new SpecViolation(v, $"T_ε = {R(v.Measured)}, expected never (within {R(v.Bound)} steps) ({v.Context})");
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// σ = 0, on-grid start s₀ = ±(kα + d), |d| ≤ 0.99ε, k ∈ [0, 200]: hits at exactly t = k (for t &lt; k,
    /// |s_t| ≥ α − ε = 4ε). Margin 0.01ε against a drift ≲ 1e-11α.
    /// </summary>
    public static PropertySpec NoiselessOnGridHitsAtK(SignDynamicsSubject subject) => new PropertySpec(
        "b3/noiseless-on-grid-hits-at-k",
        "With σ = 0 a start on the grid (s₀ = kα + d, |d| ≤ 0.99ε) hits at exactly t = k.",
        "quadratics sheet B3 (Gonon–Muşat–Boumal 2602.11948)",
        "exact outcome; margin 0.01ε ≫ rounding drift",
        200,
        () => Prop.ForAll(StartArb(onGrid: true), x =>
        {
            var t = subject.HittingTime(x.S0, x.Alpha, 0, x.Alpha / 5, x.K + 1000, new Rng(x.Seed));
            if (t != x.K)
            {
                var v = Violation.Equal("T_ε", t is int h ? h : double.PositiveInfinity, x.K) with { Context = x.ToString() };
                throw new SpecViolation(v, $"T_ε = {(t is null ? "never" : R(v.Measured))}, expected exactly k = {R(v.Bound)} ({v.Context})");
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// Every σ ∈ logU[0.01, 10] hits: each case draws σ and 100 paths from the figure's off-grid start; every path must
    /// hit within 20 000 steps (the sheet's observed maximum at σ = 0.01 is ≈ 4 400).
    /// </summary>
    public static PropertySpec NoisyAlwaysHits(SignDynamicsSubject subject) => new PropertySpec(
        "b3/noisy-always-hits",
        "For every σ ∈ [0.01, 10] every path from the off-grid start s₀ = 1.026 hits |s| ≤ ε (within 20 000 steps).",
        "quadratics sheet B3 (Gonon–Muşat–Boumal 2602.11948)",
        "exact outcome per path; cap 20 000 ≈ 4.5× the largest hitting time seen in 2 000 paths at σ = 0.01",
        100,
        () => Prop.ForAll(FsCheck.Fluent.Arb.From(
            from sigma in MatrixGenerators.LogUniform(0.01, 10)
            from seed in MatrixGenerators.Seed()
            select (sigma, seed)), ((double Sigma, ulong Seed) x) =>
        {
            var rng = new Rng(x.Seed);
            for (int path = 0; path < 100; path++)
                if (subject.HittingTime(S0, Alpha, x.Sigma, Epsilon, 20_000, rng) is null)
                    throw new SpecViolation($"path {path} did not hit within 20000 steps (σ = {R(x.Sigma)}, s₀ = {R(S0)}, α = {R(Alpha)}, ε = {R(Epsilon)}, seed {x.Seed})");
        })) with { Subject = subject.Name };

    /// <summary>
    /// The sweet spot, as distribution-free statements about medians (10 000 paths per σ, cap 1000, "never" = +∞,
    /// 99% one-sided order-statistic bounds): median T_ε(σ = 0.2) ≤ 20, median T_ε(0.003) ≥ 700, median T_ε(10) ≥ 140
    /// (sheet: ≈ 12, > 700, > 140), and the log–log slopes bracketed by the intervals' ends: between σ = 0.003 and 0.01
    /// at most −1.2 (the cap censors half the paths at σ = 0.003, so the steep end is unbounded), between σ = 3 and 10
    /// in [1, 2.2] (sheet: ≈ −1.8, +1.6).
    /// </summary>
    public static PropertySpec SweetSpot(SignDynamicsSubject subject) => new PropertySpec(
        "b3/sweet-spot",
        "Median hitting time is small at moderate noise (σ = 0.2) and large at small and large noise, with log–log slopes ≈ −1.8 and +1.6.",
        "quadratics sheet B3 (Gonon–Muşat–Boumal 2602.11948, figure parameters)",
        "99% one-sided order-statistic bounds on medians (distribution-free; censored paths count as +∞); slopes from interval ends",
        1,
        () => Prop.ForAll(FsCheck.Fluent.Arb.From(MatrixGenerators.Seed()), seed =>
        {
            var rng = new Rng(seed);
            double[] Times(double sigma) => Enumerable.Range(0, 10_000)
                .Select(_ => subject.HittingTime(S0, Alpha, sigma, Epsilon, 1000, rng) is int t ? (double)t : double.PositiveInfinity).ToArray();
            string ctx = $"α = {R(Alpha)}, ε = {R(Epsilon)}, s₀ = {R(S0)}, cap 1000, 10000 paths per σ, batch seed {seed}";
            StatAssert.MedianAtMost("T_ε at σ = 0.2", Times(0.2), 20, ctx);
            var small = Times(0.003);
            StatAssert.MedianAtLeast("T_ε at σ = 0.003", small, 700, ctx);
            var large = Times(10);
            StatAssert.MedianAtLeast("T_ε at σ = 10", large, 140, ctx);
            var smallish = Times(0.01);
            var largeish = Times(3);
            // At σ = 0.003 about half the paths are censored by the cap, so the interval's upper end is +∞ and only
            // the flattest compatible slope is bounded: claim it is at most −1.2.
            Slope("small-σ slope (σ = 0.003 → 0.01)", small, smallish, 0.003, 0.01, double.NegativeInfinity, -1.2, ctx);
            Slope("large-σ slope (σ = 3 → 10)", largeish, large, 3, 10, 1.0, 2.2, ctx);
        })) with { Subject = subject.Name };

    /// <summary>Requires [lowest, highest] slope compatible with both 99% median intervals to lie inside [lo, hi].</summary>
    private static void Slope(string what, double[] a, double[] b, double sa, double sb, double lo, double hi, string ctx)
    {
        var (aLo, aHi) = OrderStatistics.MedianInterval(a, 0.99);
        var (bLo, bHi) = OrderStatistics.MedianInterval(b, 0.99);
        double dx = Math.Log(sb / sa);
        double steepest = (Math.Log(bLo) - Math.Log(aHi)) / dx, flattest = (Math.Log(bHi) - Math.Log(aLo)) / dx;
        double min = Math.Min(steepest, flattest), max = Math.Max(steepest, flattest);
        if (!(min >= lo && max <= hi))
        {
            // The measured value is the end of the compatible slope range that leaves the claimed interval.
            var v = Violation.Within(what, !(min >= lo) ? min : max, lo, hi) with { Context = ctx };
            throw new SpecViolation(v, $"{what} ∈ [{Short(min)}, {Short(max)}] from the 99% median intervals [{Short(aLo)}, {Short(aHi)}] and [{Short(bLo)}, {Short(bHi)}], claimed inside [{Short(v.Bound)}, {Short(v.BoundHigh ?? hi)}] ({v.Context})");
        }
    }

    private static FsCheck.Arbitrary<SignStart> StartArb(bool onGrid) => FsCheck.Fluent.Arb.From(
        from alpha in MatrixGenerators.LogUniform(0.01, 1)
        from k in Gen.Choose(0, onGrid ? 200 : 50)
        from f in MatrixGenerators.Unit()
        from negative in Gen.Elements(false, true)
        from below in Gen.Elements(false, true)
        from seed in MatrixGenerators.Seed()
        let eps = alpha / 5
        let d = onGrid ? (2 * f - 1) * 0.99 * eps : 1.01 * eps + f * (alpha / 2 - 1.01 * eps)
        let kk = onGrid || !below ? k : Math.Max(k, 1)
        let s = onGrid || !below ? kk * alpha + d : kk * alpha - d
        select new SignStart(negative ? -s : s, alpha, kk, seed));
}

/// <summary>A B3 start: s₀, α, the grid index k, and a seed for the (unused at σ = 0) noise.</summary>
public sealed record SignStart(double S0, double Alpha, int K, ulong Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"s₀ = {R(S0)}, α = {R(Alpha)}, ε = {R(Alpha / 5)}, k = {K}, σ = 0, seed {Seed}";
}
