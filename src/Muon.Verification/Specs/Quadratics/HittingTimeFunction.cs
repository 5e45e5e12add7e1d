using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// The subject of the B3 specs: the hitting time T_ε = min{t ≥ 0 : |s_t| ≤ ε} of
/// <c>s_{t+1} = s_t − α(sign(s_t) + σξ_t)</c>, ξ_t ~ N(0, 1) drawn from <paramref name="rng"/>; null when not hit within
/// <paramref name="maxSteps"/> steps.
/// </summary>
public delegate int? HittingTimeFunction(double s0, double alpha, double sigma, double epsilon, int maxSteps, Rng rng);

/// <summary>The reference noisy sign dynamics.</summary>
public static class SignDynamicsSubjects
{
    /// <summary><see cref="NoisySignDynamics.HittingTime(double, double, double, double, int, Rng)"/>.</summary>
    public static HittingTimeFunction Reference { get; } = NoisySignDynamics.HittingTime;
}
