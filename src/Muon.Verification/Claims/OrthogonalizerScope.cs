namespace Muon.Verification.Claims;

/// <summary>Which orthogonalizers a claim is a law of (the Muon side of the claim; a claim about GD or an objective has none).</summary>
public enum OrthogonalizerScope
{
    /// <summary>Not a claim about an orthogonalizer: gradient descent, an objective's Hessian, noisy sign dynamics.</summary>
    None,

    /// <summary>A law of the exact polar factor U Vᵀ (an approximate φ breaks it: grid confinement, exact conservation, …).</summary>
    ExactPolar,

    /// <summary>A law of a Newton–Schulz iteration with a declared schedule (its φ enters the prediction).</summary>
    NewtonSchulz,

    /// <summary>Holds for every orthogonalizer that satisfies the laws.</summary>
    AnyOrthogonalizer,
}
