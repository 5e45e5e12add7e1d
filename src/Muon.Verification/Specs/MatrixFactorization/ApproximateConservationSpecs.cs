using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>The two A2 regimes: which draws, and which window [a, b] the drifts rd(X; a, b) are measured over.</summary>
public enum ConservationRegime
{
    /// <summary>
    /// Muon's small-step regime: m = n ∈ [3,8], d/n ∈ {1,2,4} (orientation-matched at d = n), s₁ = 1, κ ∈ logU[2,10],
    /// Gaussian init α ∈ logU[1e-4,3e-4], η ∈ logU[1e-3,3e-3]; window from t* (first step with max(μ_out, μ_co) ≤ 0.01)
    /// to T_g = ⌊0.9√s_n/η⌋. Draws without such a t* (≈ 3%, sheet) are discarded.
    /// </summary>
    MuonSmallStep,

    /// <summary>GD's regime: same problems, η ∈ logU[0.01,0.2]/s₁; window from 0 until L &lt; 1e-6·L₀ (at most 30000 steps).</summary>
    GdConvergent,
}

/// <summary>
/// A2 — approximate conservation from small random init, and the discriminating ratio
/// <c>R = rd(Δ₂)/rd(Δ₁)</c> (arXiv 2606.30509; theory sheet §A2). Muon approximately conserves Δ₁ (rd median 0.011) but
/// not Δ₂ (median 2.5); GD conserves Δ₂ (rd ≤ 12.9·η·s₁) but not Δ₁ (rd ≥ 0.999). Sheet: Muon R ≥ 18.8, GD R ≤ 0.84 in
/// every draw; the specs assert the separated thresholds R ≥ 5 and R ≤ 1, which leave a factor ≥ 3.7 and 1.2 of margin.
/// </summary>
public static class ApproximateConservationSpecs
{
    /// <summary>Cases per spec (≤ 900 Muon steps or ≤ 30000 cheap GD steps each).</summary>
    public const int StandardCases = 40;

    /// <summary>Step cap of the GD regime.</summary>
    public const int GdStepCap = 30000;

    /// <summary>The problems of either regime (η per regime).</summary>
    public static Arbitrary<MfCase> Cases(ConservationRegime regime)
    {
        var gen =
            from n in Gen.Choose(3, 8)
            from ratio in Gen.Elements(1, 2, 4)
            from kappa in LogUniform(2, 10)
            from alpha in LogUniform(1e-4, 3e-4)
            from eta in regime == ConservationRegime.MuonSmallStep ? LogUniform(1e-3, 3e-3) : LogUniform(0.01, 0.2)
            from seed in Seed()
            select new MfCase(n, n, ratio * n, n, 1, kappa, SpectrumShape.LogUniform, MfInit.Gaussian, alpha, 0, 0, eta, true, seed);
        return Arbitrary(gen, _ => true, shrink: false);
    }

    /// <summary>Muon ⇒ R = rd(Δ₂)/rd(Δ₁) ≥ 5 over the regime's window (sheet: min 18.8 over 1000 draws; 46 over 58 here).</summary>
    public static PropertySpec MuonRatio(OptimizerSubject subject, ConservationRegime regime = ConservationRegime.MuonSmallStep)
        => Ratio(subject, regime, "mf/A2/muon-ratio", "R = rd(Δ₂)/rd(Δ₁) ≥ 5 under Muon: Δ₁ is the conserved quantity, not Δ₂.", atLeast: 5);

    /// <summary>GD ⇒ R ≤ 1 over the regime's window (sheet: max 0.84; 0.67 over 60 here).</summary>
    public static PropertySpec GdRatio(OptimizerSubject subject, ConservationRegime regime = ConservationRegime.GdConvergent)
        => Ratio(subject, regime, "mf/A2/gd-ratio", "R = rd(Δ₂)/rd(Δ₁) ≤ 1 under GD: Δ₂ is the conserved quantity, not Δ₁.", atMost: 1);

    /// <summary>Batches of the GD drift spec per standard run (one FsCheck case each; deep runs use ten).</summary>
    public const int DriftCases = 1;

    /// <summary>Draws per batch of the GD drift spec (≤ 30000 GD steps each, ≈ 7–15 ms a draw).</summary>
    public const int DriftDrawsPerBatch = 200;

