using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// The optimizer a <see cref="ProtocolServer"/> serves and the conventions it declares for it. The default
/// is the reference <see cref="MuonOptimizer"/>: EMA momentum, no shape scale, decoupled weight decay.
/// </summary>
/// <param name="Create">Builds an optimizer for the request's hyper-parameters around the served orthogonalizer.</param>
/// <param name="Momentum">Declared <c>momentum</c> (<c>ema</c>, <c>heavy-ball</c>, <c>none</c>), or null to leave it undeclared.</param>
/// <param name="Scale">Declared <c>scale</c>, or null to leave it undeclared.</param>
/// <param name="WeightDecay">Declared <c>weight_decay</c>, or null to leave it undeclared.</param>
public sealed record ServedOptimizer(Func<OptimizerHyper, IOrthogonalizer, IOptimizer> Create, string? Momentum, string? Scale, string? WeightDecay)
{
    /// <summary>The reference Muon (EMA momentum, Nesterov per request, no shape scale, decoupled weight decay), declared so.</summary>
    public static ServedOptimizer Reference { get; } = Muon(ShapeScale.None, "none");

    /// <summary>The reference Muon with shape scale <paramref name="scale"/>, declaring it as <paramref name="declaredScale"/>.</summary>
    public static ServedOptimizer Muon(ShapeScale scale, string? declaredScale) => new(
        (h, o) => new MuonOptimizer(h.ToOptions(), o, scale),
        "ema", declaredScale, "decoupled");
}
