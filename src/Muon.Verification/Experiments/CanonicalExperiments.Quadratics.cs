using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Reference.Trajectories;
using static Muon.Verification.Generators.Formatting;

namespace Muon.Verification.Experiments;

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
}
