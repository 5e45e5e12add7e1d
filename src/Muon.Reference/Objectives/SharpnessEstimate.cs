namespace Muon.Reference.Objectives;

/// <summary>
/// Extreme Ritz values of a Hessian from <see cref="Sharpness.Estimate"/>.
/// </summary>
/// <param name="LambdaMax">Largest Ritz value θ_max ≤ λ_max (the sharpness estimate).</param>
/// <param name="LambdaMin">Smallest Ritz value θ_min ≥ λ_min.</param>
/// <param name="Iterations">Lanczos steps taken (the Krylov dimension k).</param>
/// <param name="Dimension">The number of scalar parameters (the Hessian is Dimension × Dimension).</param>
/// <param name="ResidualMax">‖H x − θ_max x‖ for the unit Ritz vector x of θ_max: some eigenvalue of H lies within
/// this distance of θ_max (0 up to round-off when k = Dimension).</param>
/// <param name="ResidualMin">The same residual for θ_min.</param>
public sealed record SharpnessEstimate(double LambdaMax, double LambdaMin, int Iterations, int Dimension, double ResidualMax, double ResidualMin);
