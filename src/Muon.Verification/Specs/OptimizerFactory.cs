using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Specs;

/// <summary>
/// Builds the optimizer under test for the step-size schedule a spec prescribes. Specs take one of these, so
/// the same spec runs against the reference (<see cref="Subjects"/>), a deliberately broken optimizer, or a
/// third-party implementation wrapped as an <see cref="IOptimizer"/>.
/// </summary>
/// <param name="schedule">The schedule η_t the claim is about (constant, geometric, …).</param>
public delegate IOptimizer OptimizerFactory(StepSize schedule);

/// <summary>The reference subjects of the quadratic and preconditioning specs.</summary>
public static class Subjects
{
    /// <summary>Momentum-free Muon with the given orthogonalizer (exact polar by default): <c>W ← W − η_t·O(∇L)</c>.</summary>
    public static OptimizerFactory Muon(IOrthogonalizer? orthogonalizer = null)
        => schedule => MuonOptimizer.WithStepSize(schedule, orthogonalizer ?? ExactPolar.Default);

    /// <summary>Momentum-free gradient descent <c>W ← W − η_t·∇L</c>.</summary>
    public static OptimizerFactory GradientDescent()
        => schedule => global::Muon.Reference.Optimizers.GradientDescent.WithStepSize(schedule);
}
