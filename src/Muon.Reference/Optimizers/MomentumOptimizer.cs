using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Optimizers;

/// <summary>
/// The skeleton both optimizers share: momentum buffer and Nesterov input (per <see cref="MomentumConvention"/>),
/// decoupled weight decay, then <c>p ← p − η·Direction(input)</c>. Subclasses define only the direction.
/// </summary>
public abstract class MomentumOptimizer : IOptimizer
{
    /// <summary>Creates the optimizer; the options are validated.</summary>
    protected MomentumOptimizer(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
    }

    /// <summary>The settings.</summary>
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The update direction for parameter <paramref name="name"/> from its momentum-processed input.</summary>
    protected abstract Matrix<double> Direction(string name, Matrix<double> input);

    /// <inheritdoc />
    public OptimizerState Start(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.RequireFinite("parameters");
        return OptimizerState.Initial(Options.Convention == MomentumConvention.None ? null : parameters.ZerosLike());
    }

    /// <inheritdoc />
    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(state);
        parameters.RequireSameLayout(gradients, "gradients");
        gradients.RequireFinite("gradients");
        double beta = Options.Momentum;
        ParameterSet? momentum = state.Momentum;
        ParameterSet input = gradients;
        switch (Options.Convention)
        {
            case MomentumConvention.Ema:
                momentum = RequireBuffer(state, parameters).Zip(gradients, (_, m, g) => beta * m + (1 - beta) * g);
                input = Options.Nesterov ? gradients.Zip(momentum, (_, g, m) => (1 - beta) * g + beta * m) : momentum;
                break;
            case MomentumConvention.HeavyBall:
                momentum = RequireBuffer(state, parameters).Zip(gradients, (_, m, g) => beta * m + g);
                input = Options.Nesterov ? gradients.Zip(momentum, (_, g, m) => g + beta * m) : momentum;
                break;
        }
        double eta = Options.StepSize.At(state.T);
        var next = parameters.Zip(input, (name, p, u) =>
        {
            double etaP = Options.StepSizeOf(name, eta);
            var decayed = p * (1 - etaP * Options.WeightDecay);   // exact copy of p when the decay is 0 (1·x = x)
            return decayed - etaP * Direction(name, u);
        });
        return new OptimizerStep(next, new OptimizerState(state.T + 1, momentum), eta);
    }

    private static ParameterSet RequireBuffer(OptimizerState state, ParameterSet parameters)
    {
        if (state.Momentum is null)
            throw new InvalidOperationException("this optimizer keeps momentum but the state has no buffer: create it with Start().");
        parameters.RequireSameLayout(state.Momentum, "state.Momentum");
        return state.Momentum;
    }
}
