using System.Runtime.CompilerServices;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Laws;

/// <summary>
/// Tolerances with their derivations. Every bound is of the form (backward error of the computation) ×
/// (condition of the quantity), with named constants; none is tuned to make a test pass.
/// </summary>
public static class Tolerances
{
    /// <summary>Unit roundoff of float64, u = 2⁻⁵³.</summary>
    public const double U = 1.1102230246251565e-16;

    /// <summary>Unit roundoff of float32, u = 2⁻²⁴ (IEEE 754 binary32: 24-bit significand, round to nearest).</summary>
    public const double UFloat32 = 5.9604644775390625e-8;

    /// <summary>
    /// The unit roundoff of a protocol dtype: <c>float64</c> (or undeclared) 2⁻⁵³, <c>float32</c> 2⁻²⁴; null for a dtype
    /// whose tolerances are not derived (<c>bfloat16</c>: 8-bit significand, u = 2⁻⁸ — the first-order bounds below
    /// exceed the quantities they bound, so no meaningful law tolerance follows from them).
    /// </summary>
    public static double? UnitRoundoff(string? dtype) => dtype switch
    {
        null or "float64" => U,
        "float32" => UFloat32,
        _ => null,
    };

    /// <summary>
    /// Normwise relative backward error of a float64 SVD, matrix product or Newton–Schulz step on an m×n
    /// matrix: a "small multiple of max(m, n)·u" (Golub &amp; Van Loan §8.6, Higham §3.5); the multiple is
    /// taken as 8, the conventional safety factor for Householder/Givens-based algorithms. <paramref name="u"/> is the
    /// unit roundoff of the arithmetic (default float64); rounding a float64 input to the implementation's dtype is a
    /// relative perturbation ≤ u per entry, already of this form.
    /// </summary>
    public static double Backward(int m, int n, double u = U) => 8.0 * Math.Max(m, n) * u;

    /// <summary>
    /// Frobenius-norm error of a computed exact polar factor of a rank-r matrix with κ = σ₁/σ_r:
    /// the polar factor moves by at most 4‖ΔG‖_F/σ_r under a perturbation ΔG (Li's bound, with the
    /// rectangular and rank-deficient terms), and ‖ΔG‖_F ≤ Backward·‖G‖_F ≤ Backward·√r·σ₁.
    /// </summary>
    public static double PolarForward(int m, int n, int rank, double kappa, double u = U) => 4.0 * Math.Sqrt(rank) * kappa * Backward(m, n, u);

    /// <summary>
    /// Frobenius-norm error of a computed Newton–Schulz output on an m×n matrix: each step commits a relative
    /// error of at most Backward·(|a|+|b|+|c|) on an iterate of Frobenius norm ≤ y_max·√k, which the remaining
    /// steps amplify by at most their Lipschitz constants on the image interval (see <see cref="NewtonSchulzGrowth"/>).
    /// </summary>
    public static double NewtonSchulzForward(NewtonSchulz ns, int m, int n, double u = U)
        => NewtonSchulzGrowth(ns) * Backward(m, n, u) * Math.Sqrt(Math.Min(m, n)); // NewtonSchulzGrowth rejects a null ns

    /// <summary>
    /// Σₖ (|aₖ|+|bₖ|+|cₖ|)·max(1, yₖ)·Aₖ + y₀·A₀, where yₖ bounds the singular values entering step k and
    /// Aₖ = sup over x of Πⱼ₌ₖ₊₁ |pⱼ'(yⱼ(x))| is the first-order amplification, by the remaining steps, of an
    /// error committed at step k along the actual trajectory yⱼ(x) of each normalized input x ∈ [0, 1]
    /// (4001-point grid; inputs are divided by ‖G‖_F, so σ/‖G‖_F ≤ 1). The y₀·A₀ term carries the input
    /// normalization's own rounding. Cached per instance (the grid walk costs O(grid × steps)).
    /// </summary>
    public static double NewtonSchulzGrowth(NewtonSchulz ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return GrowthCache.GetValue(ns, k => new StrongBox<double>(ComputeGrowth(k))).Value;
    }

    private static readonly ConditionalWeakTable<NewtonSchulz, StrongBox<double>> GrowthCache = [];

