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

/// <summary>
/// C — mode timing: saddle-to-saddle (GD) against equal-rate learning (Muon) (arXiv 2606.30509; theory sheet §C).
/// <c>Tᵢ = min{t : uᵢᵀ P Qᵀ vᵢ ≥ 0.9·sᵢ}</c>.
/// </summary>
/// <remarks>
/// Generator: m = n ∈ [2,6], d/n ∈ {2,4}, s₁ = 1, κ ∈ logU[4,30] with a <b>geometric</b> spectrum, so consecutive ratios
/// are κ^{1/(n−1)} ≥ 4^{1/5} = 1.32 ≥ 1.3 by construction; Gaussian init α ∈ logU[1e-6,1e-3]; η per regime:
/// GD logU[0.05,0.3]/s₁ (≤ 20000 steps), Muon √s₁·logU[3e-3,3e-2] (≤ 2√s₁/η steps).
/// </remarks>
public static class ModeTimingSpecs
{
    /// <summary>Cases of the GD spec.</summary>
    public const int StandardCases = 40;

    /// <summary>GD step cap (the slowest mode needs ≈ 9000 steps at the generator's extremes).</summary>
    public const int GdStepCap = 20000;

    /// <summary>The C generator for <paramref name="regime"/>.</summary>
    public static Arbitrary<MfCase> Cases(BalanceRegime regime)
    {
        var gen =
            from n in Gen.Choose(2, 6)
            from ratio in Gen.Elements(2, 4)
            from kappa in LogUniform(4, 30)
            from alpha in LogUniform(1e-6, 1e-3)
            from eta in regime == BalanceRegime.Muon ? LogUniform(3e-3, 3e-2) : LogUniform(0.05, 0.3)
            from seed in Seed()
            select new MfCase(n, n, ratio * n, n, 1, kappa, SpectrumShape.Geometric, MfInit.Gaussian, alpha, 0, 0, eta, false, seed);
        return Arbitrary(gen, _ => true, shrink: false);
    }

