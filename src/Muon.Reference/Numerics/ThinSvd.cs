using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Numerics;

/// <summary>How a <see cref="ThinSvd"/> was obtained.</summary>
public enum SvdMethod
{
    /// <summary>MathNet's Golub–Kahan SVD of the matrix itself.</summary>
    Direct,
    /// <summary>The SVD of the transpose, after the direct one failed to converge.</summary>
    Transposed,
    /// <summary>Symmetric eigen-decomposition of the smaller Gram matrix, after both SVDs failed. Squaring
    /// costs accuracy: singular values at or below 10·√(k·u)·σ₁ cannot be resolved on this path and are reported as 0.</summary>
    GramEigen,
}

/// <summary>
/// Thin singular value decomposition <c>G = U diag(S) Vᵀ</c> with <c>k = min(m, n)</c> columns in U and V,
/// singular values sorted in decreasing order. When the SVD fails to converge (rare, but it happens on
/// some inputs) or returns non-finite factors, it falls back to the SVD of <c>Gᵀ</c> and then to the
/// eigen-decomposition of the Gram matrix. The input is first scaled by an exact power of two
/// (<see cref="BinaryScaling"/>), so entries as large as 1e300 or as small as 1e-300 neither overflow nor underflow
/// inside the decomposition; the singular values are scaled back (they overflow to ∞ only if σ₁ itself exceeds
/// the float64 range).
/// </summary>
public sealed record ThinSvd(Matrix<double> U, Vector<double> S, Matrix<double> V, SvdMethod Method)
{
    /// <summary>Test seam: replaces every direct SVD, including that of R on the QR route (used to exercise the fallbacks).</summary>
    internal static Func<Matrix<double>, MathNet.Numerics.LinearAlgebra.Factorization.Svd<double>>? DirectSvdOverride { get; set; }

    /// <summary>Decomposes <paramref name="g"/>, which must be finite and non-empty.</summary>
    public static ThinSvd Of(Matrix<double> g)
    {
        Guard.Finite(g, nameof(g));
        var (scaled, exponent) = BinaryScaling.Normalize(g);
        var svd = OfNormalized(scaled);
        return svd with { S = svd.S.Map(s => Math.ScaleB(s, exponent)) };
    }

    private static ThinSvd OfNormalized(Matrix<double> g)
    {
        // Rectangular inputs: reduce to a square k×k SVD through a thin Householder QR (G = Q R ⇒ G = (Q U_R) Σ V_Rᵀ).
        // MathNet's SVD forms the full m×m U, which for a 4:1 matrix costs more than everything else; QR then SVD is
        // backward stable as a whole and computes only what the thin SVD needs. Below 16 384 entries the full SVD is
        // faster (measured: 64×16 took 0.41 ms through QR against 0.17 ms directly).
        // Where the boundaries lie is a speed choice only: both routes are backward-stable thin SVDs that agree to rounding
        // (Rectangular_path_through_QR_is_a_thin_svd; docs/performance.md). A square input must not take the transpose
        // route (it would recurse without end), and when the SVD of R fails the route is declined for the direct SVD of G.
        bool tallViaQr = g.RowCount >= 2 * g.ColumnCount && g.RowCount * g.ColumnCount >= 16384;
        bool wideViaTranspose = g.ColumnCount >= 2 * g.RowCount && g.RowCount * g.ColumnCount >= 16384;
        if (tallViaQr)
        {
            var qr = g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var inner = OfSquare(qr.R);
            if (inner.Method == SvdMethod.Direct) // OfSquare returns Direct only for a finite result
                return inner with { U = qr.Q * inner.U };
        }
        else if (wideViaTranspose)
        {
            var t = OfNormalized(g.Transpose());
            return new ThinSvd(t.V, t.S, t.U, t.Method);
        }
        return OfSquare(g);
    }

    private static ThinSvd OfSquare(Matrix<double> g)
    {
        int k = Math.Min(g.RowCount, g.ColumnCount);
        try
        {
            var svd = DirectSvdOverride is { } f ? f(g) : g.Svd(computeVectors: true);
            var result = new ThinSvd(svd.U.SubMatrix(0, g.RowCount, 0, k), svd.S.SubVector(0, k), svd.VT.SubMatrix(0, k, 0, g.ColumnCount).Transpose(), SvdMethod.Direct);
            if (result.IsFinite) return result;
        }
        catch (NonConvergenceException)
        {
        }
        try
        {
            var svd = g.Transpose().Svd(computeVectors: true);
            var result = new ThinSvd(svd.VT.SubMatrix(0, k, 0, g.RowCount).Transpose(), svd.S.SubVector(0, k), svd.U.SubMatrix(0, g.ColumnCount, 0, k), SvdMethod.Transposed);
            if (result.IsFinite) return result;
        }
        catch (NonConvergenceException)
        {
        }
        return FromGramEigen(g);
    }

    private bool IsFinite => S.All(double.IsFinite) && U.Enumerate().All(double.IsFinite) && V.Enumerate().All(double.IsFinite);

    /// <summary>The reconstruction <c>U diag(f(S)) Vᵀ</c>.</summary>
    public Matrix<double> Reconstruct(Func<double, double> f)
    {
        var scaled = U.Clone();
        for (int j = 0; j < S.Count; j++)
            scaled.SetColumn(j, scaled.Column(j) * f(S[j]));
        return scaled * V.Transpose();
    }

    internal static ThinSvd FromGramEigen(Matrix<double> g)
    {
        bool tall = g.RowCount >= g.ColumnCount;
        var a = tall ? g : g.Transpose();          // a is p×k with p ≥ k
        int k = a.ColumnCount;
        var evd = (a.TransposeThisAndMultiply(a)).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, k).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var s = Vector<double>.Build.Dense(k, i => Math.Sqrt(Math.Max(evd.EigenValues[order[i]].Real, 0)));
        var v = Matrix<double>.Build.Dense(k, k, (r, c) => evd.EigenVectors[r, order[c]]);
        var av = a * v;
        var u = Matrix<double>.Build.Dense(a.RowCount, k);
        // Eigenvalues of AᵀA carry absolute error ~k·u·σ₁², so σ at or below the floor 10·√(k·u)·σ₁ is noise: report it as 0
        // (k ≥ 1: Guard rejects empty input).
        double floor = 10 * Math.Sqrt(k * MatrixFunctions.UnitRoundoff) * s[0];
        int filled = 0;
        for (int j = 0; j < k; j++)
        {
            if (s[j] > floor)
            {
                u.SetColumn(j, av.Column(j) / s[j]);
                filled++;
            }
            else
            {
                s[j] = 0;
            }
        }
        Orthonormal.CompleteColumns(u, filled);
        return tall
            ? new ThinSvd(u, s, v, SvdMethod.GramEigen)
            : new ThinSvd(v, s, u, SvdMethod.GramEigen);
    }
}
