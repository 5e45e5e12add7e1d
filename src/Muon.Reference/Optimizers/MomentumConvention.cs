namespace Muon.Reference.Optimizers;

/// <summary>How the momentum buffer M is updated from the gradient g (β = momentum coefficient).</summary>
public enum MomentumConvention
{
    /// <summary>No buffer: the update direction is built from g itself (the papers' setting).</summary>
    None,
    /// <summary>EMA: M ← βM + (1−β)g; Nesterov input (1−β)g + βM (Keller Jordan's Muon).</summary>
    Ema,
    /// <summary>Heavy ball: M ← βM + g; Nesterov input g + βM.</summary>
    HeavyBall,
}