    private static double ComputeGrowth(NewtonSchulz ns)
    {
        const int grid = 4001;
        int steps = ns.Steps;
        var amplification = new double[steps + 1]; // amplification[k]: of an error entering step k (k = steps: none left, 0 here, read as max(1, ·) = 1 below)
        var entering = new double[steps];
        var derivative = new double[steps];
        for (int i = 0; i < grid; i++)
        {
            double y = (double)i / (grid - 1) / ns.Schedule.InputCushion;
            for (int k = 0; k < steps; k++)
            {
                var p = ns.Schedule.At(k);
                entering[k] = Math.Max(entering[k], Math.Abs(y));
                derivative[k] = Math.Abs(p.Derivative(y));
                y = p.Apply(y);
            }
            double suffix = 1;
            for (int k = steps - 1; k >= 0; k--)
            {
                suffix *= derivative[k];
                amplification[k] = Math.Max(amplification[k], suffix);
            }
        }
        double total = entering[0] * amplification[0]; // steps ≥ 1 (NewtonSchulz validates it)
        for (int k = 0; k < steps; k++)
        {
            var p = ns.Schedule.At(k);
            total += (Math.Abs(p.A) + Math.Abs(p.B) + Math.Abs(p.C)) * Math.Max(1, entering[k]) * Math.Max(1, amplification[k + 1]);
        }
        return total;
    }

    /// <summary>The forward error of one evaluation of a built-in orthogonalizer on a case (absolute, Frobenius), in arithmetic with unit roundoff <paramref name="u"/>.</summary>
    public static double Forward(ISpectralOrthogonalizer declared, int m, int n, int rank, double kappa, double u = U) => declared switch
    {
        NewtonSchulz ns => NewtonSchulzForward(ns, m, n, u),
        _ => PolarForward(m, n, rank, kappa, u),
    };

    /// <summary>
    /// Comparing two evaluations (e.g. O(AG) and A·O(G)): each side carries <see cref="Forward"/>, and the
    /// transform itself (a float64 product or negation) perturbs the input by at most Backward·‖G‖, which is
    /// already of the same form; hence 3× Forward.
    /// </summary>
    public static double Comparison(ISpectralOrthogonalizer declared, int m, int n, int rank, double kappa, double u = U)
        => 3 * Forward(declared, m, n, rank, kappa, u);

    /// <summary>
    /// What a declared eps in the Newton–Schulz normalizer G/(c_F‖G‖_F + eps) costs the scale law O(sG) = O(G) on an m×n
    /// input of Frobenius norm <paramref name="norm"/>, scaled by <paramref name="scale"/> &gt; 0: the normalized singular values
    /// of G and sG differ relatively by at most δ = eps/(min(1, s)·c_F·‖G‖_F) (the smaller of the two norms sets it), which the
    /// iteration amplifies by at most <see cref="NewtonSchulzGrowth"/>, on each of the k = min(m, n) singular values:
    /// growth·δ·√k. Zero for an exact polar factor, for eps = 0 (exact scale invariance) and for a zero input (both sides
    /// are exactly 0, where δ would be infinite).
    /// </summary>
    public static double EpsAllowance(ISpectralOrthogonalizer declared, int m, int n, double norm, double scale)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (!(norm >= 0)) throw new ArgumentOutOfRangeException(nameof(norm), norm, "the Frobenius norm must be ≥ 0 (and not NaN).");
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be > 0 (and not NaN).");
        return norm > 0 && declared is NewtonSchulz { Eps: > 0 } ns
            ? NewtonSchulzGrowth(ns) * ns.Eps / (Math.Min(1, scale) * ns.Schedule.InputCushion * norm) * Math.Sqrt(Math.Min(m, n))
            : 0;
    }

    /// <summary>
    /// Relative threshold separating genuine from round-off singular values in the oracle's rank count:
    /// generated spectra have σ_r ≥ σ₁/κ with κ ≤ 1e4 while exact zeros come out of a float64 Jacobi SVD
    /// at ≲ √k·u·σ₁ ≈ 1e-15·σ₁; 1e-9 lies five orders from either side.
    /// </summary>
    public const double RankThreshold = 1e-9;

    /// <summary>
    /// The rank threshold for an output computed with unit roundoff <paramref name="u"/>: the round-off singular values
    /// of a computed partial isometry (k ≤ 12 columns) lie at ≲ √k·u ≤ 4u relative, genuine ones of generated inputs at
    /// ≥ 1e-4 (κ ≤ 1e4); the threshold is their geometric mean √(1e-4·4u), and never below <see cref="RankThreshold"/>
    /// (float64 keeps 1e-9; float32 gives 4.9e-6).
    /// </summary>
    public static double RankThresholdFor(double u) => Math.Max(RankThreshold, Math.Sqrt(1e-4 * 4 * u));
}
