using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;

namespace Muon.Verification.Properties.Conformance;

/// <summary>An optimizer whose parameters are float32: each step's result is rounded to float32 (as a float32 tensor stores it).</summary>
internal sealed class Float32Optimizer(IOptimizer inner) : IOptimizer
{
    public string Name => $"float32:{inner.Name}";

    public OptimizerState Start(ParameterSet parameters) => inner.Start(parameters);

    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        var step = inner.Step(parameters, gradients, state);
        return step with { Parameters = step.Parameters.Map((_, p) => Matrix<double>.Build.Dense(p.RowCount, p.ColumnCount, (i, j) => (float)p[i, j])) };
    }
}
