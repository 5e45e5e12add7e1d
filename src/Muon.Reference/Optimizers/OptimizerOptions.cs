using Muon.Reference.Numerics;

namespace Muon.Reference.Optimizers;

/// <summary>
/// Settings shared by <see cref="GradientDescent"/> and <see cref="MuonOptimizer"/>. The defaults are the
/// papers' setting: momentum-free, no weight decay, one step size for every parameter.
/// </summary>
public sealed record OptimizerOptions
{
    /// <summary>The step-size schedule η_t.</summary>
    public required StepSize StepSize { get; init; }

    /// <summary>Momentum coefficient β ∈ [0, 1).</summary>
    public double Momentum { get; init; }

    /// <summary>How the momentum buffer is kept; <see cref="MomentumConvention.None"/> ignores <see cref="Momentum"/>.</summary>
    public MomentumConvention Convention { get; init; } = MomentumConvention.None;

    /// <summary>Use the Nesterov look-ahead input instead of the buffer.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Decoupled weight decay λ: <c>p ← p·(1 − η_t·λ)</c> before the update.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Per-parameter multipliers of η_t (absent names use 1); e.g. a deliberately mismatched η_Q.</summary>
    public IReadOnlyDictionary<string, double>? StepSizeMultipliers { get; init; }

    /// <summary>Validates the numeric settings, naming the first bad one.</summary>
    public OptimizerOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(StepSize);
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "β must lie in [0, 1).");
        Guard.NonNegative(WeightDecay, nameof(WeightDecay));
        if (Momentum > 0 && Convention == MomentumConvention.None)
            throw new ArgumentException($"Momentum = {Momentum} has no effect with Convention = None (a silently ignored momentum is a known defect class): choose Ema or HeavyBall, or set Momentum = 0.", nameof(Momentum));
        if (Nesterov && Convention == MomentumConvention.None)
            throw new ArgumentException("Nesterov needs a momentum convention (Ema or HeavyBall).", nameof(Nesterov));
        if (StepSizeMultipliers is not null)
            foreach (var (name, f) in StepSizeMultipliers) Guard.NonNegative(f, $"StepSizeMultipliers['{name}']");
        return this;
    }

    /// <summary>The effective step size of parameter <paramref name="name"/> at base step size <paramref name="eta"/>.</summary>
    public double StepSizeOf(string name, double eta)
        => StepSizeMultipliers is not null && StepSizeMultipliers.TryGetValue(name, out var f) ? eta * f : eta;
}