    /// <summary>The sheet's constant c of rd(Δ₂) ≤ c·η·s₁ (its observed maximum over 1000 draws).</summary>
    public const double DriftConstant = 12.9;

    /// <summary>The claimed rate of draws satisfying the GD drift claim (99% Clopper–Pearson lower bound).</summary>
    public const double DriftClaimedRate = 0.95;

    /// <summary>
    /// GD conserves Δ₂ to first order in η and does not conserve Δ₁: in at least 95% of draws rd(Δ₂; 0, end) ≤
    /// 12.9·η·s₁ and rd(Δ₁) ≥ 0.999 (Δ₁ starts at O(α) and ends near the balanced, nearly zero, difference of square
    /// roots). The 99% Clopper–Pearson lower bound of the rate over a batch of <see cref="DriftDrawsPerBatch"/> draws
    /// (draws without a window are not counted) must be ≥ <see cref="DriftClaimedRate"/>.
    /// <para>
    /// Why a rate: 12.9 and 0.999 are the sheet's observed extremes over 1000 draws, not derived bounds, and a
    /// random-seed deep run found rd(Δ₂) = 16.6·η·s₁ (n = d = 3, η = 0.0226) after 59 draws. Measured on 13000 random
    /// draws of this generator: 1 above 12.9 (rd(Δ₂) = 26.8·η·s₁ at m = n = d = 3, η = 0.038; rate 7.7e-5), p99 7.4,
    /// median 4.3; rd(Δ₁) ≥ 0.9992 in every draw (its distance to 1 is O(α/√s_r), so 0.999 has little slack at
    /// α = 3e-4 and is rated with the drift). The heavy tail has no per-draw bound: GD changes Δ₂ by
    /// η²(QᵀRᵀRQ − PᵀRRᵀP) per step, which is second order only while the factors stay balanced and aligned (exactly
    /// (1 − η²rᵢ²) per mode in the aligned case); misaligned transients are not controlled. A batch of 200 fails
    /// p = 0.95 only with ≥ 4 violating draws — at a rate of 1e-4 (0.02 expected) the probability is &lt; 1e-7. The
    /// batch size keeps a standard run near 2 s (a GD run is up to 30000 steps).
    /// </para>
    /// <para>The swapped control (Muon's small-step regime: rd(Δ₂) ≈ 2.8 against 12.9·η ≈ 0.03) violates it in every draw.</para>
    /// </summary>
    public static PropertySpec GdDelta2Drift(OptimizerSubject subject, ConservationRegime regime = ConservationRegime.GdConvergent)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var batches = FsCheck.Fluent.Arb.From(Cases(regime).Generator.ArrayOf(DriftDrawsPerBatch));
        return new PropertySpec(
            "mf/A2/gd-delta2-drift" + (regime == ConservationRegime.GdConvergent ? "" : $"[{regime}]"),
            "GD from small random init until L < 1e-6·L₀: rd(Δ₂) ≤ 12.9·η·s₁ and rd(Δ₁) ≥ 0.999 in at least 95% of draws.",
            "gradient flow conserves Δ₂ (discretization error O(η)); theory sheet A2 (12.9 and 0.999 = the sheet's observed extremes)",
            "rate ≥ 0.95 at the 99% Clopper–Pearson lower bound over 200 draws (measured exceedance rate of 12.9: 1/13000; "
            + "rd(Δ₁) ≥ 0.9992 in all 13000)",
            DriftCases,
            () => Prop.ForAll(batches, cases =>
            {
                MfCase? worst = null;
                Drifts? largest = null;
                MfCheck.RateAtLeast("rd(Δ₂) ≤ 12.9·η·s₁ and rd(Δ₁) ≥ 0.999", cases, c =>
                {
                    var w = Window(subject, regime, c);
                    if (!w.Found) return MfCheck.Discarded;
                    double drift = w.Rd2 / (c.Eta * c.S1);
                    if (largest is null || !(drift <= largest.Rd2 / (worst!.Eta * worst.S1)))
                        (worst, largest) = (c, w);
                    if (!(drift <= DriftConstant)) return $"rd(Δ₂) = {R(drift)}·η·s₁ > {R(DriftConstant)}·η·s₁ ({w.Describe()})";
                    if (!(w.Rd1 >= 0.999)) return $"rd(Δ₁) = {R(w.Rd1)} < 0.999 ({w.Describe()})";
                    return null;
                }, DriftClaimedRate, subject.Name,
                    () => largest is null ? "no window" : $"largest rd(Δ₂) = {R(largest.Rd2 / (worst!.Eta * worst.S1))}·η·s₁ at {MfCheck.Draw(worst)}");
            })) { Subject = subject.Name };
    }

    private static PropertySpec Ratio(OptimizerSubject subject, ConservationRegime regime, string id, string claim, double atLeast = double.NaN, double atMost = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(subject);
        bool own = (id.Contains("muon", StringComparison.Ordinal)) == (regime == ConservationRegime.MuonSmallStep);
        return new PropertySpec(
            id + (own ? "" : $"[{regime}]"),
            claim,
            "arXiv 2606.30509 (Muon flow conserves Δ₁, gradient flow Δ₂); theory sheet A2 (discriminating test)",
            "thresholds 5 and 1 sit between the sheet's extremes (Muon ≥ 18.8, GD ≤ 0.84)",
            StandardCases,
            () => Prop.ForAll(Cases(regime), c =>
            {
                var w = Window(subject, regime, c);
                return Prop.When(w.Found, () =>
                {
                    double r = w.Rd2 / w.Rd1;
                    if (!double.IsNaN(atLeast)) MfCheck.AtLeast(r, atLeast, "R = rd(Δ₂)/rd(Δ₁)", subject.Name, c, w.Describe());
                    if (!double.IsNaN(atMost)) MfCheck.AtMost(r, atMost, "R = rd(Δ₂)/rd(Δ₁)", subject.Name, c, w.Describe());
                });
            })) { Subject = subject.Name };
    }

    /// <summary>The drifts of one draw over its regime's window [From, To] (Found: the window exists).</summary>
    public sealed record Drifts(bool Found, int From, int To, double Rd1, double Rd2, ConservationRegime Regime)
    {
        /// <summary>The window and the drifts.</summary>
        public string Describe() => $"window [{From}, {To}] ({Regime}), rd(Δ₁)={R(Rd1)}, rd(Δ₂)={R(Rd2)}, R={R(Rd2 / Rd1)}";
    }

    /// <summary>Runs <paramref name="subject"/> on <paramref name="c"/> and measures rd(Δ₁), rd(Δ₂) over the window of <paramref name="regime"/>.</summary>
    public static Drifts Window(OptimizerSubject subject, ConservationRegime regime, MfCase c)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(c);
        var pr = c.Problem;
        var target = TargetSvd.Of(pr.Target);
        bool muonWindow = regime == ConservationRegime.MuonSmallStep;
        int end = muonWindow ? (int)Math.Floor(0.9 * Math.Sqrt(pr.S[^1]) / c.Eta) : GdStepCap;
        int from = muonWindow ? -1 : 0;
        double l0 = double.NaN;
        Matrix<double>? d1 = null, d2 = null;
        var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), pr.P0, pr.Q0, end, it =>
        {
            if (it.T == 0) l0 = it.Loss;
            if (from < 0 && Math.Max(MatrixFactorizationMetrics.MuOut(it.P, it.Q, target), MatrixFactorizationMetrics.MuCo(it.P, it.Q, target)) <= 0.01)
                from = it.T;
            if (it.T == from && d1 is null)
            {
                d1 = MatrixFactorizationMetrics.Delta1(it.P, it.Q);
                d2 = MatrixFactorizationMetrics.Delta2(it.P, it.Q);
            }
            return !muonWindow && it.Loss < 1e-6 * l0;
        });
        if (d1 is null || d2 is null || last.T <= from)
            return new Drifts(false, from, last.T, double.NaN, double.NaN, regime);
        return new Drifts(true, from, last.T,
            MatrixFactorizationMetrics.RelativeDrift(d1, MatrixFactorizationMetrics.Delta1(last.P, last.Q)),
            MatrixFactorizationMetrics.RelativeDrift(d2, MatrixFactorizationMetrics.Delta2(last.P, last.Q)), regime);
    }
}
