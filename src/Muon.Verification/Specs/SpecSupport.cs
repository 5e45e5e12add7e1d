using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Specs;

/// <summary>Shared plumbing of the theorem specs: running a subject, measuring spectra, failing with context.</summary>
internal static class SpecSupport
{
    /// <summary>Iterates X₀ … X_T of <paramref name="optimizer"/> on a one-parameter objective; a run that stops early
    /// (non-finite loss or gradient) is a violation, reported with the step.</summary>
    public static IReadOnlyList<Matrix<double>> Iterates(IObjective objective, IOptimizer optimizer, string parameter, Matrix<double> x0, int steps, string context)
    {
        var points = Trajectory.Run(objective, optimizer, ParameterSet.Of((parameter, x0)), steps);
        if (points.Count != steps + 1)
            throw new SpecViolation($"{optimizer.Name} stopped after {points.Count - 1} of {steps} steps (non-finite loss or gradient; last loss {R(points[^1].Loss)}) ({context})");
        return points.Select(p => p.Parameters[parameter]).ToArray();
    }

    /// <summary>Singular values in decreasing order (thin SVD with fallbacks).</summary>
    public static double[] Sigma(Matrix<double> x) => ThinSvd.Of(x).S.ToArray();

    /// <summary>
    /// Throws unless <paramref name="measured"/> ≤ <paramref name="bound"/> (NaN fails). <paramref name="roundOff"/>: the
    /// bound is a round-off bound (δ_t, a float64 slack), so a small violation on the quantity's natural
    /// <paramref name="scale"/> is classed as accuracy (<see cref="ViolationClassifier"/>).
    /// </summary>
    public static void AtMost(double measured, double bound, string quantity, string context, bool roundOff = false, double scale = 1)
    {
        if (!(measured <= bound))
            throw new SpecViolation(Violation.AtMost(quantity, measured, bound, roundOff, scale) with { Context = context });
    }

    /// <summary>Throws unless <paramref name="measured"/> ≥ <paramref name="bound"/> (NaN fails); <paramref name="roundOff"/> and <paramref name="scale"/> as for <see cref="AtMost"/>.</summary>
    public static void AtLeast(double measured, double bound, string quantity, string context, bool roundOff = false, double scale = 1)
    {
        if (!(measured >= bound))
            throw new SpecViolation(Violation.AtLeast(quantity, measured, bound, roundOff, scale) with { Context = context });
    }

    /// <summary>max |aᵢ − bᵢ| of two equally long vectors.</summary>
    public static double MaxAbsDiff(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double worst = 0;
        for (int i = 0; i < a.Count; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }

    /// <summary>Sorted copy in decreasing order.</summary>
    public static double[] Descending(IEnumerable<double> xs) => xs.OrderByDescending(x => x).ToArray();

    /// <summary>Normwise backward error of one float64 SVD / product / update on an m×n matrix (see <see cref="Tolerances.Backward"/>).</summary>
    public static double Backward(int m, int n) => Tolerances.Backward(m, n);
}
