using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Subjects;

/// <summary>An orthogonalizer given by a function and a name (negative controls, test subjects, emulations).</summary>
/// <param name="name">The name reports and seeds use.</param>
/// <param name="orthogonalize">The map G ↦ O(G).</param>
public sealed class NamedOrthogonalizer(string name, Func<Matrix<double>, Matrix<double>> orthogonalize) : IOrthogonalizer
{
    /// <summary>Another orthogonalizer under a new name (e.g. a schedule run one step short, named as the defect it is).</summary>
    public static NamedOrthogonalizer Renamed(string name, IOrthogonalizer inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new(name, inner.Orthogonalize);
    }

    /// <inheritdoc />
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <inheritdoc />
    public Matrix<double> Orthogonalize(Matrix<double> g) => orthogonalize(g);
}
