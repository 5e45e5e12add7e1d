using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

/// <summary>Exact values of the misalignment metrics on hand-computable factors (not only zero/non-zero).</summary>
public sealed class MisalignmentValueTests
{
    // Target diag(3, 2) as a 2×3 matrix: its singular bases are the coordinate axes (up to signs, which neither
    // metric below depends on: flipping a basis vector flips a row or column of U_fᵀ·X·V_f).
    private static readonly TargetSvd Target = TargetSvd.Of(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0, 0 }, { 0, 2, 0 } }));

    [Fact]
    public void Mu_out_is_the_off_diagonal_share_of_the_product()
    {
        // P Qᵀ = [[1, 2, 0.5], [3, 4, 0]] (P = that matrix, Q = I₃): off-diagonal squares 4 + 0.25 + 9 = 13.25,
        // ‖P Qᵀ‖² = 30.25, so μ_out = √13.25/5.5. A few ulps (tolerance 1e-15).
        var p = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0.5 }, { 3, 4, 0 } });
        var q = Matrix<double>.Build.DenseIdentity(3);
        Assert.Equal(Math.Sqrt(13.25) / 5.5, MatrixFactorizationMetrics.MuOut(p, q, Target), 1e-15);
    }

    [Fact]
    public void Mu_co_counts_the_rows_of_the_longer_factor_when_m_differs_from_n()
    {
        // P = 0 (2×3), Q = I₃: U_fᵀP = 0 and V_fᵀQ is orthogonal, so ‖U_fᵀP − V_fᵀQ‖_F = ‖Q‖_F = √3 only if the third
        // row of V_fᵀQ (the padding side) is counted: μ_co = √3/(0 + √3) = 1. Dropping it would give √2/√3.
        var p = Matrix<double>.Build.Dense(2, 3);
        var q = Matrix<double>.Build.DenseIdentity(3);
        Assert.Equal(1.0, MatrixFactorizationMetrics.MuCo(p, q, Target), 1e-15);
    }
}
