using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>Small hand-written subjects, each breaking (or keeping) specific orthogonalizer laws.</summary>
internal sealed class LawSubject(string name, Func<Matrix<double>, Matrix<double>> map) : IOrthogonalizer
{
    public string Name => name;

    public Matrix<double> Orthogonalize(Matrix<double> g) => map(g);

    /// <summary>O(G) = G: odd and equivariant, but not scale invariant, not a partial isometry, ⟨G, G⟩ ≠ ‖G‖_*.</summary>
    public static LawSubject Identity { get; } = new("identity", g => g.Clone());

    /// <summary>The lower triangle: L(Gᵀ) ≠ L(G)ᵀ, so it breaks transpose equivariance.</summary>
    public static LawSubject Lower { get; } = new("lower", g => g.LowerTriangle());

    /// <summary>Entrywise |G|: not odd.</summary>
    public static LawSubject Abs { get; } = new("abs", g => g.PointwiseAbs());

    /// <summary>Entrywise sign(G): odd and transpose-equivariant, not orthogonally equivariant.</summary>
    public static LawSubject Sign { get; } = new("sign", g => g.PointwiseSign());

    /// <summary>The all-ones matrix: rank 1 whatever G is.</summary>
    public static LawSubject Ones { get; } = new("ones", g => Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, 1.0));

    /// <summary>The zero matrix: satisfies O(−G) = −O(G) exactly (difference exactly 0).</summary>
    public static LawSubject Zero { get; } = new("zero", g => Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount));

    /// <summary>O(0) is all ones except an exact 0 at [0, 0]; polar elsewhere.</summary>
    public static LawSubject OnesOnZero { get; } = new("ones-on-zero", g => g.FrobeniusNorm() > 0
        ? ExactPolar.Default.Orthogonalize(g)
        : Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, (i, j) => i == 0 && j == 0 ? 0 : 1));

    /// <summary>Returns null (a contract breach, not a law failure).</summary>
    public static LawSubject Null { get; } = new("null", _ => null!);

    /// <summary>Zeros with one extra row: the wrong shape in one dimension only.</summary>
    public static LawSubject ExtraRow { get; } = new("extra-row", g => Matrix<double>.Build.Dense(g.RowCount + 1, g.ColumnCount));

    /// <summary>Zeros with one extra column.</summary>
    public static LawSubject ExtraColumn { get; } = new("extra-column", g => Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount + 1));

    /// <summary>The exact polar factor with one NaN entry.</summary>
    public static LawSubject OneNaN { get; } = new("one-nan", g =>
    {
        var o = ExactPolar.Default.Orthogonalize(g);
        o[0, 0] = double.NaN;
        return o;
    });
}
