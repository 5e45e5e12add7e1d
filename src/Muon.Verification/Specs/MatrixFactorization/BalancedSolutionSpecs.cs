using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>Which optimizer's regime a B draw uses (step range and stopping rule).</summary>
public enum BalanceRegime
{
    /// <summary>Muon: η ∈ √s₁·U[1e-3, 3e-3], run ⌊2√s₁/η⌋ steps.</summary>
    Muon,

    /// <summary>GD: η ∈ logU[0.05, 0.3]/s₁, run until L &lt; 1e-20·L₀ (cap 20000 steps).</summary>
    GradientDescent,
}

/// <summary>
/// B — balanced solutions from vanishing init (arXiv 2606.30509; theory sheet §B). From Gaussian init at scale ε,
/// Muon ends with imbalance <c>‖Δ₁‖_F = Θ(ε)</c> and GD with <c>‖PᵀP − QᵀQ‖_F = Θ(ε²)</c>; both vanish as ε → 0.
/// </summary>
/// <remarks>
/// Generator: m = n ∈ [2,6], d/n ∈ {2,4}, s₁ = 1, κ ∈ logU[1.5,10] (log-uniform interior), ε ∈ logU[1e-5,1e-2], η per
/// <see cref="BalanceRegime"/>. The sheet does not state its n, κ or GD step range; these are this project's choices.
/// The Θ-constants' bands are the sheet's observed extremes over 1000 draws; the reference leaves them in a few draws per
/// thousand, so the level specs claim them as rates (see each spec).
/// </remarks>
public static class BalancedSolutionSpecs
{
    /// <summary>Step cap of the GD regime (observed max 2951 steps to 1e-20·L₀).</summary>
    public const int GdStepCap = 20000;

    /// <summary>The B generator for <paramref name="regime"/> (α = ε).</summary>
    public static Arbitrary<MfCase> Cases(BalanceRegime regime)
    {
        var gen =
            from n in Gen.Choose(2, 6)
            from ratio in Gen.Elements(2, 4)
            from kappa in LogUniform(1.5, 10)
            from eps in LogUniform(1e-5, 1e-2)
            from eta in regime == BalanceRegime.Muon ? Uniform(1e-3, 3e-3) : LogUniform(0.05, 0.3)
            from seed in Seed()
            select new MfCase(n, n, ratio * n, n, 1, kappa, SpectrumShape.LogUniform, MfInit.Gaussian, eps, 0, 0, eta, false, seed);
        return Arbitrary(gen, _ => true, shrink: false);
    }

    /// <summary>
    /// Muon ends with imbalance Θ(ε): in at least 85% of draws <c>‖Δ₁‖_F/ε ∈ [0.026, 5.1]</c> at the end of the run
    /// (⌊2√s₁/η⌋ steps). The 99% Clopper–Pearson lower bound of the rate over a batch of
    /// <see cref="MuonLevelDrawsPerBatch"/> draws must be ≥ <see cref="MuonLevelClaimedRate"/>.
    /// <para>
    /// Why a rate: [0.026, 5.1] is the range the sheet observed over 1000 draws, not a derived bound, and the reference
    /// leaves it on both sides (1000 fixed-seed draws: 0.0234; deep runs: 0.017 and 6.5). Both tails are wider than
    /// the sheet saw: every draw below the band had n = 2, every draw above n ≥ 3. Measured on 8000 random draws of this
    /// generator: 18 outside the band (rate 2.3e-3; 9 below, min 0.0092; 9 above, max 11.1), 0.1% quantile 0.020–0.029, median 0.45,
    /// p99 1.47. No per-draw band
    /// exists for the same reason as for GD (see <see cref="GdImbalanceOrderEps2"/>): the constant is a continuous random
    /// variable of the Gaussian init with support reaching 0 and ∞; for Muon its link to the init's ‖Δ₁(0)‖/ε is weaker
    /// (Muon conserves Δ₁ only to O(η) per step and until a residual changes sign; final/init ∈ [0.014, 0.88], correlation of
    /// the logs 0.27 on 400 draws), so not even a conditional band was derived.
    /// </para>
    /// <para>
    /// A batch of 150 fails p = 0.85 only with ≥ 13 draws outside the band: at the measured rate (0.34 expected) the
    /// probability is &lt; 1e-15, at three times that rate 5e-11. ≈ 15–20 ms a draw, so a batch takes ≈ 2–3 s. The swapped control (GD
    /// trajectories, whose Δ₁ is not conserved: ‖Δ₁‖/ε ≈ 5e-4 median) is outside the band in ≈ 96% of draws.
    /// </para>
    /// </summary>
    public static PropertySpec MuonImbalanceOrderEps(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.Muon)
        => Level(subject, regime, "mf/B/muon-imbalance-theta-eps", muonClaim: true, MuonBand, MuonLevelDrawsPerBatch, MuonLevelClaimedRate);

