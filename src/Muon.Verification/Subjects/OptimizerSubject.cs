using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using MfObjective = Muon.Reference.Objectives.MatrixFactorization;

namespace Muon.Verification.Subjects;

/// <summary>
/// The optimizer under test, for every spec of the three papers: a stable name (part of the seed and of every report)
/// and a factory from the step-size schedule η_t a spec prescribes to an <see cref="IOptimizer"/>. The reference, the
/// negative controls, the protocol wrapper and an in-process .NET optimizer all plug in here.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>muon[exact-polar]</c> (part of the seed): the built optimizer's name for the reference subjects; a control names its defect (<c>muon[exact-polar](η_Q=1.1·η_P)</c>).</param>
/// <param name="Create">Builds the optimizer for a schedule η_t.</param>
public sealed record OptimizerSubject(string Name, Func<StepSize, IOptimizer> Create)
{
    /// <summary>Reference Muon: momentum-free, exact polar (thin SVD), no shape scale (the papers' setting).</summary>
    public static OptimizerSubject ReferenceMuon { get; } = Muon(ExactPolar.Default);

    /// <summary>Reference gradient descent <c>W ← W − η_t·∇L</c> (momentum-free).</summary>
    public static OptimizerSubject GradientDescent { get; } = new("gd", s => Reference.Optimizers.GradientDescent.WithStepSize(s));

    /// <summary>Momentum-free Muon <c>W ← W − η_t·O(∇L)</c> with orthogonalizer <paramref name="orthogonalizer"/> (exact polar by default).</summary>
    public static OptimizerSubject Muon(IOrthogonalizer? orthogonalizer = null)
    {
        var o = orthogonalizer ?? ExactPolar.Default;
        return new($"muon[{o.Name}]", s => MuonOptimizer.WithStepSize(s, o));
    }

    /// <summary>Reference Muon whose Q step is <paramref name="factor"/>·η_P (a negative control: η_Q = 1.1·η_P).</summary>
    public static OptimizerSubject MuonWithQStepFactor(double factor) => new(
        $"muon[exact-polar](η_Q={factor:R}·η_P)",
        s => new MuonOptimizer(new OptimizerOptions
        {
            StepSize = s,
            StepSizeMultipliers = new Dictionary<string, double> { [MfObjective.Q] = factor },
        }));

    /// <summary>Reference GD whose Q step is <paramref name="factor"/>·η_P (negative control).</summary>
    public static OptimizerSubject GradientDescentWithQStepFactor(double factor) => new(
        $"gd(η_Q={factor:R}·η_P)",
        s => new Reference.Optimizers.GradientDescent(new OptimizerOptions
        {
            StepSize = s,
            StepSizeMultipliers = new Dictionary<string, double> { [MfObjective.Q] = factor },
        }));

    /// <inheritdoc />
    public override string ToString() => Name;
}
