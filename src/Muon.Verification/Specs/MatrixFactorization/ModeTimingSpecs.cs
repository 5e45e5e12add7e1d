using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Generators.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

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
    /// <summary>Cases per spec.</summary>
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
    public static PropertySpec GdLargeFirst(MfSubject subject, BalanceRegime regime = BalanceRegime.GradientDescent)
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
                    MfCheck.That(times[i] < times[i + 1], $"T_{i + 1} − T_{i + 2}", times[i] - times[i + 1], "< 0 (large modes strictly first)", subject.Name, c, Show(times));
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

    /// <summary>
    /// Muon learns all modes at the same rate, small ones first: T_n ≤ … ≤ T₁ and <c>|Tᵢ − √(0.9sᵢ)/η| ≤ 0.066·√s₁/η</c>
    /// (both factors of mode i grow by η per step, so uᵢᵀPQᵀvᵢ ≈ η²t²). 0.066√s₁/η is the sheet's tolerance: the
    /// alignment phase and the init offset shift Tᵢ by a few steps, i.e. a fraction of √s₁/η.
    /// </summary>
    public static PropertySpec MuonSmallFirst(MfSubject subject, BalanceRegime regime = BalanceRegime.Muon)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/C/muon-small-first" + (regime == BalanceRegime.Muon ? "" : $"[{regime}-regime]"),
            "Muon: T_n ≤ … ≤ T₁ (small modes first) and |Tᵢ − √(0.9sᵢ)/η| ≤ 0.066·√s₁/η.",
            "arXiv 2606.30509 (Muon has no saddle-to-saddle dynamics); theory sheet C",
            "0.066·√s₁/η (sheet): alignment phase and init offset",
            StandardCases,
            () => Prop.ForAll(Cases(regime), c =>
            {
                var times = Times(subject, regime, c);
                var s = c.Problem.S;
                for (int i = 0; i + 1 < times.Length; i++)
                    MfCheck.That(times[i + 1] <= times[i], $"T_{i + 2} − T_{i + 1}", times[i + 1] - times[i], "≤ 0 (small modes first)", subject.Name, c, Show(times));
                double bound = 0.066 * Math.Sqrt(c.S1) / c.Eta;
                for (int i = 0; i < times.Length; i++)
                {
                    double predicted = Math.Sqrt(0.9 * s[i]) / c.Eta;
                    MfCheck.AtMost(Math.Abs(times[i] - predicted), bound, $"|T_{i + 1} − √(0.9s_{i + 1})/η|", subject.Name, c, $"pred={R(predicted)}; {Show(times)}");
                }
            })) { Subject = subject.Name };
    }

    private static string Show(double[] times) => "T = [" + string.Join(", ", times.Select(R)) + "]";

    /// <summary>Tᵢ per mode (+∞ when a mode is not learned within the regime's cap).</summary>
    private static double[] Times(MfSubject subject, BalanceRegime regime, MfCase c)
    {
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
