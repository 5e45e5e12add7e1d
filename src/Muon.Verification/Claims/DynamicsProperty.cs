using Muon.Verification.Harness;

namespace Muon.Verification.Claims;

/// <summary>
/// A claim's check at the conformance oracle's dynamics level: the spec run against an implementation's own optimizer.
/// </summary>
/// <param name="Id">Property id in reports, e.g. <c>dynamics/b1-loss-floor</c>.</param>
/// <param name="Build">The spec for a subject (its id is replaced by <paramref name="Id"/>).</param>
/// <param name="Cases">Standard cases over the protocol (each case is one request per step: lower than the spec's own count).</param>
/// <param name="OutOfScope">Why the property is NOT APPLICABLE when the declared orthogonalizer is outside the claim's scope.</param>
public sealed record DynamicsProperty(string Id, Func<DynamicsSubject, PropertySpec> Build, int Cases, string OutOfScope)
{
    /// <summary>Why the property is NOT APPLICABLE in a declared precision outside the claim's (dtype, u) → reason; null: the claim's precisions say it all.</summary>
    public Func<string, double, string>? OutOfPrecision { get; init; }
}
