namespace Muon.Verification.Conformance.Protocol;

/// <summary>The parsed reply to <c>{"op":"hello","protocol":1}</c>.</summary>
/// <param name="Protocol">The protocol version the peer speaks (must be 1).</param>
/// <param name="Name">The implementation's name, used in reports and seeds.</param>
/// <param name="Capabilities">Subset of <c>orthogonalize</c>, <c>optimizer</c>.</param>
/// <param name="Declares">The declared conventions.</param>
public sealed record HelloReply(int Protocol, string Name, IReadOnlyList<string> Capabilities, Declarations Declares)
{
    /// <summary>True when the peer answers <c>orthogonalize</c> requests.</summary>
    public bool CanOrthogonalize => Capabilities.Contains(ProtocolV1.CapabilityOrthogonalize);

    /// <summary>True when the peer answers <c>optimizer.new</c> / <c>optimizer.step</c> requests.</summary>
    public bool HasOptimizer => Capabilities.Contains(ProtocolV1.CapabilityOptimizer);
}
