using Muon.Reference.Optimizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>The <c>hyper</c> object of <c>optimizer.new</c>: learning rate, momentum β, Nesterov, weight decay λ.</summary>
/// <param name="Lr">Learning rate η (constant over the session).</param>
/// <param name="Momentum">Momentum coefficient β ∈ [0, 1).</param>
/// <param name="Nesterov">Use the Nesterov input.</param>
/// <param name="WeightDecay">Decoupled weight decay λ.</param>
public sealed record OptimizerHyper(double Lr, double Momentum, bool Nesterov, double WeightDecay)
{
    /// <summary>
    /// The reference optimizer's options for these hyper-parameters: constant step size η, β, Nesterov and λ as given,
    /// momentum kept by <paramref name="convention"/> (EMA, as the protocol's served and loaded optimizers keep it, by default).
    /// </summary>
    public OptimizerOptions ToOptions(MomentumConvention convention = MomentumConvention.Ema) => new()
    {
        StepSize = StepSize.Constant(Lr),
        Momentum = Momentum,
        Convention = convention,
        Nesterov = Nesterov,
        WeightDecay = WeightDecay,
    };
}