    /// <summary>
    /// GD ends with imbalance Θ(ε²): in at least 93% of draws <c>‖PᵀP − QᵀQ‖_F/(‖M*‖_F ε²) ∈ [0.17, 3.9]</c> once
    /// L &lt; 1e-20·L₀. The 99% Clopper–Pearson lower bound of the rate over a batch of
    /// <see cref="GdLevelDrawsPerBatch"/> draws must be ≥ <see cref="GdLevelClaimedRate"/>.
    /// <para>
    /// Why a rate: no fixed band can hold per draw. Gradient flow conserves Δ₂ and GD multiplies the aligned modes'
    /// imbalance by factors (1 − η²rᵢ²) ≤ 1, so the final constant is the init's own ‖Δ₂(0)‖_F/(‖M*‖_F ε²) times a shrink
    /// factor (measured on 400 draws: final/init ∈ [0.093, 1.1], correlation of the logs 0.68); under Gaussian init that
    /// initial imbalance is a continuous random variable with support (0, ∞) (unbounded Gaussian tails; P₀ᵀP₀ = Q₀ᵀQ₀ has
    /// measure zero but every neighbourhood of it positive probability), so every band [lo, hi] is left with positive
    /// probability. The shrink factor widens the lower tail further: from tiny ε the run spends ≈ ln(sᵢ/ε²)/ln(1 + ηsᵢ)
    /// steps near the origin where |rᵢ| ≈ sᵢ, a factor 10^{f(ηs₁)} per decade of ε, f(x) = ln(1−x²)/ln(1+x) (0.43 per
    /// decade at ηs₁ = 0.3). The sheet's [0.17, 3.9] is its observed range over 1000 draws; the reference leaves it in 1000
    /// fixed-seed draws (0.070) and deep runs (0.160, 0.145). Measured on 16000 random draws of this generator: 42 outside
    /// the band (rate 2.6e-3; 37 below, min 0.086, all at κ &lt; 3.4; 5 above, max 5.33, all at κ &gt; 6), 0.1% quantile 0.15,
    /// median 1.32, p99 2.93.
    /// </para>
    /// <para>
    /// A batch of 400 fails p = 0.93 only with ≥ 17 draws outside the band: at the measured rate (1.0 expected) the
    /// probability is 2e-14, at three times that rate 4e-8. ≈ 5 ms a draw, so a batch takes ≈ 2 s. The swapped control (Muon
    /// trajectories: ‖Δ₂‖ = Θ(ε), so the ratio is 50–7e4) is outside the band in every draw.
    /// </para>
    /// </summary>
    public static PropertySpec GdImbalanceOrderEps2(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
        => Level(subject, regime, "mf/B/gd-imbalance-theta-eps2", muonClaim: false, GdBand, GdLevelDrawsPerBatch, GdLevelClaimedRate);

    /// <summary>The sheet's band of ‖Δ₁‖_F/ε for Muon (its observed extremes over 1000 draws).</summary>
    public static readonly (double Lo, double Hi) MuonBand = (0.026, 5.1);

    /// <summary>The sheet's band of ‖Δ₂‖_F/(‖M*‖_F ε²) for GD (its observed extremes over 1000 draws).</summary>
    public static readonly (double Lo, double Hi) GdBand = (0.17, 3.9);

    /// <summary>Batches of each level spec per standard run (one FsCheck case each; deep runs use ten).</summary>
    public const int LevelCases = 1;

    /// <summary>Draws per batch of the Muon level spec (≤ 2000 Muon steps each, ≈ 15–20 ms a draw).</summary>
    public const int MuonLevelDrawsPerBatch = 150;

    /// <summary>The claimed rate of draws with ‖Δ₁‖_F/ε inside <see cref="MuonBand"/> (99% Clopper–Pearson lower bound).</summary>
    public const double MuonLevelClaimedRate = 0.85;

    /// <summary>Draws per batch of the GD level spec (≤ 3000 GD steps each, ≈ 5 ms a draw).</summary>
    public const int GdLevelDrawsPerBatch = 400;

    /// <summary>The claimed rate of draws with ‖Δ₂‖_F/(‖M*‖_F ε²) inside <see cref="GdBand"/> (99% Clopper–Pearson lower bound).</summary>
    public const double GdLevelClaimedRate = 0.93;

    /// <summary>
    /// Runs <paramref name="subject"/> on <paramref name="c"/> in <paramref name="regime"/> and returns the level of the
    /// claim: ‖Δ₁‖_F/ε (<paramref name="muonClaim"/>) or ‖Δ₂‖_F/(‖M*‖_F ε²) at the end of the run (NaN if it diverged).
    /// </summary>
    public static double LevelValue(OptimizerSubject subject, BalanceRegime regime, MfCase c, bool muonClaim)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(c);
        var end = Final(subject, regime, c);
        return muonClaim ? end.Delta1 / c.Alpha : end.Delta2 / (c.Problem.Target.FrobeniusNorm() * c.Alpha * c.Alpha);
    }

