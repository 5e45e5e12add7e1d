using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Reference.Trajectories;
using static Muon.Verification.Harness.Formatting;

using Muon.Verification.Subjects;

namespace Muon.Verification.Reporting;

/// <summary>Canonical experiments of the simple-quadratics paper (Gonon, Muşat, Boumal).</summary>
public static partial class CanonicalExperiments
{
    /// <summary>
    /// Grid confinement: L(W) = ½‖W‖²_F, W₀ 6×4 with N(0, 1/4) entries (seed 5), exact polar with a fixed step
    /// a = 0.1 for 40 steps. Records the singular values (each follows s ← |s − a|) and the loss against its floor
    /// ½ Σ dist(sᵢ(0), aℤ)².
    /// </summary>
    public static ExperimentResult GridConfinement(double stepSizeMultiplier = 1.0)
    {
        const int steps = 40;
        double a = 0.1 * stepSizeMultiplier;
        var w0 = MatrixFunctions.Gaussian(6, 4, 0.5, new Rng(5));
        var objective = Quadratic.Centered(Matrix<double>.Build.DenseIdentity(6), 4);
        var run = Trajectory.Run(objective, MuonOptimizer.WithStepSize(a, ExactPolar.Default), Quadratic.Parameters(w0), steps);
        var t = run.Select(p => (double)p.T).ToArray();
        var series = new List<Series>();
        for (int i = 0; i < 4; i++)
            series.Add(new Series($"σ{i + 1}", t, run.Select(p => ThinSvd.Of(p.Parameters[Quadratic.W]).S[i]).ToArray()));
        series.Add(new Series("loss", t, run.Select(p => p.Loss).ToArray()));
        var s0 = ThinSvd.Of(w0).S;
        double floor = 0.5 * s0.Sum(s => Math.Pow(s - a * Math.Round(s / a), 2));
        series.Add(new Series("loss floor", [0, steps], [floor, floor]));
        return new ExperimentResult("quadratic-grid-confinement",
            "With a fixed step, exact-polar Muon moves each singular value by s ← |s − a|: the loss never goes below ½Σ dist(sᵢ(0), aℤ)² and ends in a 2-cycle.",
            [new("W", "6×4, N(0, 1/4) entries, seed 5"), new("loss", "½‖W‖²_F"), new("a", R(a)), new("steps", $"{steps}")],
            series);
    }

    /// <summary>
    /// Noisy sign dynamics (quadratics sheet, B3): s ← s − α(sign(s) + σξ), α = 0.1, ε = 0.02, s₀ = 10α + 1.3ε (off the
    /// grid), cap 1000 steps, 25 values of σ log-spaced in [1e-3, 10], 1000 paths each. Records the median hitting
    /// time (paths that never hit count as the cap, so the median is a lower bound where more than half are censored).
    /// </summary>
    public static ExperimentResult NoisySignHittingTimes(int paths = 1000)
    {
        const double alpha = 0.1, epsilon = 0.02, s0 = 10 * alpha + 1.3 * epsilon;
        const int cap = 1000, points = 25;
        var sigmas = Enumerable.Range(0, points).Select(k => Math.Pow(10, -3 + 4.0 * k / (points - 1))).ToArray();
        var medians = new double[points];
        for (int k = 0; k < points; k++)
        {
            var rng = new Rng(1000UL + (ulong)k);
            var times = Enumerable.Range(0, paths).Select(_ => (double)(NoisySignDynamics.HittingTime(s0, alpha, sigmas[k], epsilon, cap, rng) ?? cap)).OrderBy(x => x).ToArray();
            medians[k] = 0.5 * (times[(paths - 1) / 2] + times[paths / 2]);
        }
        return new ExperimentResult("quadratic-noisy-sign-hitting-time",
            "Without noise an off-grid start never reaches |s| ≤ ε; any noise makes it reach, fastest at a moderate σ (a sweet spot), slowly at both extremes.",
            [new("α", R(alpha)), new("ε", R(epsilon)), new("s₀", R(s0)), new("cap", $"{cap}"), new("paths per σ", $"{paths}"), new("seeds", "1000 + index of σ")],
            [new Series("median hitting time", sigmas, medians)]);
    }

    /// <summary>
    /// Spectrum shape, not only κ (quadratics sheet, B4): L = ½⟨W − W*, A(W − W*)⟩ at n = 16 with κ = 1e4 (λ ∈ [1e-3, 10],
    /// endpoints forced) for each of the eight spectrum families, 5 inits per family, 500 steps, best step size per init
    /// (GD {0.1}; Muon and the plain-normalization control G/‖G‖_F {5e-3, 1e-2}). Records each optimizer's score, the
    /// median of log10(L_T/L₀), per family.
    /// </summary>
    public static ExperimentResult SpectrumFamilyScores(double stepSizeMultiplier = 1.0)
    {
        var families = Enum.GetValues<Specs.Quadratics.SpectrumFamily>();
        double k = stepSizeMultiplier;
        var optimizers = new (OptimizerSubject, double[])[]
        {
            (OptimizerSubject.GradientDescent, [0.1 * k]),
            (OptimizerSubject.Muon(), [5e-3 * k, 1e-2 * k]),
            (OptimizerSubject.Muon(NegativeControls.BrokenOrthogonalizers.FrobeniusNormalized), [5e-3 * k, 1e-2 * k]),
        };
        var scores = Specs.Quadratics.SpectrumShapeRun.Scores(optimizers, families, 16, 5, 500, 2026);
        var x = Enumerable.Range(0, families.Length).Select(i => (double)i).ToArray();
        return new ExperimentResult("quadratic-spectrum-families",
            "Muon's score (median log10(L_T/L₀)) varies little across spectrum families of the same κ; GD's varies by orders of magnitude; plain normalization G/‖G‖_F sits in between.",
            [new("n", "16"), new("κ", "1e4 (λ ∈ [1e-3, 10])"), new("families", string.Join(", ", families)), new("inits per family", "5"), new("steps", "500"),
             new("step sizes", $"GD {{{R(0.1 * k)}}}, Muon and G/‖G‖_F {{{R(5e-3 * k)}, {R(1e-2 * k)}}}, best per init"), new("seed", "2026")],
            [new Series("gd", x, scores[0]), new Series("muon", x, scores[1]), new Series("G/‖G‖_F (control)", x, scores[2])]);
    }
}
