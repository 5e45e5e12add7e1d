using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Orthogonalizers;

/// <summary>
/// The fast path of <see cref="ExactPolar"/> for well-conditioned inputs: with A the tall orientation of G (p×k),
/// X₀ = A·V Λ^{−1/2} Vᵀ from the symmetric eigen-decomposition AᵀA = V Λ Vᵀ, Newton–Schulz refinement
/// X ← X(3I − XᵀX)/2 to orthonormality, one Sylvester correction of the remaining rotation, and refinement again.
/// <para>
/// Accuracy. Squaring costs: the eigenvectors of AᵀA are perturbed by up to u·σ₁²/(σ_i² − σ_j²), so the refined X is
/// polar(A)·(I + E) with a skew error ‖E‖ = O(u·κ²) (measured: 0.6·u·κ² at κ = 1e3). The correction estimates E from
/// H' = XᵀA = (I − E)H: D = H'ᵀ − H' = HE + EH, solved in H's eigenbasis as Ẽ_ij = D̃_ij/(σ_i + σ_j). What remains is
/// the rounding of H' (O(u·κ) after division by σ_i + σ_j) plus the second-order term O(‖E‖²) = O(u²κ⁴). With
/// κ ≤ 1e5 the second is below the first, and the result is as accurate as the SVD path: measured worst errors
/// 0.4–0.7·u·κ (SVD: 0.6–0.9·u·κ) for κ = 1e2 … 1e5 (matrices 11×8 and 35×32, 20 draws each); the orthogonalizer laws
/// hold it to the polar forward-error bound against an independent Jacobi SVD.
/// </para>
/// <para>
/// It declines (returns null, and the SVD path runs) when κ² = λ_max/λ_min exceeds 1e10 (κ &gt; 1e5, including every
/// rank-deficient input, where the threshold τ matters), or when a refinement has not reached ‖XᵀX − I‖_F ≤ 16·k·u
/// within 6 steps. Everything except the k×k eigen-decomposition runs on the FMA <see cref="Gemm"/>.
/// </para>
/// </summary>
internal static class GramPolar
{
    private const double MaxKappaSquared = 1e10;
    private const int MaxRefinements = 6;

    /// <summary>Test seam: skip the Sylvester correction (to show that it is what makes the fast path accurate).</summary>
    internal static bool SkipCorrection { get; set; }

    /// <summary>
    /// Newton–Schulz refinement of Xᵀ (k×p, column-major) until ‖XᵀX − I‖_F ≤ 16·k·u; false if that takes more than
    /// <paramref name="maxSteps"/> steps. <paramref name="next"/> (k×p) and <paramref name="s"/> (k×k) are workspace; the
    /// refined Xᵀ ends in <paramref name="xt"/>. From X₀ of <see cref="TryCompute"/> the defect is O(u·κ²) at worst, about 1e-6
    /// at the κ gate, from which quadratic convergence (d ↦ ≈0.75·d²) needs two steps; measured, one step sufficed in every case
    /// up to κ = 9.9e4. The cap of 6 is a safety net.
    /// </summary>
    internal static bool Refine(ref double[] xt, ref double[] next, double[] s, int k, int p, int maxSteps)
    {
        for (int step = 0; ; step++)
        {
            Gemm.Multiply(xt, k, p, xt, transposeB: true, k, s);                // S = XᵀX
            double defect = 0;
            for (int j = 0; j < k; j++)
                for (int i = 0; i < k; i++)
                {
                    double d = s[j * k + i] - (i == j ? 1 : 0);
                    defect += d * d;
                }
            if (Math.Sqrt(defect) <= 16 * k * MatrixFunctions.UnitRoundoff) return true;
            if (step == maxSteps) return false;
            for (int i = 0; i < s.Length; i++) s[i] *= -0.5;
            Array.Copy(xt, next, xt.Length);
            Gemm.Multiply(s, k, k, xt, transposeB: false, p, next, beta: 1.5);  // Xᵀ ← (3I − S)Xᵀ/2
            (xt, next) = (next, xt);
        }
    }

