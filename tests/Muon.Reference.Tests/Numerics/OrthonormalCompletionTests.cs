using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Tests.Numerics;

/// <summary>
/// Basis completion on the inputs where keeping standard basis vectors with a residual above ½ runs out of candidates,
/// and the documented, deterministic choice of completion.
/// </summary>
public sealed class OrthonormalCompletionTests
{
    /// <summary>The 4×4 Hadamard matrix / 2: orthonormal, every entry ±½ (so every residual below is exact in float64).</summary>
    private static readonly Matrix<double> Hadamard = Matrix<double>.Build.DenseOfArray(new double[,]
    {
        { 1, 1, 1, 1 },
        { 1, -1, 1, -1 },
        { 1, 1, -1, -1 },
        { 1, -1, -1, 1 },
    }) / 2;

    /// <summary>The Hadamard columns 0, 1, 3: their complement is spanned by column 2, h = (1, 1, −1, −1)/2.</summary>
    private static Matrix<double> ThreeHadamardColumns() => Matrix<double>.Build.DenseOfColumnVectors(Hadamard.Column(0), Hadamard.Column(1), Hadamard.Column(3));

    // Two Gram–Schmidt passes on a residual of norm ≥ 1/√m keep orthogonality to a few ulps (m·u with room), as for
    // Complete_columns_overwrites_whatever_the_columns_to_fill_hold; an unfilled column would give a defect of 1.
    private static double Bound(int m) => 64 * m * MatrixFunctions.UnitRoundoff;

    private static double OrthogonalityDefect(Matrix<double> f)
        => (f.TransposeThisAndMultiply(f) - Matrix<double>.Build.DenseIdentity(f.ColumnCount)).FrobeniusNorm();

    [Fact]
    public void Complete_of_the_ones_complement_in_R5_is_orthonormal()
    {
        // A basis of 1⊥: every eᵢ has residual 1/√5 < ½ against it, so no standard vector passes the first rule.
        var ones = Matrix<double>.Build.Dense(5, 1, 1 / Math.Sqrt(5));
        var complement = Orthonormal.Complete(ones).SubMatrix(0, 5, 1, 4);
        Assert.True(OrthogonalityDefect(complement) <= Bound(5));
        var full = Orthonormal.Complete(complement);
        Assert.True(OrthogonalityDefect(full) <= Bound(5), $"‖FᵀF − I‖_F = {OrthogonalityDefect(full):R}");
        Assert.Equal(complement, full.SubMatrix(0, 5, 0, 4));
    }

    [Fact]
    public void Complete_of_three_Hadamard_columns_is_orthonormal()
    {
        // Every residual is exactly ½ (not above it).
        var full = Orthonormal.Complete(ThreeHadamardColumns());
        Assert.True(OrthogonalityDefect(full) <= Bound(4), $"‖FᵀF − I‖_F = {OrthogonalityDefect(full):R}");
    }

    [Fact]
    public void Complete_takes_standard_vectors_in_order_while_their_residual_exceeds_one_half()
    {
        // q = (1, 1, 0)/√2: e₀'s residual (1, −1, 0)/2 has norm 0.71 > ½ and comes first, e₁'s is then 0, e₂'s is 1. The
        // largest-residual rule alone would have taken e₂ first.
        var q = Matrix<double>.Build.Dense(3, 1, (i, _) => i < 2 ? 1 / Math.Sqrt(2) : 0);
        var full = Orthonormal.Complete(q);
        Assert.True((full.Column(1) - Vector<double>.Build.Dense([1 / Math.Sqrt(2), -1 / Math.Sqrt(2), 0])).L2Norm() <= Bound(3));
        Assert.Equal(Vector<double>.Build.Dense([0, 0, 1.0]), full.Column(2));
    }

    [Fact]
    public void Complete_takes_the_first_of_equal_largest_residuals()
    {
        // e₀ … e₃ all have residual h·hᵢ of norm ½; the first, e₀, gives +h (e₃ would give −h, since h₃ = −h₀).
        var full = Orthonormal.Complete(ThreeHadamardColumns());
        Assert.Equal(Hadamard.Column(2), full.Column(3));
    }

    [Fact]
    public void Complete_keeps_only_residuals_above_one_half_on_the_first_pass()
    {
        // The three columns padded with a zero fifth row: the complement is span{(h, 0), e₄}. e₀ … e₃ have residual
        // exactly ½ and are passed over; e₄ (residual 1) is kept first, then the largest residual, e₀'s, gives (h, 0).
        var padded = Matrix<double>.Build.Dense(5, 3);
        padded.SetSubMatrix(0, 0, ThreeHadamardColumns());
        var full = Orthonormal.Complete(padded);
        Assert.Equal(Vector<double>.Build.Dense([0, 0, 0, 0, 1.0]), full.Column(3));
        Assert.Equal(Vector<double>.Build.Dense([0.5, 0.5, -0.5, -0.5, 0]), full.Column(4));
        Assert.True(OrthogonalityDefect(full) <= Bound(5));
    }

    [Fact]
    public void Complete_columns_rejects_more_columns_than_rows()
    {
        var e = Assert.Throws<ArgumentException>(() => Orthonormal.CompleteColumns(Matrix<double>.Build.Dense(2, 3), 0));
        Assert.Equal("u", e.ParamName);
        Assert.StartsWith("cannot complete 3 orthonormal columns in R^2.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Complete_columns_rejects_a_filled_count_outside_the_columns(int filled)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Orthonormal.CompleteColumns(Matrix<double>.Build.Dense(4, 3), filled));
        Assert.Equal("filled", e.ParamName);
        Assert.StartsWith("filled must lie in [0, 3].", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_columns_of_a_full_basis_changes_nothing()
    {
        var u = Hadamard.Clone();
        Orthonormal.CompleteColumns(u, 4);
        Assert.Equal(Hadamard, u);
    }

    [Fact]
    public void Complete_columns_names_a_null_matrix()
        => Assert.Equal("u", Assert.Throws<ArgumentNullException>(() => Orthonormal.CompleteColumns(null!, 0)).ParamName);
}
