using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Orthogonalizers;

/// <summary>
/// Maps a gradient (or momentum) matrix G to Muon's update direction O(G) ≈ polar(G) = U Vᵀ.
/// Implementations must not mutate their input.
/// </summary>
public interface IOrthogonalizer
{
    /// <summary>Short, stable name used in reports and failure messages.</summary>
    string Name { get; }

    /// <summary>O(G); same shape as <paramref name="g"/>.</summary>
    Matrix<double> Orthogonalize(Matrix<double> g);
}

/// <summary>
/// An orthogonalizer that acts on singular values only: O(U Σ Vᵀ) = U diag(f(σ)) Vᵀ, where f is
/// <see cref="SpectralMap"/>. Every built-in orthogonalizer is one; the laws check that the claim is true.
/// </summary>
public interface ISpectralOrthogonalizer : IOrthogonalizer
{
    /// <summary>
    /// The output singular values (possibly signed) predicted for input singular values
    /// <paramref name="singularValues"/> (sorted in decreasing order, all ≥ 0).
    /// </summary>
    double[] SpectralMap(IReadOnlyList<double> singularValues);
}
