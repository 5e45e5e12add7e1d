using Muon.Reference.Optimizers;

namespace Muon.Reference.Trajectories;

/// <summary>One recorded iterate of a <see cref="Trajectory"/>.</summary>
/// <param name="T">The step index (0 = the initial parameters).</param>
/// <param name="Loss">L at <paramref name="Parameters"/>; NaN when the parameters themselves are not finite.</param>
/// <param name="Parameters">The iterate after <paramref name="T"/> steps.</param>
public sealed record TrajectoryPoint(int T, double Loss, ParameterSet Parameters);
