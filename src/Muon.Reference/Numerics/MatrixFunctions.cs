using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Numerics;

/// <summary>The matrix functions the specifications need, each defined once.</summary>
public static class MatrixFunctions
{
    /// <summary>Unit roundoff of IEEE double, u = 2⁻⁵³.</summary>
    public const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary><c>√(XᵀX) = V Σ Vᵀ</c> from the SVD of X (never by square-rooting an eigen-decomposition of XᵀX,
    /// which would square the condition number).</summary>
    public static Matrix<double> SqrtGram(Matrix<double> x)
    {
        var svd = ThinSvd.Of(x);
        int d = x.ColumnCount;
        var result = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < svd.S.Count; i++)
        {
            var v = svd.V.Column(i);
            result += svd.S[i] * v.OuterProduct(v);
        }
        return result;
    }

    /// <summary>The Gram matrix <c>XᵀX</c>.</summary>
    public static Matrix<double> Gram(Matrix<double> x) => x.TransposeThisAndMultiply(x);

    /// <summary>Nuclear norm ‖X‖_* = Σσᵢ (from the SVD).</summary>
    public static double NuclearNorm(Matrix<double> x) => ThinSvd.Of(x).S.Sum();

    /// <summary>Spectral norm ‖X‖₂ = σ₁ (from the SVD).</summary>
    public static double SpectralNorm(Matrix<double> x) => ThinSvd.Of(x).S[0];

    /// <summary>Frobenius norm ‖X‖_F.</summary>
    public static double FrobeniusNorm(Matrix<double> x) => x.FrobeniusNorm();

    /// <summary>Frobenius inner product ⟨A, B⟩ = tr(AᵀB).</summary>
    public static double Inner(Matrix<double> a, Matrix<double> b)
    {
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
            throw new ArgumentException($"inner product of {a.RowCount}×{a.ColumnCount} and {b.RowCount}×{b.ColumnCount}.");
        double s = 0;
        for (int j = 0; j < a.ColumnCount; j++)
            for (int i = 0; i < a.RowCount; i++)
                s += a[i, j] * b[i, j];
        return s;
    }

    /// <summary>Number of singular values above <c>τ·σ₁</c>.</summary>
    public static int NumericalRank(Vector<double> singularValues, double relativeThreshold)
    {
        if (singularValues.Count == 0 || singularValues[0] == 0) return 0;
        double cut = relativeThreshold * singularValues[0];
        return singularValues.Count(s => s > cut);
    }

    /// <summary>Orthogonal projector onto the row space of X (n×n), singular values ≤ τ·σ₁ treated as zero.</summary>
    public static Matrix<double> RowSpaceProjector(Matrix<double> x, double relativeThreshold = 1e-12)
    {
        var svd = ThinSvd.Of(x);
        return Projector(svd.V, NumericalRank(svd.S, relativeThreshold));
    }

    /// <summary>Orthogonal projector onto the column space of X (m×m), singular values ≤ τ·σ₁ treated as zero.</summary>
    public static Matrix<double> ColumnSpaceProjector(Matrix<double> x, double relativeThreshold = 1e-12)
    {
        var svd = ThinSvd.Of(x);
        return Projector(svd.U, NumericalRank(svd.S, relativeThreshold));
    }

    private static Matrix<double> Projector(Matrix<double> basis, int rank)
    {
        var b = basis.SubMatrix(0, basis.RowCount, 0, rank);
        return b * b.Transpose();
    }

    /// <summary>Commutator [A, B] = AB − BA.</summary>
    public static Matrix<double> Commutator(Matrix<double> a, Matrix<double> b) => a * b - b * a;

    /// <summary>A matrix of iid N(0, std²) entries.</summary>
    public static Matrix<double> Gaussian(int rows, int cols, double std, Rng rng)
        => Matrix<double>.Build.Dense(rows, cols, (_, _) => std * rng.Normal());

    /// <summary><c>U diag(s) Vᵀ</c> for U (m×r), s (r), V (n×r).</summary>
    public static Matrix<double> FromFactors(Matrix<double> u, IReadOnlyList<double> s, Matrix<double> v)
    {
        var us = u.Clone();
        for (int j = 0; j < s.Count; j++)
            us.SetColumn(j, us.Column(j) * s[j]);
        return us * v.Transpose();
    }
}
