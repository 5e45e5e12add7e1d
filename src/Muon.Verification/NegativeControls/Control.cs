using Muon.Verification.Harness;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// A negative control of a theorem spec: the spec instantiated for a deliberately wrong subject (a swapped optimizer,
/// G/‖G‖_F instead of the polar factor, a step off by 1e-3, …) or with one of the claim's hypotheses removed. It must
/// FAIL by the spec's own check (a law violation, not a crash or a contract error).
/// </summary>
/// <param name="Name">What is broken, e.g. <c>A1 G/‖G‖_F instead of polar</c>.</param>
/// <param name="Target">The id of the spec it must fail (the instantiated spec's id starts with it).</param>
/// <param name="Spec">Builds the failing spec.</param>
public sealed record Control(string Name, string Target, Func<PropertySpec> Spec)
{
    /// <summary>Runs only at deep depth, like the spec it controls (a standard run reports it as skipped).</summary>
    public bool DeepOnly { get; init; }
}
