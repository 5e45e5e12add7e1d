namespace Muon.Verification.NegativeControls;

/// <summary>A deliberate optimizer defect (defect classes of public implementations).</summary>
public enum OptimizerDefect
{
    /// <summary>The raw gradient is orthogonalized instead of the momentum.</summary>
    OrthogonalizesRawGradient,
    /// <summary>Momentum accumulates orthogonalized gradients (applied after orthogonalization).</summary>
    MomentumAfterOrthogonalization,
    /// <summary>hyper.nesterov is ignored.</summary>
    NesterovIgnored,
    /// <summary>The declared shape scale √max(1, rows/cols) is not applied.</summary>
    MissingShapeScale,
    /// <summary>The shape scale uses the wrong axis: √max(1, cols/rows).</summary>
    WrongAxisShapeScale,
    /// <summary>Declared decoupled weight decay is not applied.</summary>
    WeightDecayNotApplied,
    /// <summary>Weight decay multiplied by the wrong learning rate: p·(1 − λ) instead of p·(1 − ηλ).</summary>
    WeightDecayWrongLr,
    /// <summary>The update is normalized by its norm without a zero check: NaN on a zero gradient.</summary>
    NaNOnZeroGradient,
    /// <summary>Every parameter after the first is silently left unchanged.</summary>
    SkipsLaterParameters,
    /// <summary>One momentum buffer is shared by all parameters of the same shape.</summary>
    SharedMomentumBuffer,
    /// <summary>Adds run-to-run noise of relative size 1e-4 (e.g. nondeterministic kernels at low precision).</summary>
    Nondeterministic,
    /// <summary>The step size is applied twice to the update (η² instead of η).</summary>
    LearningRateSquared,
}
