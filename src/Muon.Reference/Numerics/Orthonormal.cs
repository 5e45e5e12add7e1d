using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Numerics;

/// <summary>Orthonormal bases: Haar-random orthogonal matrices and basis completion.</summary>
public static class Orthonormal
{
    /// <summary>
    /// A Haar-distributed matrix with <paramref name="cols"/> orthonormal columns in R^<paramref name="rows"/>
    /// (QR of a Gaussian matrix with the signs of diag(R) folded into Q, which makes the law exactly Haar).
    /// </summary>
    public static Matrix<double> Haar(int rows, int cols, Rng rng)
    {
        if (cols > rows)
            throw new ArgumentException($"cannot have {cols} orthonormal columns in R^{rows}.", nameof(cols));
        var g = Matrix<double>.Build.Dense(rows, cols, (_, _) => rng.Normal());
        var qr = g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q.Clone();
        for (int j = 0; j < cols; j++)
        {
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        }
        return q;
    }

    /// <summary>A Haar-random square orthogonal matrix.</summary>
    public static Matrix<double> Haar(int n, Rng rng) => Haar(n, n, rng);

    /// <summary>
    /// Overwrites columns <paramref name="filled"/>.. of <paramref name="u"/> (whose first columns are
    /// orthonormal; at most as many columns as rows) with an orthonormal completion, by Gram–Schmidt (twice) on
    /// standard basis vectors. The completion is deterministic: first e₀, e₁, … in order, each kept when its residual
    /// against the columns so far has norm above ½; then, for any column still open, the eᵢ with the largest residual
    /// (the first of equal ones). The second rule always succeeds: the squared residuals of e₀ … e_{m−1} sum to the
    /// number of open columns, so the largest has norm ≥ √(open/m) ≥ 1/√m. The first rule alone can run out, e.g. on a
    /// basis of 1⊥ in R⁵ (every residual 1/√5) or on three columns of the 4×4 Hadamard matrix / 2 (every residual ½).
    /// </summary>
    public static void CompleteColumns(Matrix<double> u, int filled)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.ColumnCount > u.RowCount)
            throw new ArgumentException($"cannot complete {u.ColumnCount} orthonormal columns in R^{u.RowCount}.", nameof(u));
        if (filled < 0 || filled > u.ColumnCount)
            throw new ArgumentOutOfRangeException(nameof(filled), filled, $"filled must lie in [0, {u.ColumnCount}].");
        int next = filled;
        for (int e = 0; e < u.RowCount && next < u.ColumnCount; e++)
        {
            var v = Residual(u, next, e);
            double norm = v.L2Norm();
            if (norm > 0.5)
            {
                u.SetColumn(next, v / norm);
                next++;
            }
        }
        for (; next < u.ColumnCount; next++)
        {
            Vector<double>? best = null;
            double bestNorm = 0;
            for (int e = 0; e < u.RowCount; e++)
            {
                var v = Residual(u, next, e);
                double norm = v.L2Norm();
                if (norm > bestNorm)
                {
                    best = v;
                    bestNorm = norm;
                }
            }
            u.SetColumn(next, best! / bestNorm);
        }
    }

    /// <summary>eₑ minus its projection on the first <paramref name="columns"/> columns of <paramref name="u"/>, by two Gram–Schmidt passes.</summary>
    private static Vector<double> Residual(Matrix<double> u, int columns, int e)
    {
        var v = Vector<double>.Build.Dense(u.RowCount);
        v[e] = 1;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < columns; j++)
            {
                var c = u.Column(j);
                v -= c * c.DotProduct(v);
            }
        }
        return v;
    }

    /// <summary>Completes the orthonormal columns of <paramref name="q"/> to a square orthogonal matrix.</summary>
    public static Matrix<double> Complete(Matrix<double> q)
    {
        var full = Matrix<double>.Build.Dense(q.RowCount, q.RowCount);
        full.SetSubMatrix(0, 0, q);
        CompleteColumns(full, q.ColumnCount);
        return full;
    }
}