    public static Matrix<double>? TryCompute(Matrix<double> g)
    {
        bool wide = g.RowCount < g.ColumnCount;
        var at = wide ? g : g.Transpose();         // Aᵀ (k×p), column-major
        int k = at.RowCount, p = at.ColumnCount;
        var atArray = at.ToColumnMajorArray();
        var gram = new double[k * k];
        Gemm.Multiply(atArray, k, p, atArray, transposeB: true, k, gram); // AᵀA = Aᵀ·(Aᵀ)ᵀ
        var evd = Matrix<double>.Build.Dense(k, k, gram).Evd(Symmetricity.Symmetric);
        double lambdaMax = 0, lambdaMin = double.PositiveInfinity;
        for (int i = 0; i < k; i++)
        {
            double l = evd.EigenValues[i].Real;
            lambdaMax = Math.Max(lambdaMax, l);
            lambdaMin = Math.Min(lambdaMin, l);
        }
        if (!(lambdaMin > 0) || lambdaMax / lambdaMin > MaxKappaSquared) return null;

        // M = V Λ^{−1/2} Vᵀ (k×k), then X = A·M, stored as Xᵀ = M·Aᵀ (M symmetric), k×p.
        var v = evd.EigenVectors.ToColumnMajorArray();
        var w = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            double f = 1 / Math.Sqrt(evd.EigenValues[j].Real);
            for (int i = 0; i < k; i++) w[j * k + i] = v[j * k + i] * f;
        }
        var m = new double[k * k];
        Gemm.Multiply(w, k, k, v, transposeB: true, k, m);
        var xt = new double[k * p];
        Gemm.Multiply(m, k, k, atArray, transposeB: false, p, xt);

        var s = new double[k * k];
        var next = new double[k * p];
        if (!Refine(ref xt, ref next, s, k, p, MaxRefinements)) return null;
        if (SkipCorrection) return Finish(xt, k, p, wide);

        // One Sylvester correction of the remaining orthogonal error. If X = polar(A)(I + E), E skew, then
        // H' = XᵀA = (I − E)H and D = H'ᵀ − H' = HE + EH, so in H's eigenbasis Ẽ_ij = D̃_ij/(σ_i + σ_j), and
        // polar(A) = X(I − E) + O(‖E‖²); in Xᵀ storage, Xᵀ ← (I + E)Xᵀ, then re-orthogonalize.
        var hp = new double[k * k];
        Gemm.Multiply(xt, k, p, atArray, transposeB: true, k, hp);          // H' = XᵀA
        var d = new double[k * k];
        for (int j = 0; j < k; j++)
            for (int i = 0; i < k; i++) d[j * k + i] = hp[i * k + j] - hp[j * k + i];
        var vt = evd.EigenVectors.Transpose().ToColumnMajorArray();
        var t = new double[k * k];
        Gemm.Multiply(d, k, k, v, transposeB: false, k, t);                  // D V
        Gemm.Multiply(vt, k, k, t, transposeB: false, k, d);                 // Vᵀ D V
        for (int j = 0; j < k; j++)
            for (int i = 0; i < k; i++) d[j * k + i] /= Math.Sqrt(evd.EigenValues[i].Real) + Math.Sqrt(evd.EigenValues[j].Real);
        Gemm.Multiply(v, k, k, d, transposeB: false, k, t);                  // V Ẽ
        Gemm.Multiply(t, k, k, v, transposeB: true, k, d);                   // E = V Ẽ Vᵀ
        Array.Copy(xt, next, xt.Length);
        Gemm.Multiply(d, k, k, xt, transposeB: false, p, next, beta: 1.0);  // (I + E)Xᵀ
        (xt, next) = (next, xt);
        if (!Refine(ref xt, ref next, s, k, p, MaxRefinements)) return null;
        return Finish(xt, k, p, wide);
    }

    private static Matrix<double> Finish(double[] xt, int k, int p, bool wide)
    {
        var result = Matrix<double>.Build.Dense(k, p, xt);
        return wide ? result : result.Transpose();
    }
}
