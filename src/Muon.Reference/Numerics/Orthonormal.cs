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
            // Stryker disable once Equality,Boolean : R_jj = 0 has probability 0 for a Gaussian; flipping the opposite columns gives −Q, which is Haar as well (the law is what Haar_columns_are_sign_symmetric checks)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        }
        return q;
    }

    /// <summary>A Haar-random square orthogonal matrix.</summary>
    public static Matrix<double> Haar(int n, Rng rng) => Haar(n, n, rng);

    /// <summary>
    /// Overwrites columns <paramref name="filled"/>.. of <paramref name="u"/> (whose first columns are
    /// orthonormal) with an orthonormal completion, by Gram–Schmidt (twice) on standard basis vectors.
    /// </summary>
    public static void CompleteColumns(Matrix<double> u, int filled)
    {
        int next = filled;
        for (int e = 0; e < u.RowCount && next < u.ColumnCount; e++)
        {
            var v = Vector<double>.Build.Dense(u.RowCount);
            v[e] = 1;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int j = 0; j < next; j++)
                {
                    var c = u.Column(j);
                    v -= c * c.DotProduct(v);
                }
            }
            double norm = v.L2Norm();
            // Stryker disable once Equality : a residual norm of exactly 0.5 (measure zero); either choice completes the basis
            if (norm > 0.5)
            {
                u.SetColumn(next, v / norm);
                next++;
            }
        }
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
