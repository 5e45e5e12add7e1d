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

    /// <summary>Jacobi sweeps that rotated (the final sweep, which found every pair of columns orthogonal, is not counted).</summary>
    public int Sweeps { get; }

    /// <summary>The most sweeps <see cref="Of(Matrix{double})"/> runs before it reports non-convergence.</summary>
    public const int MaxSweeps = 80;

    /// <summary>
    /// Decomposes <paramref name="g"/> (finite, non-empty). The sweeps run on 2^−e·G, with e = ⌊log₂ max|gᵢⱼ|⌋ (so the
    /// largest entry lies in [1, 2)), and the singular values are scaled back by 2^e. Multiplying by a power of two is
    /// exact, so the result is scale-equivariant: <c>Of(2^k·G)</c> has the singular values of <c>Of(G)</c> times 2^k and the
    /// same factors, bit for bit, as long as no entry of either is subnormal. Without it the squared column norms and
    /// their products in the rotation test leave the float64 range: below ~1e-150 the test underflows to 0 and every
    /// sweep rotates (at 1e-300 the singular values were wrong by orders of magnitude), above ~1e150 they overflow (NaN).
    /// Throws <see cref="InvalidOperationException"/> if <see cref="MaxSweeps"/> sweeps do not end in a sweep without a
    /// rotation: an oracle reports non-convergence rather than returning an unconverged answer.
    /// </summary>
    public static JacobiSvd Of(Matrix<double> g) => Of(g, MaxSweeps);

    /// <summary><see cref="Of(Matrix{double})"/> with a cap of <paramref name="maxSweeps"/> sweeps (test seam for the cap).</summary>
    internal static JacobiSvd Of(Matrix<double> g, int maxSweeps)
    {
        Muon.Reference.Numerics.Guard.Finite(g, nameof(g));
        // Only the exponent is shared with the reference (BinaryScaling, 0 for the zero matrix); the scaling itself is done here,
        // and any exponent that keeps the entries in range gives the same answer, since the scaling is exact and undone exactly.
        int exponent = Muon.Reference.Numerics.BinaryScaling.ExponentOf(g);
        bool wide = g.RowCount < g.ColumnCount;
        var a = (wide ? g.Transpose() : g).Map(x => Math.ScaleB(x, -exponent)); // p×k, p ≥ k, largest entry in [1, 2)
        int k = a.ColumnCount;
        // A pair is orthogonal enough when |aᵢᵀaⱼ| ≤ p·u·‖aᵢ‖‖aⱼ‖, the rounding error of the dot product itself. A tighter
        // test (u alone) cannot always be met: on clustered singular values each rotation leaves an off-diagonal of rounding
        // size, and a 7×7 matrix with κ = 1.02 still rotated after 80 sweeps.
        double tolerance = a.RowCount * U;
        var v = Matrix<double>.Build.DenseIdentity(k);
        int sweep = 0;
        bool converged = false;
        for (; sweep < maxSweeps; sweep++)
        {
            bool rotated = false;
            for (int i = 0; i < k - 1; i++)
            {
                for (int j = i + 1; j < k; j++)
                {
                    var ai = a.Column(i);
                    var aj = a.Column(j);
                    double alpha = ai.DotProduct(ai), beta = aj.DotProduct(aj), gamma = ai.DotProduct(aj);
                    if (gamma == 0 || Math.Abs(gamma) <= tolerance * Math.Sqrt(alpha * beta)) continue;
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
            if (!rotated)
            {
                converged = true;
                break;
            }
        }
        if (!converged)
            throw new InvalidOperationException($"the Jacobi SVD of a {g.RowCount}×{g.ColumnCount} matrix still rotated after {maxSweeps} sweeps.");
        var norms = Enumerable.Range(0, k).Select(j => a.Column(j).L2Norm()).ToArray();
        var order = Enumerable.Range(0, k).OrderByDescending(j => norms[j]).ToArray();
        var sigma = order.Select(j => Math.ScaleB(norms[j], exponent)).ToArray();
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
