using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Trajectories;

/// <summary>All <see cref="MatrixFactorizationMetrics"/> of one iterate (P, Q).</summary>
/// <param name="Delta1">Δ₁ = √(PᵀP) − √(QᵀQ).</param>
/// <param name="Delta2">Δ₂ = PᵀP − QᵀQ.</param>
/// <param name="MuOut">μ_out (NaN when P Qᵀ = 0).</param>
/// <param name="MuCo">μ_co (NaN when P = Q = 0).</param>
/// <param name="MisIn">mis_in when d &gt; n, otherwise null.</param>
/// <param name="SingularValuesP">σ(P), decreasing.</param>
/// <param name="SingularValuesQ">σ(Q), decreasing.</param>
/// <param name="SingularValuesProduct">σ(P Qᵀ), decreasing.</param>
/// <param name="ModeProjections">uᵢᵀ P Qᵀ vᵢ for i &lt; min(m, n).</param>
public sealed record MatrixFactorizationSnapshot(
    Matrix<double> Delta1,
    Matrix<double> Delta2,
    double MuOut,
    double MuCo,
    double? MisIn,
    Vector<double> SingularValuesP,
    Vector<double> SingularValuesQ,
    Vector<double> SingularValuesProduct,
    Vector<double> ModeProjections)
{
    /// <summary>The metrics of factors <paramref name="p"/>, <paramref name="q"/> against <paramref name="target"/>.</summary>
    public static MatrixFactorizationSnapshot Of(Matrix<double> p, Matrix<double> q, TargetSvd target)
    {
        MatrixFactorizationMetrics.CheckFactors(p, q, target);
        return new MatrixFactorizationSnapshot(
            MatrixFactorizationMetrics.Delta1(p, q),
            MatrixFactorizationMetrics.Delta2(p, q),
            MatrixFactorizationMetrics.MuOut(p, q, target),
            MatrixFactorizationMetrics.MuCo(p, q, target),
            q.ColumnCount > q.RowCount ? MatrixFactorizationMetrics.MisIn(p, q) : null,
            MatrixFactorizationMetrics.SingularValues(p),
            MatrixFactorizationMetrics.SingularValues(q),
            MatrixFactorizationMetrics.SingularValues(p.TransposeAndMultiply(q)),
            MatrixFactorizationMetrics.ModeProjections(p, q, target));
    }

    /// <summary>The metrics of the "P" and "Q" of a matrix-factorization parameter set.</summary>
    public static MatrixFactorizationSnapshot Of(ParameterSet parameters, TargetSvd target)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Of(parameters[Objectives.MatrixFactorization.P], parameters[Objectives.MatrixFactorization.Q], target);
    }
}
