using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>One property as a level plans it for <see cref="PropertyLoop"/>: a spec to run, or the reason it does not apply.</summary>
/// <param name="Id">Property id.</param>
/// <param name="Claim">The claim reported when the property is not run (NOT APPLICABLE, or not run after a session failure); a run reports its spec's claim.</param>
/// <param name="Spec">The spec to run; null when <paramref name="NotApplicable"/> is set.</param>
/// <param name="NotApplicable">Why the property does not apply, or null to run it.</param>
internal sealed record PlannedProperty(string Id, string Claim, PropertySpec? Spec, string? NotApplicable)
{
    /// <summary>Adjusts the result of a run on a still healthy session (e.g. adds a measured profile); null leaves it as is.</summary>
    public Func<ConformanceResult, ConformanceResult>? Annotate { get; init; }
}
