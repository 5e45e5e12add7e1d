using Muon.Reference.Objectives;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

/// <summary>Deliberately broken noisy sign dynamics for the B3 negative controls.</summary>
public static class BrokenSignDynamics
{
    /// <summary>Integer-valued noise σξ ∈ ℤ (round(σξ)): s stays on s₀ + αℤ and an off-grid start never hits (sheet B3).</summary>
    public static SignDynamicsSubject IntegerNoise { get; } = new("broken:integer-noise", (s0, alpha, sigma, epsilon, maxSteps, rng)
        => NoisySignDynamics.HittingTime(s0, alpha, sigma, epsilon, maxSteps, () => Math.Round(sigma * rng.Normal()) / sigma));

    /// <summary>Noise that never switches off: σ_eff = max(σ, 0.05).</summary>
    public static SignDynamicsSubject NoiseFloor { get; } = new("broken:noise-floor", (s0, alpha, sigma, epsilon, maxSteps, rng)
        => NoisySignDynamics.HittingTime(s0, alpha, Math.Max(sigma, 0.05), epsilon, maxSteps, rng));

    /// <summary>Counts steps from 1 instead of 0 (an off-by-one in the hitting-time convention).</summary>
    public static SignDynamicsSubject OffByOne { get; } = new("broken:off-by-one", (s0, alpha, sigma, epsilon, maxSteps, rng)
        => NoisySignDynamics.HittingTime(s0, alpha, sigma, epsilon, maxSteps, rng) + 1);
}
