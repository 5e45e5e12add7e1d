using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Optimizers;

/// <summary>
/// Muon: <c>p ← p·(1 − η_t λ) − η_t · scale(rows, cols) · O(input)</c>, where the input is the gradient
/// (momentum-free, the papers' setting) or the momentum/Nesterov input, and O is the orthogonalizer
/// (exact polar by default).
/// </summary>
public sealed class MuonOptimizer : MomentumOptimizer
{
    /// <summary>Creates Muon with an orthogonalizer, shape-scale convention and shared options.</summary>
    public MuonOptimizer(OptimizerOptions options, IOrthogonalizer? orthogonalizer = null, ShapeScale scale = ShapeScale.None)
        : base(options)
    {
        Orthogonalizer = orthogonalizer ?? ExactPolar.Default;
        Scale = scale;
    }

    /// <summary>Momentum-free Muon with exact polar (or <paramref name="orthogonalizer"/>) and a constant step.</summary>
    public static MuonOptimizer WithStepSize(double eta, IOrthogonalizer? orthogonalizer = null)
        => new(new OptimizerOptions { StepSize = StepSize.Constant(eta) }, orthogonalizer);

    /// <summary>Momentum-free Muon with a schedule.</summary>
    public static MuonOptimizer WithStepSize(StepSize schedule, IOrthogonalizer? orthogonalizer = null)
        => new(new OptimizerOptions { StepSize = schedule }, orthogonalizer);

    /// <summary>The orthogonalizer O.</summary>
    public IOrthogonalizer Orthogonalizer { get; }

    /// <summary>The shape-scale convention.</summary>
    public ShapeScale Scale { get; }

    /// <inheritdoc />
    public override string Name => $"muon[{Orthogonalizer.Name}]";

    /// <inheritdoc />
    protected override Matrix<double> Direction(string name, Matrix<double> input)
    {
        var o = Orthogonalizer.Orthogonalize(input);
        if (o.RowCount != input.RowCount || o.ColumnCount != input.ColumnCount)
            throw new InvalidOperationException($"orthogonalizer '{Orthogonalizer.Name}' returned {o.RowCount}×{o.ColumnCount} for the {input.RowCount}×{input.ColumnCount} input of '{name}'.");
        double s = Scale.Factor(input.RowCount, input.ColumnCount);
        return s * o;
    }
}
