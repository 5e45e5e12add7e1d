using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Orthogonalizers;

/// <summary>
/// The exact polar factor <c>polar(G) = U diag(1[σᵢ &gt; τ·σ₁]) Vᵀ</c> from the thin SVD <c>G = U Σ Vᵀ</c>.
/// Singular values at or below the relative threshold τ·σ₁ map to 0, so the rank of G is preserved
/// (an unthresholded <c>U Vᵀ</c> would turn round-off directions of a rank-deficient G into unit ones).
/// The zero matrix maps to the zero matrix. Inputs with κ ≤ 1e5 take a faster path that is as accurate as the SVD,
/// O(u·κ) (<see cref="PolarMethod.Auto"/>: eigen-decomposition of the Gram matrix, Newton–Schulz refinement and one
/// Sylvester correction, see GramPolar); everything else, and <see cref="PolarMethod.Svd"/>, uses the SVD. When the SVD does not converge, <see cref="ThinSvd"/> falls back; on its
/// last fallback (the Gram eigen-decomposition) singular values below ≈ 1e-7·σ₁ cannot be resolved and count as zero.
/// </summary>
public sealed class ExactPolar : ISpectralOrthogonalizer
{
    /// <summary>
    /// Default τ = 1e-12: float64 singular values of a rank-deficient matrix carry absolute noise of about
    /// u·σ₁·√(mn) ≈ 1e-15·σ₁ for the sizes used here, so 1e-12 leaves three orders of margin above the noise
    /// while keeping every genuine singular value of a matrix with κ ≤ 1e11.
    /// </summary>
    public const double DefaultThreshold = 1e-12;

    /// <summary>The exact polar with τ = <see cref="DefaultThreshold"/>.</summary>
    public static ExactPolar Default { get; } = new();

    /// <summary>Creates an exact polar with relative threshold <paramref name="threshold"/> (τ ∈ [0, 1)).</summary>
    public ExactPolar(double threshold = DefaultThreshold, PolarMethod method = PolarMethod.Auto)
    {
        if (!(threshold >= 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "τ must lie in [0, 1).");
        if (!Enum.IsDefined(method))
            throw new ArgumentOutOfRangeException(nameof(method), method, "unknown polar method.");
        Threshold = threshold;
        Method = method;
    }

    /// <summary>How the factor is computed.</summary>
    public PolarMethod Method { get; }

    /// <summary>The relative threshold τ.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public string Name => (Threshold == DefaultThreshold ? "exact-polar" : $"exact-polar(τ={Threshold:R})") + (Method == PolarMethod.Svd ? "[svd]" : "");

    /// <inheritdoc />
    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        Guard.Finite(g, nameof(g));
        var scaled = BinaryScaling.Normalize(g).Scaled; // polar(2^−e·G) = polar(G): no rescaling needed
        if (Method == PolarMethod.Auto && GramPolar.TryCompute(scaled) is { } fast)
            return fast;
        var svd = ThinSvd.Of(scaled);
        double cut = Threshold * svd.S[0];
        if (svd.S[0] == 0)
            return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        return svd.Reconstruct(s => s > cut ? 1.0 : 0.0);
    }

    /// <inheritdoc />
    public double[] SpectralMap(IReadOnlyList<double> singularValues)
    {
        double max = singularValues.Count == 0 ? 0 : singularValues.Max();
        return singularValues.Select(s => max > 0 && s > Threshold * max ? 1.0 : 0.0).ToArray();
    }
}

/// <summary>How <see cref="ExactPolar"/> computes the polar factor.</summary>
public enum PolarMethod
{
    /// <summary>Gram eigen-decomposition with refinement and correction when κ ≤ 1e5, the SVD otherwise (the default).</summary>
    Auto,
    /// <summary>Always the thin SVD.</summary>
    Svd,
}
