using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

using Muon.Verification.Conformance;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// A Muon optimizer with one deliberate defect, written independently of <see cref="MuonOptimizer"/> (EMA
/// momentum; the declared scale is √max(1, rows/cols) so that scale defects are visible). Never use it for
/// anything but the catalogue.
/// </summary>
public sealed class BrokenMuonOptimizer(OptimizerHyper hyper, IOrthogonalizer orthogonalizer, OptimizerDefect defect) : IOptimizer
{
    private static int _noiseSeed;

    /// <summary>The declared shape scale of every broken optimizer.</summary>
    public const ShapeScale DeclaredScale = ShapeScale.SqrtMax1RowsOverCols;

    /// <inheritdoc />
    public string Name => $"broken-muon:{defect}";

    /// <summary>The defect.</summary>
    public OptimizerDefect Defect => defect;

    /// <summary>Serves this defect over the protocol, declaring EMA momentum, √max(1, rows/cols) scale and decoupled weight decay.</summary>
    public static ServedOptimizer Served(OptimizerDefect defect)
        => new((h, o) => new BrokenMuonOptimizer(h, o, defect), "ema", OptimizerConventions.ScaleName(DeclaredScale), "decoupled");

    /// <inheritdoc />
    public OptimizerState Start(ParameterSet parameters) => OptimizerState.Initial(parameters.ZerosLike());

    /// <inheritdoc />
    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(state);
        double beta = hyper.Momentum, lr = hyper.Lr, wd = hyper.WeightDecay;
        var buffers = state.Momentum!;
        var newParams = new List<(string, Matrix<double>)>();
        var newBuffers = new List<(string, Matrix<double>)>();
        Matrix<double>? shared = null;
        for (int i = 0; i < parameters.Count; i++)
        {
            var (name, p) = parameters[i];
            var g = gradients[i].Value;
            var m0 = defect == OptimizerDefect.SharedMomentumBuffer && shared is not null && shared.RowCount == p.RowCount && shared.ColumnCount == p.ColumnCount ? shared : buffers[i].Value;
            var m = defect == OptimizerDefect.MomentumAfterOrthogonalization ? beta * m0 + (1 - beta) * orthogonalizer.Orthogonalize(g) : beta * m0 + (1 - beta) * g;
            shared = m;
            var input = defect switch
            {
                OptimizerDefect.OrthogonalizesRawGradient => g,
                OptimizerDefect.NesterovIgnored => m,
                _ => hyper.Nesterov ? (1 - beta) * g + beta * m : m,
            };
            var o = defect == OptimizerDefect.MomentumAfterOrthogonalization ? m : orthogonalizer.Orthogonalize(input);
            if (defect == OptimizerDefect.NaNOnZeroGradient)
            {
                double n = input.FrobeniusNorm();
                o *= n / n; // "normalize" without a zero check: 0/0 = NaN on a zero gradient, exactly 1 otherwise
            }
            double s = defect switch
            {
                OptimizerDefect.MissingShapeScale => 1.0,
                OptimizerDefect.WrongAxisShapeScale => Math.Sqrt(Math.Max(1.0, (double)p.ColumnCount / p.RowCount)),
                _ => DeclaredScale.Factor(p.RowCount, p.ColumnCount),
            };
            double decay = defect switch
            {
                OptimizerDefect.WeightDecayNotApplied => 1.0,
                OptimizerDefect.WeightDecayWrongLr => 1 - wd,
                _ => 1 - lr * wd,
            };
            double eta = defect == OptimizerDefect.LearningRateSquared ? lr * lr : lr;
            var next = p * decay - eta * s * o;
            if (defect == OptimizerDefect.SkipsLaterParameters && i > 0) next = p;
            if (defect == OptimizerDefect.Nondeterministic)
            {
                var rng = new Muon.Reference.Numerics.Rng((ulong)Interlocked.Increment(ref _noiseSeed));
                next += 1e-4 * Muon.Reference.Numerics.MatrixFunctions.Gaussian(p.RowCount, p.ColumnCount, next.FrobeniusNorm() / Math.Sqrt(p.RowCount * p.ColumnCount), rng);
            }
            newParams.Add((name, next));
            newBuffers.Add((name, m));
        }
        return new OptimizerStep(ParameterSet.Of([.. newParams]), new OptimizerState(state.T + 1, ParameterSet.Of([.. newBuffers])), lr);
    }
}
