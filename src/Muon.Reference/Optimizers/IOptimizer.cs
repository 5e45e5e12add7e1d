namespace Muon.Reference.Optimizers;

/// <summary>
/// A pure optimizer: <c>(parameters, gradients, state) → (parameters', state')</c>. Nothing is mutated,
/// so a trajectory can be replayed, branched or compared step by step.
/// </summary>
public interface IOptimizer
{
    /// <summary>Short name used in reports.</summary>
    string Name { get; }

    /// <summary>The state before the first step (e.g. zero momentum buffers).</summary>
    OptimizerState Start(ParameterSet parameters);

    /// <summary>One step from <paramref name="state"/> with <paramref name="gradients"/> taken at <paramref name="parameters"/>.</summary>
    OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state);
}

/// <summary>Optimizer state: the step counter t and the momentum buffers (absent when momentum-free).</summary>
public sealed record OptimizerState(int T, ParameterSet? Momentum)
{
    /// <summary>The state before any step.</summary>
    public static OptimizerState Initial(ParameterSet? momentum = null) => new(0, momentum);
}

/// <summary>The result of one step: new parameters, new state, and the step size η_t that was used.</summary>
public sealed record OptimizerStep(ParameterSet Parameters, OptimizerState State, double Eta);
