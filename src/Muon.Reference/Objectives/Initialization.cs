using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Objectives;

/// <summary>
/// The initializations of the matrix-factorization paper, at a chosen scale α:
/// Gaussian entries N(0, α²/max(m, n, d)), or α times a Haar matrix with orthonormal rows or columns.
/// </summary>
public static class Initialization
{
    /// <summary>
    /// A rows×cols matrix with iid N(0, α²/<paramref name="fanScale"/>) entries; the paper uses
    /// fanScale = max(m, n, d) for both factors.
    /// </summary>
    public static Matrix<double> Gaussian(int rows, int cols, double alpha, int fanScale, Rng rng)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        ArgumentOutOfRangeException.ThrowIfLessThan(fanScale, 1);
        ArgumentNullException.ThrowIfNull(rng);
        return MatrixFunctions.Gaussian(rows, cols, alpha / Math.Sqrt(fanScale), rng);
    }

    /// <summary>
    /// α·O with O Haar-random and orthonormal along the shorter side (orthonormal rows when rows ≤ cols, e.g.
    /// P₀ ∈ R^{m×d} with d ≥ m; orthonormal columns otherwise).
    /// </summary>
    public static Matrix<double> Orthogonal(int rows, int cols, double alpha, Rng rng)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        ArgumentNullException.ThrowIfNull(rng);
        var o = rows <= cols ? Orthonormal.Haar(cols, rows, rng).Transpose() : Orthonormal.Haar(rows, cols, rng);
        return alpha * o;
    }
}
