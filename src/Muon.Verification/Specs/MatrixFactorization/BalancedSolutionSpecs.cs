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
    /// <summary>Cases per spec (one or two trajectories of ≤ 2000 Muon or ≤ 3000 GD steps each).</summary>
    public const int StandardCases = 16;

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

    /// <summary>
    /// Same draw with ε → ε/10, Muon: ‖Δ₁(ε/10)‖/‖Δ₁(ε)‖ ∈ [0.013, 1]. Lower end: the sheet's minimum (theory 0.1); it
    /// separates Θ(ε) from GD's Θ(ε²) ratio ≤ 0.01. Upper end: a vanishing init gives a vanishing imbalance. Note: the sheet's
    /// upper observation 0.16 is exceeded here (0.285 at n = 2, d = 4, κ = 4.0, η = 1.25e-3, ε = 1.26e-3, where the Θ-constant
    /// ‖Δ₁‖/ε = 0.11 is small): the per-draw ratio of two Θ(ε) quantities is not pinned to 0.1.
    /// </summary>
    public static PropertySpec MuonScaling(MfSubject subject, BalanceRegime regime = BalanceRegime.Muon)
        => Scaling(subject, regime, "mf/B/muon-scaling", muonClaim: true);

    /// <summary>
    /// Same draw with ε → ε/10, GD: ‖Δ₂(ε/10)‖/‖Δ₂(ε)‖ ∈ [0.01·10^{f(ηs₁)}, 0.01], f(x) = ln(1−x²)/ln(1+x).
    /// Derivation (aligned modes): p'² − q'² = (p² − q²)(1 − η²r²), each factor in (0, 1]; Δ₂(0) scales exactly as ε², and the
    /// smaller init spends ln 10/ln(1 + ηsᵢ) extra steps near the origin where r ≈ −sᵢ, shrinking the imbalance by
    /// (1 − η²sᵢ²) per step, i.e. by 10^{f(ηsᵢ)} ≥ 10^{f(ηs₁)} in total, and never growing it. Sheet: [0.006, 0.0098]; here
    /// ratio·10^{−f} ≥ 1.01·0.01 and ratio ≤ 0.00995 over 80 draws.
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
        string quantity = muonClaim ? "‖Δ₁(ε/10)‖/‖Δ₁(ε)‖" : "‖Δ₂(ε/10)‖/‖Δ₂(ε)‖";
        return new PropertySpec(
            id + Suffix(regime, muonClaim),
            muonClaim ? "ε → ε/10 shrinks Muon's final ‖Δ₁‖ by a factor in [0.013, 1] (Θ(ε): ≈ 0.1)."
                      : "ε → ε/10 shrinks GD's final ‖Δ₂‖ by a factor in [0.01·10^{f(ηs₁)}, 0.01] (Θ(ε²)).",
            "arXiv 2606.30509; theory sheet B (scaling test)",
            muonClaim ? "[0.013, 1]: sheet minimum; vanishing init ⇒ vanishing imbalance"
                      : "derived from the per-mode factor (1 − η²r²) ∈ (0, 1] and the extra ln10/ln(1+ηs) steps near the origin",
            StandardCases,
            () => Prop.ForAll(Cases(regime), c =>
            {
                var big = Final(subject, regime, c);
                var small = Final(subject, regime, c with { Alpha = c.Alpha / 10 });
                double ratio = muonClaim ? small.Delta1 / big.Delta1 : small.Delta2 / big.Delta2;
                double x = c.Eta * c.S1;
                double lo = muonClaim ? 0.013 : 0.01 * Math.Pow(10, Math.Log(1 - x * x) / Math.Log(1 + x));
                double hi = muonClaim ? 1 : 0.01;
                MfCheck.That(ratio >= lo && ratio <= hi, quantity, ratio, $"∈ [{R(lo)}, {R(hi)}]", subject.Name, c,
                    $"ε: {big.Describe()}; ε/10: {small.Describe()}");
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
