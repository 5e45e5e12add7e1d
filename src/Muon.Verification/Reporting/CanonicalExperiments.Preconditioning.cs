using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Reporting;

public static partial class CanonicalExperiments
{
    /// <summary>
    /// Iterations against κ for symmetric matrix factorization (preconditioning sheet, C1 — an adopted
    /// reconstruction): M* = V diag(λ) Vᵀ ∈ R^{10×10} of rank r = 4, λ = geomspace(1, 1/κ, r), U ∈ R^{10×4} (width = rank), U₀ = 1e-3·N(0, 1/d);
    /// simplified Muon (exact polar, η_t = 0.2·0.9ᵗ) against GD with the best constant step of {0.25, 0.5, 1, 1.5}/λ₁.
    /// Records the iterations to ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F (cap 200 000).
    /// </summary>
    public static ExperimentResult IterationsVersusKappa()
    {
        const int n = 10, r = 4, cap = 200_000;
        double[] kappas = [10, 30, 100, 300, 1000];
        var muon = new double[kappas.Length];
        var gd = new double[kappas.Length];
        for (int k = 0; k < kappas.Length; k++)
        {
            var rng = new Rng(61);
            var v = Orthonormal.Haar(n, r, rng);
            var lambda = Enumerable.Range(0, r).Select(i => Math.Pow(kappas[k], -i / (double)(r - 1))).ToArray();
            var target = MatrixFunctions.FromFactors(v, lambda, v);
            var objective = new SymmetricMatrixFactorization(target, r);
            var initial = SymmetricMatrixFactorization.Parameters(MatrixFunctions.Gaussian(n, r, 1e-3 / Math.Sqrt(n), rng));
            double goal = 1e-6 * target.FrobeniusNorm();
            bool Done(int _, ParameterSet p) => objective.Residual(p).FrobeniusNorm() <= goal;
            muon[k] = Iterations(Trajectory.Run(objective, MuonOptimizer.WithStepSize(StepSize.Geometric(0.2, 0.9)), initial, cap, Done), objective, goal, cap);
            double best = cap;
            foreach (double c in new[] { 1.0, 0.5, 1.5, 0.25 }) // each run stops once it can no longer beat the best so far
                best = Math.Min(best, Iterations(Trajectory.Run(objective, GradientDescent.WithStepSize(c / lambda[0]), initial, (int)best, Done), objective, goal, (int)best));
            gd[k] = best;
        }
        return new ExperimentResult("preconditioning-iterations-vs-kappa",
            "Simplified Muon (geometric step) converges in a number of iterations independent of κ; GD's grows ∝ κ.",
            [new("n", $"{n}"), new("rank = width", $"{r}"), new("λ", "geomspace(1, 1/κ, 4), V Haar (seed 61)"), new("init", "1e-3·N(0, 1/d)"),
             new("muon", "exact polar, η_t = 0.2·0.9ᵗ"), new("gd", "best constant η of {0.25, 0.5, 1, 1.5}/λ₁"), new("criterion", $"‖UUᵀ − M*‖ ≤ {R(1e-6)}‖M*‖"), new("cap", $"{cap}")],
            [new Series("muon iterations", kappas, muon), new Series("gd iterations (best constant η)", kappas, gd)]);
    }

    private static double Iterations(IReadOnlyList<TrajectoryPoint> run, SymmetricMatrixFactorization objective, double goal, int cap)
        => objective.Residual(run[^1].Parameters).FrobeniusNorm() <= goal ? run[^1].T : cap;
}
