using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Generators.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

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
/// The Θ-constants' bands are the sheet's observed extremes over 1000 draws (here, 80 draws: Muon ‖Δ₁‖/ε ∈ [0.10, 1.33],
/// GD ‖Δ₂‖/(‖M*‖ε²) ∈ [0.37, 3.29]).
/// </remarks>
public static class BalancedSolutionSpecs
{
    /// <summary>Cases per level spec (one trajectory of ≤ 2000 Muon or ≤ 3000 GD steps each).</summary>
    public const int StandardCases = 32;

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

    /// <summary>Muon ⇒ ‖Δ₁‖_F/ε ∈ [0.026, 5.1] at the end of the run (Θ(ε), sheet band).</summary>
    public static PropertySpec MuonImbalanceOrderEps(MfSubject subject, BalanceRegime regime = BalanceRegime.Muon)
        => Level(subject, regime, "mf/B/muon-imbalance-theta-eps", muonClaim: true, 0.026, 5.1);

    /// <summary>GD ⇒ ‖Δ₂‖_F/(‖M*‖_F ε²) ∈ [0.17, 3.9] at L &lt; 1e-20·L₀ (Θ(ε²), sheet band).</summary>
    public static PropertySpec GdImbalanceOrderEps2(MfSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
        => Level(subject, regime, "mf/B/gd-imbalance-theta-eps2", muonClaim: false, 0.17, 3.9);

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
    public static PropertySpec MuonScaling(MfSubject subject, BalanceRegime regime = BalanceRegime.Muon)
        => Scaling(subject, regime, "mf/B/muon-scaling", muonClaim: true);

    /// <summary>
    /// ε → ε/10 on the same draws, GD: the median over a batch of 7 draws of ‖Δ₂(ε/10)‖/‖Δ₂(ε)‖ lies in [0.005, 0.02],
    /// within a factor 2 of the Θ(ε²) value 0.01. Per draw the aligned-mode derivation (factors 1 − η²r² ∈ (0, 1], and
    /// ln10/ln(1 + ηsᵢ) extra steps near the origin) predicts [0.01·10^{f(ηs₁)}, 0.01], f(x) = ln(1−x²)/ln(1+x); the upper end
    /// was exceeded once in 1000 draws (0.01028, n = 2, κ = 8.2, η = 0.159; sheet max 0.0098), so the per-draw form is not
    /// asserted.
    /// </summary>
    public static PropertySpec GdScaling(MfSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
        => Scaling(subject, regime, "mf/B/gd-scaling", muonClaim: false);

    private static string Suffix(BalanceRegime regime, bool muonClaim)
        => (regime == BalanceRegime.Muon) == muonClaim ? "" : $"[{regime}-regime]";

    private static PropertySpec Level(MfSubject subject, BalanceRegime regime, string id, bool muonClaim, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(subject);
        string quantity = muonClaim ? "‖Δ₁‖_F/ε" : "‖Δ₂‖_F/(‖M*‖_F ε²)";
        return new PropertySpec(
            id + Suffix(regime, muonClaim),
            $"From Gaussian init at scale ε, {(muonClaim ? "Muon" : "GD")} ends with {quantity} ∈ [{R(lo)}, {R(hi)}].",
            "arXiv 2606.30509 (Muon learns balanced solutions); theory sheet B",
            "band = the sheet's observed extremes over 1000 draws (a Θ-constant has no sharper derivation)",
            StandardCases,
            () => Prop.ForAll(Cases(regime), c =>
            {
                var end = Final(subject, regime, c);
                double v = muonClaim ? end.Delta1 / c.Alpha : end.Delta2 / (c.Problem.Target.FrobeniusNorm() * c.Alpha * c.Alpha);
                MfCheck.That(v >= lo && v <= hi, quantity, v, $"∈ [{R(lo)}, {R(hi)}]", subject.Name, c, end.Describe());
            })) { Subject = subject.Name };
    }

    private static PropertySpec Scaling(MfSubject subject, BalanceRegime regime, string id, bool muonClaim)
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
                MfCheck.That(median >= lo && median <= hi, quantity, median, $"∈ [{R(lo)}, {R(hi)}]", subject.Name, cases[0],
                    $"ratios {R(ratios)}; seeds {string.Join(", ", cases.Select(c => c.Seed))}");
            })) { Subject = subject.Name };
    }

    private sealed record End(int T, double Loss, double Delta1, double Delta2)
    {
        public string Describe() => $"t={T}, L={R(Loss)}, ‖Δ₁‖={R(Delta1)}, ‖Δ₂‖={R(Delta2)}";
    }

    private static End Final(MfSubject subject, BalanceRegime regime, MfCase c)
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