    /// <summary>
    /// GD learns large modes first: strictly T₁ &lt; T₂ &lt; … &lt; T_n, and each Tᵢ is within 21% of
    /// <c>ln(9sᵢ/cᵢ)/(2 ln(1 + ηsᵢ))</c>, <c>cᵢ = ¼‖uᵢᵀP₀ + vᵢᵀQ₀‖²</c> (the symmetric part of mode i grows by (1 + ηsᵢ)
    /// per step from cᵢ until uᵢᵀPQᵀvᵢ ≈ 0.9sᵢ). 21% is the sheet's tolerance (the linearized growth ignores the
    /// antisymmetric part and the sigmoid's shoulder).
    /// </summary>
    public static PropertySpec GdLargeFirst(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/C/gd-large-first" + (regime == BalanceRegime.GradientDescent ? "" : $"[{regime}-regime]"),
            "GD: T₁ < T₂ < … < T_n (saddle-to-saddle) and Tᵢ within 21% of ln(9sᵢ/cᵢ)/(2 ln(1+ηsᵢ)).",
            "arXiv 2606.30509 (GD's saddle-to-saddle dynamics); theory sheet C",
            "relative 0.21 (sheet): linearized growth from the init's mode overlap cᵢ",
            StandardCases,
            () => Prop.ForAll(Cases(regime), c =>
            {
                var times = Times(subject, regime, c);
                var pr = c.Problem;
                var p0 = pr.P0;
                var q0 = pr.Q0;
                for (int i = 0; i + 1 < times.Length; i++)
                    MfCheck.That(times[i] < times[i + 1], $"T_{i + 1} − T_{i + 2} (large modes strictly first)", times[i] - times[i + 1], BoundRelation.Below, 0, subject.Name, c, Show(times));
                for (int i = 0; i < times.Length; i++)
                {
                    var overlap = pr.U.Column(i) * p0 + pr.V.Column(i) * q0;
                    double ci = 0.25 * overlap.DotProduct(overlap);
                    double predicted = Math.Log(9 * pr.S[i] / ci) / (2 * Math.Log(1 + c.Eta * pr.S[i]));
                    double rel = Math.Abs(times[i] - predicted) / predicted;
                    MfCheck.AtMost(rel, 0.21, $"|T_{i + 1} − pred|/pred", subject.Name, c, $"pred={R(predicted)}; {Show(times)}");
                }
            })) { Subject = subject.Name };
    }

    /// <summary>Batches of the Muon timing spec per standard run (one FsCheck case each; deep runs use ten).</summary>
    public const int MuonTimingCases = 1;

    /// <summary>Draws per batch of the Muon timing spec (≤ 2√s₁/η Muon steps each, ≈ 2–3 ms a draw).</summary>
    public const int MuonDrawsPerBatch = 800;

    /// <summary>The sheet's constant c of |Tᵢ − √(0.9sᵢ)/η| ≤ c·√s₁/η (its observed maximum over 1000 draws).</summary>
    public const double MuonTimingConstant = 0.066;

    /// <summary>The claimed rate of draws satisfying the Muon timing claim (99% Clopper–Pearson lower bound).</summary>
    public const double MuonClaimedRate = 0.98;

    /// <summary>
    /// Muon learns all modes at the same rate, small ones first: in at least 98% of draws, T_n ≤ … ≤ T₁ and
    /// <c>|Tᵢ − √(0.9sᵢ)/η| ≤ 0.066·√s₁/η</c> for every mode (both factors of mode i grow by η per step, so
    /// uᵢᵀPQᵀvᵢ ≈ η²t²). The 99% Clopper–Pearson lower bound of the rate over a batch of
    /// <see cref="MuonDrawsPerBatch"/> draws must be ≥ <see cref="MuonClaimedRate"/>.
    /// <para>
    /// Why a rate: 0.066·√s₁/η is the largest deviation the sheet observed in 1000 draws, not a derived bound. The
    /// deviation is a few steps whatever η is (the alignment phase, the init offset and the integer first passage:
    /// median 1.5, max 3.0 steps measured), while 0.066·√s₁/η is only 2.2 steps at the largest η = 0.03√s₁; a deep
    /// run found 2.63 steps against 2.46 (n = 3, d = 6, κ = 9.1, η = 0.0268). Measured on 13000 random draws of this
    /// generator: 3 above the constant (rate 2.3e-4, max 0.073·√s₁/η), p99 0.051, median 0.014; no ordering violation.
    /// The ordering is part of the rate too: at η = 0.03√s₁ the predicted gap between consecutive modes can be below one
    /// step (ratio 1.3, s_n = s₁/30), less than the measured deviation, so it is not derivable per draw either. A batch
    /// of 800 fails p = 0.98 only with ≥ 8 violating draws — at a rate of 2.3e-4 (0.2 expected) the probability is
    /// &lt; 1e-10.
    /// </para>
    /// <para>The swapped control (GD trajectories: large modes first) violates the ordering in every draw.</para>
    /// </summary>
    public static PropertySpec MuonSmallFirst(OptimizerSubject subject, BalanceRegime regime = BalanceRegime.Muon)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var batches = Arb.From(Cases(regime).Generator.ArrayOf(MuonDrawsPerBatch));
        return new PropertySpec(
            "mf/C/muon-small-first" + (regime == BalanceRegime.Muon ? "" : $"[{regime}-regime]"),
            "Muon: in at least 98% of draws T_n ≤ … ≤ T₁ (small modes first) and |Tᵢ − √(0.9sᵢ)/η| ≤ 0.066·√s₁/η for every mode.",
            "arXiv 2606.30509 (Muon has no saddle-to-saddle dynamics); theory sheet C (constant 0.066 = the sheet's observed maximum)",
            "rate ≥ 0.98 at the 99% Clopper–Pearson lower bound over 800 draws (measured exceedance rate of 0.066: 3/13000 = 2.3e-4); "
            + "the deviation is a few steps, i.e. up to 0.066·√s₁/η at the largest η",
            MuonTimingCases,
            () => Prop.ForAll(batches, cases =>
            {
                MfCase? worst = null;
                TimingVerdict? largest = null;
                MfCheck.RateAtLeast("small modes first and |Tᵢ − √(0.9sᵢ)/η| ≤ 0.066·√s₁/η", cases, c =>
                {
                    var v = MuonTiming(subject, regime, c);
                    if (largest is null || !(v.Deviation <= largest.Deviation))
                        (worst, largest) = (c, v);
                    return v.Failure;
                }, MuonClaimedRate, subject.Name, () => $"largest deviation {R(largest!.Deviation)}·√s₁/η at {MfCheck.Draw(worst!)}");
            })) { Subject = subject.Name };
    }

    /// <summary>One draw of the Muon timing claim: the largest |Tᵢ − √(0.9sᵢ)/η| in units of √s₁/η, and the first violation (null: the draw satisfies the claim).</summary>
    public sealed record TimingVerdict(double[] Times, double Deviation, string? Failure);

    /// <summary>Runs <paramref name="subject"/> on <paramref name="c"/> and judges the Muon timing claim on it.</summary>
    public static TimingVerdict MuonTiming(OptimizerSubject subject, BalanceRegime regime, MfCase c)
    {
        var times = Times(subject, regime, c);
        var s = c.Problem.S;
        double unit = Math.Sqrt(c.S1) / c.Eta, deviation = 0;
        string? failure = null;
        for (int i = 0; i + 1 < times.Length && failure is null; i++)
            if (!(times[i + 1] <= times[i]))
                failure = $"T_{i + 2} − T_{i + 1} = {R(times[i + 1] - times[i])} > 0 ({Show(times)})";
        for (int i = 0; i < times.Length; i++)
        {
            double predicted = Math.Sqrt(0.9 * s[i]) / c.Eta;
            double d = Math.Abs(times[i] - predicted) / unit;
            deviation = double.IsNaN(d) || d > deviation ? d : deviation;
            if (failure is null && !(d <= MuonTimingConstant))
                failure = $"|T_{i + 1} − √(0.9s_{i + 1})/η| = {R(d * unit)} steps > {R(MuonTimingConstant * unit)} (pred={R(predicted)}; {Show(times)})";
        }
        return new TimingVerdict(times, deviation, failure);
    }

    private static string Show(double[] times) => "T = [" + string.Join(", ", times.Select(R)) + "]";

    /// <summary>Tᵢ per mode (+∞ when a mode is not learned within the regime's cap).</summary>
    public static double[] Times(OptimizerSubject subject, BalanceRegime regime, MfCase c)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(c);
        var pr = c.Problem;
        var target = TargetSvd.Of(pr.Target);
        var times = Enumerable.Repeat(double.PositiveInfinity, c.Rank).ToArray();
        int cap = regime == BalanceRegime.Muon ? (int)Math.Ceiling(2 * Math.Sqrt(c.S1) / c.Eta) : GdStepCap;
        int learned = 0;
        MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), pr.P0, pr.Q0, cap, it =>
        {
            if (!double.IsFinite(it.Loss)) return true;
            var proj = MatrixFactorizationMetrics.ModeProjections(it.P, it.Q, target);
            for (int i = 0; i < c.Rank; i++)
            {
                if (double.IsPositiveInfinity(times[i]) && proj[i] >= 0.9 * pr.S[i])
                {
                    times[i] = it.T;
                    learned++;
                }
            }
            return learned == c.Rank;
        });
        return times;
    }
}