    /// <summary>Draws per case of the scaling specs (the claim is about the median of the batch).</summary>
    public const int ScalingBatch = 7;

    /// <summary>Cases of the scaling specs (each one a batch of <see cref="ScalingBatch"/> draws, two runs per draw).</summary>
    public const int ScalingCases = 8;

    /// <summary>
    /// ε → ε/10 on the same draws, Muon: the <b>median</b> over a batch of 7 draws of ‖Δ₁(ε/10)‖/‖Δ₁(ε)‖ lies in
    /// [0.05, 0.2], within a factor 2 of the Θ(ε) value 0.1 and disjoint from GD's band around 0.01. Why a median: per draw
    /// the ratio is not a law — over 1000 draws it ranged up to 1.47 (n = 6, d = 24, κ = 4.2, η = 1.34e-3, ε = 6.2e-4: ‖Δ₁‖
    /// was 3.1e-4 at ε and 4.5e-4 at ε/10), far outside the sheet's [0.013, 0.16]; Θ(ε) is a statement about the typical
    /// draw, which is what the median checks.
    /// </summary>
    public static PropertySpec MuonScaling(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.Muon)
        => Scaling(subject, regime, "mf/B/muon-scaling", muonClaim: true);

    /// <summary>
    /// ε → ε/10 on the same draws, GD: the median over a batch of 7 draws of ‖Δ₂(ε/10)‖/‖Δ₂(ε)‖ lies in [0.005, 0.02],
    /// within a factor 2 of the Θ(ε²) value 0.01. Per draw the aligned-mode derivation (factors 1 − η²r² ∈ (0, 1], and
    /// ln10/ln(1 + ηsᵢ) extra steps near the origin) predicts [0.01·10^{f(ηs₁)}, 0.01], f(x) = ln(1−x²)/ln(1+x); the upper end
    /// was exceeded once in 1000 draws (0.01028, n = 2, κ = 8.2, η = 0.159; sheet max 0.0098), so the per-draw form is not
    /// asserted.
    /// </summary>
    public static PropertySpec GdScaling(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
        => Scaling(subject, regime, "mf/B/gd-scaling", muonClaim: false);

    private static string Suffix(BalanceRegime regime, bool muonClaim)
        => (regime == BalanceRegime.Muon) == muonClaim ? "" : $"[{regime}-regime]";

    private static PropertySpec Level(OptimizerSubject subject, BalanceRegime regime, string id, bool muonClaim, (double Lo, double Hi) band, int draws, double claimed)
    {
        ArgumentNullException.ThrowIfNull(subject);
        string quantity = muonClaim ? "‖Δ₁‖_F/ε" : "‖Δ₂‖_F/(‖M*‖_F ε²)";
        string what = $"{quantity} ∈ [{R(band.Lo)}, {R(band.Hi)}]";
        var batches = Arb.From(Cases(regime).Generator.ArrayOf(draws));
        return new PropertySpec(
            id + Suffix(regime, muonClaim),
            $"From Gaussian init at scale ε, {(muonClaim ? "Muon" : "GD")} ends with {what} in at least {R(claimed)} of draws.",
            "arXiv 2606.30509 (Muon learns balanced solutions); theory sheet B (band = the sheet's observed extremes over 1000 draws)",
            $"rate ≥ {R(claimed)} at the 99% Clopper–Pearson lower bound over {draws} draws (measured exceedance rate of the band: "
            + (muonClaim ? "18/8000 = 2.3e-3" : "42/16000 = 2.6e-3") + ")",
            LevelCases,
            () => Prop.ForAll(batches, cases =>
            {
                double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
                MfCase? low = null, high = null;
                MfCheck.RateAtLeast(what, cases, c =>
                {
                    double v = LevelValue(subject, regime, c, muonClaim);
                    if (low is null || v < lowest) (lowest, low) = (v, c);
                    if (high is null || v > highest) (highest, high) = (v, c);
                    return v >= band.Lo && v <= band.Hi ? null : $"{quantity} = {R(v)}";
                }, claimed, subject.Name, () => $"range of {quantity} [{R(lowest)} at {MfCheck.Draw(low!)}, {R(highest)} at {MfCheck.Draw(high!)}]");
            })) { Subject = subject.Name };
    }

    private static PropertySpec Scaling(OptimizerSubject subject, BalanceRegime regime, string id, bool muonClaim)
    {
        ArgumentNullException.ThrowIfNull(subject);
        string quantity = muonClaim ? "median ‖Δ₁(ε/10)‖/‖Δ₁(ε)‖" : "median ‖Δ₂(ε/10)‖/‖Δ₂(ε)‖";
        double lo = muonClaim ? 0.05 : 0.005, hi = muonClaim ? 0.2 : 0.02;
        var batches = Arb.From(Cases(regime).Generator.ArrayOf(ScalingBatch));
        return new PropertySpec(
            id + Suffix(regime, muonClaim),
            $"ε → ε/10 on the same draws: the median shrink factor of {(muonClaim ? "Muon's ‖Δ₁‖" : "GD's ‖Δ₂‖")} over 7 draws lies in [{R(lo)}, {R(hi)}] ({(muonClaim ? "Θ(ε): 0.1" : "Θ(ε²): 0.01")}).",
            "arXiv 2606.30509; theory sheet B (scaling test)",
            "within a factor 2 of the theoretical ratio; the Muon and GD bands are disjoint",
            ScalingCases,
            () => Prop.ForAll(batches, cases =>
            {
                var ratios = cases.Select(c =>
                {
                    var big = Final(subject, regime, c);
                    var small = Final(subject, regime, c with { Alpha = c.Alpha / 10 });
                    return muonClaim ? small.Delta1 / big.Delta1 : small.Delta2 / big.Delta2;
                }).ToArray();
                var sorted = ratios.Select(x => double.IsNaN(x) ? double.PositiveInfinity : x).Order().ToArray();
                double median = sorted[sorted.Length / 2];
                MfCheck.Within(median, lo, hi, quantity, subject.Name, cases[0],
                    $"ratios {R(ratios)}; seeds {string.Join(", ", cases.Select(c => c.Seed))}");
            })) { Subject = subject.Name };
    }

    private sealed record End(int T, double Loss, double Delta1, double Delta2)
    {
        public string Describe() => $"t={T}, L={R(Loss)}, ‖Δ₁‖={R(Delta1)}, ‖Δ₂‖={R(Delta2)}";
    }

    private static End Final(OptimizerSubject subject, BalanceRegime regime, MfCase c)
    {
        var pr = c.Problem;
        bool muon = regime == BalanceRegime.Muon;
        int steps = muon ? (int)Math.Floor(2 * Math.Sqrt(c.S1) / c.Eta) : GdStepCap;
        double l0 = double.NaN;
        var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), pr.P0, pr.Q0, steps, it =>
        {
            if (it.T == 0) l0 = it.Loss;
            return !muon && it.Loss < 1e-20 * l0;
        });
        if (!double.IsFinite(last.Loss)) return new End(last.T, last.Loss, double.NaN, double.NaN);
        return new End(last.T, last.Loss,
            MatrixFactorizationMetrics.Delta1(last.P, last.Q).FrobeniusNorm(),
            MatrixFactorizationMetrics.Delta2(last.P, last.Q).FrobeniusNorm());
    }
}
