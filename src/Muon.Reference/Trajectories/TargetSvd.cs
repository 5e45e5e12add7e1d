using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Trajectories;

/// <summary>
/// The SVD of a matrix-factorization target <c>M* = U_f diag(S) V_fᵀ</c> with the singular bases completed to full
/// orthonormal bases: <c>U_f</c> is m×m, <c>V_f</c> is n×n, S has min(m, n) entries in decreasing order.
/// Column i ≤ min(m, n) of U_f and V_f is the i-th singular pair uᵢ, vᵢ. When singular values repeat (or are 0)
/// the bases are not unique and basis-dependent metrics (μ_out, μ_co, mode projections) inherit that choice.
/// </summary>
public sealed record TargetSvd(Matrix<double> U, Vector<double> S, Matrix<double> V)
{
    /// <summary>Decomposes a finite, non-empty target.</summary>
    public static TargetSvd Of(Matrix<double> target)
    {
        Guard.Finite(target, nameof(target));
        var svd = ThinSvd.Of(target);
        return new TargetSvd(Orthonormal.Complete(svd.U), svd.S.Clone(), Orthonormal.Complete(svd.V));
    }

    /// <summary>m, the number of rows of the target.</summary>
    public int Rows => U.RowCount;

    /// <summary>n, the number of columns of the target.</summary>
    public int Columns => V.RowCount;
}
