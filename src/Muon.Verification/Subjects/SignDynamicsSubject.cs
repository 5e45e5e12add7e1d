using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Verification.Subjects;

/// <summary>
/// The hitting time T_ε = min{t ≥ 0 : |s_t| ≤ ε} of <c>s_{t+1} = s_t − α(sign(s_t) + σξ_t)</c>, ξ_t ~ N(0, 1) drawn from
/// <paramref name="rng"/>; null when not hit within <paramref name="maxSteps"/> steps.
/// </summary>
public delegate int? HittingTimeFunction(double s0, double alpha, double sigma, double epsilon, int maxSteps, Rng rng);

/// <summary>The subject of the B3 specs: noisy sign dynamics with a stable name (part of the seed and of every report).</summary>
/// <param name="Name">Stable name, e.g. <c>reference</c>.</param>
/// <param name="HittingTime">The dynamics' hitting time.</param>
public sealed record SignDynamicsSubject(string Name, HittingTimeFunction HittingTime)
{
    /// <summary>The reference: <see cref="NoisySignDynamics.HittingTime(double, double, double, double, int, Rng)"/>.</summary>
    public static SignDynamicsSubject Reference { get; } = new("reference", NoisySignDynamics.HittingTime);

    /// <inheritdoc />
    public override string ToString() => Name;
}
