using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// D2 — stability above the sharpness threshold (arXiv 2606.30509; theory sheet §D2). With <c>η = c/s₁</c>: GD converges
/// for c ∈ [0.1, 0.95] (L &lt; 1e-20·L₀), does not converge for c ∈ [1.05, 1.5], diverges for c ∈ [2, 3]
/// (L &gt; 1e10·L₀ or non-finite within 3000 steps). Muon at the same η never diverges: with
/// <c>B(η) = ½ Σᵢ (2η√sᵢ + η²)²</c> its late loss is ≤ 1.5·B for c ≤ 1 and ≤ 2.5·B for c ≤ 3.
/// </summary>
/// <remarks>
/// Generator: m = n ∈ [2,6], d ∈ {n, 2n} (orientation-matched when d = n), <b>s₁ = 1</b>, κ ∈ logU[1.5,10] (log-uniform
/// interior), Gaussian init α ∈ logU[1e-3, 0.1], c drawn in one of the three bands with equal odds.
/// s₁ is fixed at 1 because "the same η" ties Muon's step (units of √s) to GD's threshold (units of 1/s): for
/// s₁ = 0.16 the ratio η/√s₁ = c·s₁^(−3/2) reaches 16 and late/B was measured at 2.8 (c = 2.5), above 2.5 — the
/// B-bound is a statement about η ≲ 3√s₁, not about every unit system.
/// </remarks>
public static class StabilitySpecs
{
    /// <summary>Cases per spec (up to 3000 steps each).</summary>
    public const int StandardCases = 48;

    /// <summary>Steps per run.</summary>
    public const int Steps = 3000;

    /// <summary>The D2 generator; the band's c is <c>Eta·S1</c>.</summary>
    public static Arbitrary<MfCase> ThresholdCases()
    {
        var gen =
            from n in Gen.Choose(2, 6)
            from wide in Gen.Elements(false, true)
            from kappa in LogUniform(1.5, 10)
            from alpha in LogUniform(1e-3, 0.1)
            from band in Gen.Choose(0, 2)
            from c in band switch { 0 => Uniform(0.1, 0.95), 1 => Uniform(1.05, 1.5), _ => Uniform(2, 3) }
            from seed in Seed()
            select new MfCase(n, n, wide ? 2 * n : n, n, 1, kappa, SpectrumShape.LogUniform, MfInit.Gaussian, alpha, 0, 0, c, true, seed);
        return Arbitrary(gen, c => c.M == c.N && (c.D == c.N || c.D == 2 * c.N), shrink: false);
    }

    /// <summary>
    /// GD at η = c/s₁: converges below the threshold 1/s₁ = 2/λ_max(balanced optimum), does not converge just above it,
    /// diverges well above it. No tolerance: the three outcomes are separated by 30 orders of magnitude of loss.
    /// </summary>
    public static PropertySpec GdThreshold(OptimizerSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/D2/gd-threshold",
            "GD with η = c/s₁ converges for c ∈ [0.1,0.95], does not converge for c ∈ [1.05,1.5], diverges for c ∈ [2,3] (3000 steps).",
            "arXiv 2606.30509 (GD needs η < 2/λ_max = 1/s₁); theory sheet D2",
            "outcomes: L < 1e-20·L₀ / never below 1e-20·L₀ / L > 1e10·L₀ or non-finite",
            StandardCases,
            () => Prop.ForAll(ThresholdCases(), c =>
            {
                double ratio = c.Eta * c.S1;
                double l0 = double.NaN, min = double.PositiveInfinity, max = 0;
                var pr = c.Problem;
                var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), pr.P0, pr.Q0, Steps, it =>
                {
                    if (it.T == 0) l0 = it.Loss;
                    min = Math.Min(min, it.Loss);
                    max = Math.Max(max, it.Loss);
                    return it.Loss < 1e-20 * l0 || !(it.Loss <= 1e10 * l0);
                });
                string detail = $"c={R(ratio)}, min L/L₀={R(min / l0)}, max L/L₀={R(max / l0)}, stopped at t={last.T}";
                if (ratio < 1)
                    MfCheck.AtMost(min / l0, 1e-20, "min_t L/L₀ (c < 1: must converge)", subject.Name, c, detail);
                else if (ratio <= 1.5)
                    MfCheck.AtLeast(min / l0, 1e-20, "min_t L/L₀ (1 < c ≤ 1.5: must not converge)", subject.Name, c, detail);
                else
                    MfCheck.That(!(max <= 1e10 * l0), "max_t L/L₀ (c ≥ 2: must diverge, or go non-finite)", max / l0, BoundRelation.Above, 1e10, subject.Name, c, detail);
            })) { Subject = subject.Name };
    }

    /// <summary>
    /// Muon at the same η = c/s₁ never diverges and its late loss (max over the last 1000 of 3000 steps) stays within
    /// 1.5·B(η) for c ≤ 1 and 2.5·B(η) for c ≤ 3, B(η) = ½ Σᵢ (2η√sᵢ + η²)² — the loss of every mode sitting one step η
    /// off its target in both factors. The factors 1.5 and 2.5 are the sheet's (observed 1.14 and 1.99 over 1000 draws;
    /// here, on 600 draws of this generator, 0.78 and 1.29).
    /// </summary>
    public static PropertySpec MuonBoundedAboveThreshold(OptimizerSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/D2/muon-bounded-above-threshold",
            "Muon with η = c/s₁ (c ∈ [0.1, 3]) never diverges: late loss ≤ 1.5·B(η) for c ≤ 1, ≤ 2.5·B(η) for c ≤ 3.",
            "arXiv 2606.30509 (Muon is stable above the sharpness threshold); theory sheet D2",
            "B(η) = ½Σ(2η√sᵢ + η²)²; factors 1.5 / 2.5 from the sheet (observed 1.14 / 1.99)",
            StandardCases,
            () => Prop.ForAll(ThresholdCases(), c =>
            {
                double ratio = c.Eta * c.S1;
                var pr = c.Problem;
                double b = 0.5 * pr.S.Sum(s => Math.Pow(2 * c.Eta * Math.Sqrt(s) + c.Eta * c.Eta, 2));
                double late = 0;
                var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), pr.P0, pr.Q0, Steps, it =>
                {
                    if (it.T >= Steps - 1000 || !double.IsFinite(it.Loss)) late = Math.Max(late, it.Loss);
                    return false;
                });
                double factor = ratio <= 1 ? 1.5 : 2.5;
                MfCheck.AtMost(late / b, factor, "max_{t ≥ 2000} L_t / B(η)", subject.Name, c,
                    $"c={R(ratio)}, B={R(b)}, late loss {R(late)}, ran to t={last.T}");
            })) { Subject = subject.Name };
    }
}
