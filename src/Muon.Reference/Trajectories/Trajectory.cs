using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Trajectories;

/// <summary>Runs an optimizer on an objective and records every iterate.</summary>
public static class Trajectory
{
    /// <summary>
    /// Records t = 0, 1, …, <paramref name="steps"/> (the gradient of step t is taken at iterate t). The run ends
    /// early, without throwing, after recording an iterate whose loss is not finite (divergence; an iterate with a
    /// non-finite entry is recorded with loss NaN), before a step whose gradient is not finite (the last finite
    /// iterate is then the final record), or after recording an iterate for which
    /// <paramref name="stop"/>(t, parameters) is true (also evaluated at t = 0).
    /// </summary>
    public static IReadOnlyList<TrajectoryPoint> Run(IObjective objective, IOptimizer optimizer, ParameterSet initial, int steps, Func<int, ParameterSet, bool>? stop = null)
    {
        var points = new List<TrajectoryPoint>(Math.Max(steps, 0) + 1);
        Iterate(objective, optimizer, initial, steps, point =>
        {
            points.Add(point);
            // The stop predicate sees finite iterates before the last only (the loop ends on the others anyway).
            return stop is not null && double.IsFinite(point.Loss) && point.T < steps && stop(point.T, point.Parameters);
        });
        return points;
    }

    /// <summary>
    /// The one trajectory loop: calls <paramref name="visit"/> at t = 0, 1, …, <paramref name="steps"/> with the iterate
    /// and its loss (NaN when an entry is not finite; the gradient of step t is taken at iterate t) and stops after a
    /// visit that returns true, after an iterate whose loss is not finite, or before a step whose gradient is not finite.
    /// Returns the last iterate visited and whether the run ended on a non-finite gradient.
    /// </summary>
    public static (TrajectoryPoint Last, bool GradientNotFinite) Iterate(IObjective objective, IOptimizer optimizer, ParameterSet initial, int steps, Func<TrajectoryPoint, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(visit);
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of steps must be ≥ 0.");
        objective.Layout.RequireSameLayout(initial, nameof(initial));
        initial.RequireFinite(nameof(initial));

        var parameters = initial;
        var state = optimizer.Start(initial);
        for (int t = 0; ; t++)
        {
            double loss = IsFinite(parameters) ? objective.Loss(parameters) : double.NaN;
            var point = new TrajectoryPoint(t, loss, parameters);
            if (visit(point) || !double.IsFinite(loss) || t == steps)
                return (point, false);
            var gradient = objective.Gradient(parameters);
            if (!IsFinite(gradient))
                return (point, true);
            var step = optimizer.Step(parameters, gradient, state);
            parameters = step.Parameters;
            state = step.State;
        }
    }

    private static bool IsFinite(ParameterSet p)
    {
        foreach (var (_, m) in p)
            foreach (double x in m.Enumerate())
                if (!double.IsFinite(x)) return false;
        return true;
    }
}
