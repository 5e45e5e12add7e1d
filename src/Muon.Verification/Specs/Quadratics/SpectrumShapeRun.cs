using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// One B4 seed: for each family, several inits on <c>L = ½⟨W − W*, A(W − W*)⟩</c> (A = V diag(λ) Vᵀ, Haar V; W*, W₀ ~
/// N(0, 1/n), n×n); each optimizer's score is the median over inits of log10(L_T/L₀) at its best lr per init.
/// The spread is max − min of the scores over families.
/// </summary>
internal static class SpectrumShapeRun
{
    /// <summary>Scores per family (in the order given) for each optimizer (factory, lr grid).</summary>
    public static double[][] Scores(IReadOnlyList<(OptimizerSubject Subject, double[] Lrs)> optimizers, IReadOnlyList<SpectrumFamily> families,
        int n, int inits, int steps, ulong seed)
    {
        var rng = new Rng(seed);
        var scores = optimizers.Select(_ => new double[families.Count]).ToArray();
        for (int f = 0; f < families.Count; f++)
        {
            var perInit = optimizers.Select(_ => new List<double>()).ToArray();
            for (int i = 0; i < inits; i++)
            {
                var lambda = SpectrumFamilies.Draw(families[f], n, 10, 1e-3, rng);
                var v = Orthonormal.Haar(n, rng);
                var a = v * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * v.Transpose();
                var objective = new Quadratic(0.5 * (a + a.Transpose()), MatrixFunctions.Gaussian(n, n, 1 / Math.Sqrt(n), rng));
                var w0 = Quadratic.Parameters(MatrixFunctions.Gaussian(n, n, 1 / Math.Sqrt(n), rng));
                for (int o = 0; o < optimizers.Count; o++)
                {
                    double best = double.PositiveInfinity;
                    foreach (var lr in optimizers[o].Lrs)
                    {
                        var points = Trajectory.Run(objective, optimizers[o].Subject.Create(StepSize.Constant(lr)), w0, steps);
                        double ratio = points.Count == steps + 1 ? points[^1].Loss / points[0].Loss : double.PositiveInfinity;
                        if (!double.IsNaN(ratio)) best = Math.Min(best, ratio);
                    }
                    perInit[o].Add(Math.Log10(best));
                }
            }
            for (int o = 0; o < optimizers.Count; o++) scores[o][f] = Statistics.OrderStatistics.SampleMedian(perInit[o]);
        }
        return scores;
    }

    /// <summary>max − min.</summary>
    public static double Spread(IReadOnlyList<double> scores) => scores.Max() - scores.Min();
}
