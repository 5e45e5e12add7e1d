using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// An <see cref="IOrthogonalizer"/> whose <see cref="Orthogonalize"/> is an <c>orthogonalize</c> request to a
/// protocol peer, so the laws run unchanged against any language's implementation. Protocol failures
/// surface as <see cref="ProtocolException"/>s (which fail the property that sent the request).
/// </summary>
public sealed class ProcessOrthogonalizer(ProtocolClient client, string name) : IOrthogonalizer
{
    /// <summary>The session.</summary>
    public ProtocolClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public Matrix<double> Orthogonalize(Matrix<double> g) => Client.Orthogonalize(g);
}
