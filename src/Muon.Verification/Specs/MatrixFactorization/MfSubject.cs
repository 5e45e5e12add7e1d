using MfObjective = Muon.Reference.Objectives.MatrixFactorization;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// The optimizer a matrix-factorization spec is run against: a name (part of the seed and of every report) and a
/// factory from a step-size schedule to an <see cref="IOptimizer"/> over the parameters "P" and "Q". A third-party
/// implementation plugs in here.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>muon[exact-polar]</c>.</param>
/// <param name="Create">Builds the optimizer for a schedule η_t.</param>
public sealed record MfSubject(string Name, Func<StepSize, IOptimizer> Create)
{
    /// <summary>Reference Muon: momentum-free, exact polar (thin SVD), no shape scale (the paper's setting).</summary>
    public static MfSubject ReferenceMuon { get; } = Muon(ExactPolar.Default);

    /// <summary>Reference gradient descent (momentum-free).</summary>
    public static MfSubject GradientDescent { get; } = new("gd", s => Reference.Optimizers.GradientDescent.WithStepSize(s));

    /// <summary>Momentum-free Muon with orthogonalizer <paramref name="o"/>.</summary>
    public static MfSubject Muon(IOrthogonalizer o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new($"muon[{o.Name}]", s => MuonOptimizer.WithStepSize(s, o));
    }

    /// <summary>Reference Muon whose Q step is <paramref name="factor"/>·η_P (a negative control: η_Q = 1.1·η_P).</summary>
    public static MfSubject MuonWithQStepFactor(double factor) => new(
        $"muon[exact-polar](η_Q={factor:R}·η_P)",
        s => new MuonOptimizer(new OptimizerOptions
        {
            StepSize = s,
            StepSizeMultipliers = new Dictionary<string, double> { [MfObjective.Q] = factor },
        }));

    /// <summary>Reference GD whose Q step is <paramref name="factor"/>·η_P (negative control).</summary>
    public static MfSubject GradientDescentWithQStepFactor(double factor) => new(
        $"gd(η_Q={factor:R}·η_P)",
        s => new Reference.Optimizers.GradientDescent(new OptimizerOptions
        {
            StepSize = s,
            StepSizeMultipliers = new Dictionary<string, double> { [MfObjective.Q] = factor },
        }));

    /// <inheritdoc />
    public override string ToString() => Name;
}
