using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Trajectories;

/// <summary>
/// The conserved candidates and misalignment metrics of matrix factorization (Rhee, Simon, Karkada), as defined in
/// the project's theory notes (matrix-factorization.md), for factors <c>P ∈ R^{m×d}</c>, <c>Q ∈ R^{n×d}</c> and a
/// target SVD <c>M* = U_f diag(s) V_fᵀ</c>.
/// </summary>
public static class MatrixFactorizationMetrics
{
    /// <summary><c>Δ₁ = √(PᵀP) − √(QᵀQ)</c> (d×d; conserved by Muon flow), each root from the SVD of the factor.</summary>
    public static Matrix<double> Delta1(Matrix<double> p, Matrix<double> q)
    {
        CheckFactors(p, q);
        return MatrixFunctions.SqrtGram(p) - MatrixFunctions.SqrtGram(q);
    }

    /// <summary><c>Δ₂ = PᵀP − QᵀQ</c> (d×d; conserved by gradient flow).</summary>
    public static Matrix<double> Delta2(Matrix<double> p, Matrix<double> q)
    {
        CheckFactors(p, q);
        return MatrixFunctions.Gram(p) - MatrixFunctions.Gram(q);
    }

    /// <summary>Relative drift <c>rd(X; a, b) = ‖X(b) − X(a)‖_F / ‖X(a)‖_F</c>; X(a) must be nonzero.</summary>
    public static double RelativeDrift(Matrix<double> atA, Matrix<double> atB)
    {
        Guard.Finite(atA, nameof(atA));
        Guard.Finite(atB, nameof(atB));
        Guard.Shape(atB, atA.RowCount, atA.ColumnCount, nameof(atB));
        double reference = atA.FrobeniusNorm();
        if (reference == 0)
            throw new ArgumentException("X(a) is zero, so the relative drift ‖X(b) − X(a)‖/‖X(a)‖ is undefined.", nameof(atA));
        return (atB - atA).FrobeniusNorm() / reference;
    }

    /// <summary>
    /// <c>μ_out = ‖offdiag(U_fᵀ P Qᵀ V_f)‖_F / ‖P Qᵀ‖_F</c>: 0 iff the product is diagonal in the target's bases.
    /// NaN when <c>P Qᵀ = 0</c> (undefined).
    /// </summary>
    public static double MuOut(Matrix<double> p, Matrix<double> q, TargetSvd target)
    {
        CheckFactors(p, q, target);
        var product = p.TransposeAndMultiply(q);
        double norm = product.FrobeniusNorm();
        if (norm == 0) return double.NaN;
        var rotated = target.U.TransposeThisAndMultiply(product) * target.V;
        double off = 0;
        for (int j = 0; j < rotated.ColumnCount; j++)
            for (int i = 0; i < rotated.RowCount; i++)
                if (i != j) off += rotated[i, j] * rotated[i, j];
        return Math.Sqrt(off) / norm;
    }

    /// <summary>
    /// <c>μ_co = ‖U_fᵀ P − V_fᵀ Q‖_F / (‖P‖_F + ‖Q‖_F)</c>: 0 iff <c>P = U_f X</c> and <c>Q = V_f X</c> for one X.
    /// When m ≠ n, <c>U_fᵀ P</c> (m×d) and <c>V_fᵀ Q</c> (n×d) are compared by padding the shorter with zero rows:
    /// the first min(m, n) rows are differenced and the remaining rows of the longer one count in full (they must
    /// vanish for co-alignment, as at the balanced optimum). NaN when P = Q = 0.
    /// </summary>
    public static double MuCo(Matrix<double> p, Matrix<double> q, TargetSvd target)
    {
        CheckFactors(p, q, target);
        double denominator = p.FrobeniusNorm() + q.FrobeniusNorm();
        if (denominator == 0) return double.NaN;
        var a = target.U.TransposeThisAndMultiply(p);
        var b = target.V.TransposeThisAndMultiply(q);
        int rows = Math.Max(a.RowCount, b.RowCount);
        double sum = 0;
        for (int j = 0; j < a.ColumnCount; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                double x = (i < a.RowCount ? a[i, j] : 0) - (i < b.RowCount ? b[i, j] : 0);
                sum += x * x;
            }
        }
        return Math.Sqrt(sum) / denominator;
    }

    /// <summary>
    /// <c>mis_in = 1 − tr(Π_row(P) Π_row(Q))/n</c> (mean sin² of the principal angles between the row spaces, in
    /// R^d), defined for d &gt; n; projectors drop singular values ≤ 1e-12·σ₁.
    /// </summary>
    public static double MisIn(Matrix<double> p, Matrix<double> q)
    {
        CheckFactors(p, q);
        int n = q.RowCount, d = q.ColumnCount;
        if (d <= n)
            throw new ArgumentException($"mis_in is defined for d > n but Q is {n}×{d}.", nameof(q));
        var pp = MatrixFunctions.RowSpaceProjector(p);
        var pq = MatrixFunctions.RowSpaceProjector(q);
        return 1 - MatrixFunctions.Inner(pp, pq) / n;
    }

    /// <summary>Per-mode projections <c>uᵢᵀ P Qᵀ vᵢ</c>, i &lt; min(m, n) (mode i is learned when it reaches 0.9·sᵢ).</summary>
    public static Vector<double> ModeProjections(Matrix<double> p, Matrix<double> q, TargetSvd target)
    {
        CheckFactors(p, q, target);
        var product = p.TransposeAndMultiply(q);
        return Vector<double>.Build.Dense(target.S.Count, i => target.U.Column(i).DotProduct(product * target.V.Column(i)));
    }

    /// <summary>Singular values of a finite matrix, decreasing.</summary>
    public static Vector<double> SingularValues(Matrix<double> x) => ThinSvd.Of(x).S;

    internal static void CheckFactors(Matrix<double> p, Matrix<double> q)
    {
        Guard.Finite(p, "P");
        Guard.Finite(q, "Q");
        if (p.ColumnCount != q.ColumnCount)
            throw new ArgumentException($"P is {p.RowCount}×{p.ColumnCount} and Q is {q.RowCount}×{q.ColumnCount}: the widths (columns) differ.", nameof(q));
    }

    internal static void CheckFactors(Matrix<double> p, Matrix<double> q, TargetSvd target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckFactors(p, q);
        if (p.RowCount != target.Rows || q.RowCount != target.Columns)
            throw new ArgumentException($"P is {p.RowCount}×{p.ColumnCount} and Q is {q.RowCount}×{q.ColumnCount} but the target is {target.Rows}×{target.Columns}: P needs {target.Rows} rows and Q {target.Columns}.", nameof(target));
    }
}
