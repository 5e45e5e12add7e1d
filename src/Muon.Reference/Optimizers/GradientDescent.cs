using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Optimizers;

/// <summary>Gradient descent <c>p ← p − η_t·g</c> (with the optional momentum and weight decay of <see cref="OptimizerOptions"/>).</summary>
public sealed class GradientDescent(OptimizerOptions options) : MomentumOptimizer(options)
{
    /// <summary>Momentum-free GD with a constant step size.</summary>
    public static GradientDescent WithStepSize(double eta) => new(new OptimizerOptions { StepSize = StepSize.Constant(eta) });

    /// <summary>Momentum-free GD with a schedule.</summary>
    public static GradientDescent WithStepSize(StepSize schedule) => new(new OptimizerOptions { StepSize = schedule });

    /// <inheritdoc />
    public override string Name => "gd";

    /// <inheritdoc />
    protected override Matrix<double> Direction(string name, Matrix<double> input) => input;
}
