namespace Muon.Verification.Generators;

/// <summary>Which shapes a generator draws.</summary>
public enum Aspect
{
    /// <summary>Rows and columns independent.</summary>
    Any,
    /// <summary>Rows = columns.</summary>
    Square,
    /// <summary>Rows ≥ columns.</summary>
    Tall,
    /// <summary>Rows ≤ columns.</summary>
    Wide,
}

/// <summary>Ranges for <see cref="MatrixGenerators.Matrices"/>.</summary>
public sealed record MatrixGenOptions
{
    /// <summary>Smallest dimension drawn.</summary>
    public int MinDim { get; init; } = 1;

    /// <summary>Largest dimension drawn.</summary>
    public int MaxDim { get; init; } = 12;

    /// <summary>Shape constraint.</summary>
    public Aspect Aspect { get; init; } = Aspect.Any;

    /// <summary>Largest condition number κ = σ₁/σ_r (log-uniform in [1, MaxKappa]).</summary>
    public double MaxKappa { get; init; } = 1e3;

    /// <summary>Whether rank may be below min(m, n) (exact zero singular values).</summary>
    public bool AllowRankDeficient { get; init; } = true;

    /// <summary>Smallest rank drawn (e.g. 2 to exclude rank-1 inputs, on which G/‖G‖_F equals the polar factor).</summary>
    public int MinRank { get; init; } = 1;

    /// <summary>log10 range of the scale σ₁.</summary>
    public (double Lo, double Hi) ScaleLog10 { get; init; } = (-2, 2);

    /// <summary>Throws naming the inconsistent range.</summary>
    public MatrixGenOptions Validate()
    {
        if (MinDim < 1 || MaxDim < MinDim) throw new ArgumentException($"dimension range [{MinDim}, {MaxDim}] is empty or below 1.");
        if (MinRank < 1 || MinRank > MaxDim) throw new ArgumentException($"MinRank {MinRank} must lie in [1, MaxDim={MaxDim}].");
        if (!(MaxKappa >= 1)) throw new ArgumentException($"MaxKappa {MaxKappa} must be ≥ 1.");
        if (!(ScaleLog10.Lo <= ScaleLog10.Hi)) throw new ArgumentException("ScaleLog10 range is empty.");
        return this;
    }
}
