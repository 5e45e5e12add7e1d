using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using MfObjective = Muon.Reference.Objectives.MatrixFactorization;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>One iterate seen by a <see cref="MfDynamics.Run"/> visitor.</summary>
/// <param name="T">Step index (0 = initial).</param>
/// <param name="P">P_t (do not mutate).</param>
/// <param name="Q">Q_t (do not mutate).</param>
/// <param name="Loss">L(P_t, Q_t) in the objective's convention; +∞ when an entry is not finite.</param>
public readonly record struct MfIterate(int T, Matrix<double> P, Matrix<double> Q, double Loss);

/// <summary>Runs an optimizer on a matrix factorization with simultaneous (Jacobi) updates.</summary>
public static class MfDynamics
{
    /// <summary>The objective of <paramref name="c"/> in <paramref name="convention"/>.</summary>
    public static MfObjective Objective(MfCase c, LossConvention convention = LossConvention.Half)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new MfObjective(c.Problem.Target, c.D, convention);
    }

    /// <summary>
    /// Runs <paramref name="optimizer"/> from (P₀, Q₀) for at most <paramref name="steps"/> steps, calling
    /// <paramref name="visit"/> at t = 0, 1, … (both gradients are taken at the current iterate). Stops when the visitor
    /// returns true or the loss is not finite (visited once with Loss = +∞). Returns the last iterate visited. The loop is
    /// the reference's (<see cref="Trajectory.Iterate"/>); this adapter names the factors and reports divergence as +∞.
    /// </summary>
    public static MfIterate Run(MfObjective objective, IOptimizer optimizer, Matrix<double> p0, Matrix<double> q0, int steps, Func<MfIterate, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(visit);
        var (last, blewUp) = Trajectory.Iterate(objective, optimizer, MfObjective.Parameters(p0, q0), steps, point => visit(Of(point)));
        if (!blewUp) return Of(last);
        var blownUp = Of(last) with { T = last.T + 1, Loss = double.PositiveInfinity };
        visit(blownUp);
        return blownUp;
    }

    private static MfIterate Of(TrajectoryPoint point)
        => new(point.T, point.Parameters[MfObjective.P], point.Parameters[MfObjective.Q], double.IsFinite(point.Loss) ? point.Loss : double.PositiveInfinity);
}
