using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using static Muon.Verification.Specs.SpecSupport;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// A run of a subject on <c>L(W) = ½‖W‖²_F</c> (a <see cref="Quadratic"/> with A = I) with its measured spectra and
/// the accumulated round-off bound δ_t on each singular value (used by every B1/B2 tolerance).
/// </summary>
internal sealed record GridOrbit(IReadOnlyList<Matrix<double>> W, double[][] Sigma, double[] Delta, double[] Loss)
{
    /// <summary>
    /// Runs <paramref name="steps"/> steps. δ_t = B·(‖W₀‖_F + ‖W_t‖_F + 3Σ_{j&lt;t}(‖W_j‖_F + a_j√k)) with
    /// B = <see cref="SpecSupport.Backward"/>(m, n): the SVDs that measure σ(W₀) and σ(W_t) are backward stable
    /// (Weyl: σ moves by ≤ ‖ΔW‖₂ ≤ B‖W‖_F), and each step W − aP commits the polar's SVD backward error, the
    /// non-orthonormality of the computed factors (singular values of Û D V̂ᵀ are dᵢ(1 ± 2B)) and the rounding of
    /// the update, together ≤ 3B(‖W‖_F + a√k); the scalar maps s ↦ |s − a·f| are 1-Lipschitz (B1), so errors add.
    /// <paramref name="u"/> is the unit roundoff of the subject's arithmetic (float64 by default; 2⁻²⁴ for a float32
    /// implementation, whose iterates are float32 values that the oracle then measures in float64).
    /// </summary>
    public static GridOrbit Run(IOptimizer optimizer, Matrix<double> w0, int steps, Func<int, double> stepAt, string context, double u = Laws.Tolerances.U)
    {
        var objective = Quadratic.Centered(Matrix<double>.Build.DenseIdentity(w0.RowCount), w0.ColumnCount);
        var w = Iterates(objective, optimizer, Quadratic.W, w0, steps, context);
        int m = w0.RowCount, n = w0.ColumnCount, k = Math.Min(m, n);
        double b = Laws.Tolerances.Backward(m, n, u);
        var sigma = new double[w.Count][];
        var delta = new double[w.Count];
        var loss = new double[w.Count];
        double accumulated = 0, initial = w[0].FrobeniusNorm();
        for (int t = 0; t < w.Count; t++)
        {
            double norm = w[t].FrobeniusNorm();
            sigma[t] = SpecSupport.Sigma(w[t]);
            delta[t] = b * (initial + norm + accumulated);
            loss[t] = objective.Loss(Quadratic.Parameters(w[t]));
            accumulated += 3 * (norm + stepAt(t) * Math.Sqrt(k));
        }
        return new GridOrbit(w, sigma, delta, loss);
    }

    /// <summary>
    /// Bound on |L̂_t − L(exact σ)| for L = ½Σσᵢ²: δ_t·Σσ̂ᵢ + ½kδ_t² from the singular values, plus the
    /// summation error of the mn-term inner product, mn·u·L̂.
    /// </summary>
    public double LossError(int t)
    {
        double d = Delta[t];
        int mn = W[t].RowCount * W[t].ColumnCount;
        return d * Sigma[t].Sum() + 0.5 * Sigma[t].Length * d * d + mn * Laws.Tolerances.U * Loss[t];
    }
}
