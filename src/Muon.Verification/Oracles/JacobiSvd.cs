using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Oracles;

/// <summary>
/// One-sided (Hestenes) Jacobi SVD, used only as an <em>independent</em> oracle: the laws never check an
/// SVD-based result against the same SVD code. Jacobi is slow (O(n³) per sweep) but computes small
/// singular values to high relative accuracy, which is what the oracle needs.
/// </summary>
public sealed class JacobiSvd
{
    private const double U = 1.1102230246251565e-16;

    private JacobiSvd(double[] s, Matrix<double> u, Matrix<double> v, int sweeps)
    {
        S = s;
        UFactor = u;
        V = v;
        Sweeps = sweeps;
    }

    /// <summary>Singular values in decreasing order (length min(m, n)).</summary>
    public IReadOnlyList<double> S { get; }

    /// <summary>Left singular vectors (m×k). Vectors paired with a zero singular value may be zero (in U or V).</summary>
    public Matrix<double> UFactor { get; }

    /// <summary>Right singular vectors (n×k).</summary>
    public Matrix<double> V { get; }

    /// <summary>Jacobi sweeps used.</summary>
    public int Sweeps { get; }

    /// <summary>Decomposes <paramref name="g"/> (finite, non-empty).</summary>
    public static JacobiSvd Of(Matrix<double> g)
    {
        Muon.Reference.Numerics.Guard.Finite(g, nameof(g));
        // Stryker disable once Equality : a square input may be decomposed as itself or as its transpose; both are exact SVDs up to rounding
        bool wide = g.RowCount < g.ColumnCount;
        var a = (wide ? g.Transpose() : g).Clone(); // p×k, p ≥ k
        int k = a.ColumnCount;
        var v = Matrix<double>.Build.DenseIdentity(k);
        int sweep = 0;
        // Stryker disable once Equality : an 81st sweep is reachable only if 80 Jacobi sweeps fail to converge, which does not happen for finite input (quadratic convergence)
        for (; sweep < 80; sweep++)
        {
            bool rotated = false;
            // Stryker disable once Equality,Arithmetic : for i ≥ k − 1 the inner loop (j from i + 1 to k − 1) is empty
            for (int i = 0; i < k - 1; i++)
            {
                for (int j = i + 1; j < k; j++)
                {
                    var ai = a.Column(i);
                    var aj = a.Column(j);
                    double alpha = ai.DotProduct(ai), beta = aj.DotProduct(aj), gamma = ai.DotProduct(aj);
                    if (gamma == 0 || Math.Abs(gamma) <= U * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta == 0 ? 1 : zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double c = 1 / Math.Sqrt(1 + t * t), s = c * t;
                    a.SetColumn(i, c * ai - s * aj);
                    a.SetColumn(j, s * ai + c * aj);
                    var vi = v.Column(i);
                    var vj = v.Column(j);
                    v.SetColumn(i, c * vi - s * vj);
                    v.SetColumn(j, s * vi + c * vj);
                }
            }
            if (!rotated) break;
        }
        var norms = Enumerable.Range(0, k).Select(j => a.Column(j).L2Norm()).ToArray();
        var order = Enumerable.Range(0, k).OrderByDescending(j => norms[j]).ToArray();
        var sigma = order.Select(j => norms[j]).ToArray();
        var left = Matrix<double>.Build.Dense(a.RowCount, k);
        var right = Matrix<double>.Build.Dense(k, k);
        for (int c = 0; c < k; c++)
        {
            int j = order[c];
            if (norms[j] > 0) left.SetColumn(c, a.Column(j) / norms[j]);
            right.SetColumn(c, v.Column(j));
        }
        // For a wide G we decomposed Gᵀ = L Σ Rᵀ, so G = R Σ Lᵀ.
        return wide ? new JacobiSvd(sigma, right, left, sweep) : new JacobiSvd(sigma, left, right, sweep);
    }

    /// <summary>Σ over σᵢ &gt; 0 of f(σᵢ) uᵢ vᵢᵀ (the odd matrix function with scalar map f; f(0) is taken as 0).</summary>
    public Matrix<double> Reconstruct(Func<int, double> fOfIndex)
    {
        ArgumentNullException.ThrowIfNull(fOfIndex);
        var result = Matrix<double>.Build.Dense(UFactor.RowCount, V.RowCount);
        for (int i = 0; i < S.Count; i++)
        {
            if (S[i] == 0) continue;
            result += fOfIndex(i) * UFactor.Column(i).OuterProduct(V.Column(i));
        }
        return result;
    }

    /// <summary>The number of singular values above <paramref name="relativeThreshold"/>·σ₁ (0 when σ₁ = 0: nothing exceeds a cut of 0).</summary>
    public int Rank(double relativeThreshold) => S.Count(s => s > relativeThreshold * S[0]);
}
