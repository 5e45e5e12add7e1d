using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;

namespace Muon.Verification.Reporting;

public static partial class CanonicalExperiments
{
    /// <summary>
    /// Loss against the step size around GD's sharpness threshold (sheet, D2): m = n = 8, d = 16, Haar target with
    /// σ = 0.1^(i/7) (s₁ = 1), Gaussian init α = 1e-3, η = c/s₁ for c ∈ [0.1, 3], 3000 steps. Records GD's final L/L₀
    /// (capped at 1e10 when it diverges) and Muon's late loss (mean of the last 100 steps) against B(η)/L₀,
    /// B(η) = ½Σ(2η√sᵢ + η²)².
    /// </summary>
    public static ExperimentResult SharpnessThreshold(double stepSizeMultiplier = 1.0)
    {
        const int n = 8, d = 16, steps = 3000, points = 24;
        var rng = new Rng(53);
        var s = Enumerable.Range(0, n).Select(i => Math.Pow(0.1, i / (double)(n - 1))).ToArray();
        var target = MatrixFunctions.FromFactors(Orthonormal.Haar(n, n, rng), s, Orthonormal.Haar(n, n, rng));
        var objective = new MatrixFactorization(target, d);
        var initial = MatrixFactorization.Parameters(Initialization.Gaussian(n, d, 1e-3, d, rng), Initialization.Gaussian(n, d, 1e-3, d, rng));
        double l0 = objective.Loss(initial);
        var cs = Enumerable.Range(0, points).Select(k => 0.1 * Math.Pow(30, k / (double)(points - 1))).ToArray();
        var gd = new double[points];
        var muon = new double[points];
        var bound = new double[points];
        for (int k = 0; k < points; k++)
        {
            double eta = cs[k] / s[0] * stepSizeMultiplier;
            var g = Trajectory.Run(objective, GradientDescent.WithStepSize(eta), initial, steps, (_, p) => objective.Loss(p) > 1e10 * l0);
            double last = g[^1].Loss;
            gd[k] = double.IsFinite(last) ? Math.Min(last / l0, 1e10) : 1e10;
            var m = Trajectory.Run(objective, MuonOptimizer.WithStepSize(eta), initial, steps);
            muon[k] = m.Skip(m.Count - 100).Average(p => p.Loss) / l0;
            bound[k] = 0.5 * s.Sum(si => Math.Pow(2 * eta * Math.Sqrt(si) + eta * eta, 2)) / l0;
        }
        return new ExperimentResult("mf-sharpness-threshold",
            "GD converges below its threshold η = 1/s₁ (= 2/λ_max at the balanced optimum), stalls above it and diverges well above it; Muon at the same η never diverges and its late loss stays at the scale of B(η).",
            [new("m = n", $"{n}"), new("d", $"{d}"), new("target", "Haar U, V (seed 53), σ = 0.1^(i/7)"), new("init", "Gaussian α = 1e-3"),
             new("η", "c/s₁, c log-spaced in [0.1, 3]"), new("steps", $"{steps}")],
            [new Series("gd final L/L₀", cs, gd), new Series("muon late L/L₀", cs, muon), new Series("B(η)/L₀", cs, bound)]);
    }
}
