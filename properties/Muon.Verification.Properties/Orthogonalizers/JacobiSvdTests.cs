using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Oracles;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>The Jacobi oracle's documented results: sorted σ, orthonormal factors, reconstruction, rank, convergence.</summary>
public sealed class JacobiSvdTests
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    /// <summary>Deterministic dense matrices of several shapes (tall, wide, square).</summary>
    public static TheoryData<int, int> Shapes() => new() { { 7, 3 }, { 3, 7 }, { 6, 6 }, { 1, 4 }, { 4, 1 }, { 12, 12 } };

    private static Matrix<double> Dense(int m, int n)
        => Matrix<double>.Build.Dense(m, n, (i, j) => Math.Sin(1.7 * i + 0.3 * j * j + 1) + 0.1 * (i - j));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Factors_have_documented_shapes_sorted_values_and_reconstruct_the_input(int m, int n)
    {
        var g = Dense(m, n);
        var svd = JacobiSvd.Of(g);
        int k = Math.Min(m, n);
        Assert.Equal(k, svd.S.Count);
        Assert.Equal((m, k), (svd.UFactor.RowCount, svd.UFactor.ColumnCount));
        Assert.Equal((n, k), (svd.V.RowCount, svd.V.ColumnCount));
        for (int i = 1; i < k; i++) Assert.True(svd.S[i - 1] >= svd.S[i], $"σ not sorted at {i}");
        var identity = Matrix<double>.Build.DenseIdentity(k);
        Assert.True((svd.UFactor.TransposeThisAndMultiply(svd.UFactor) - identity).FrobeniusNorm() < 1e-13);
        Assert.True((svd.V.TransposeThisAndMultiply(svd.V) - identity).FrobeniusNorm() < 1e-13);
        Assert.True((svd.Reconstruct(i => svd.S[i]) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm());
    }

    [Fact]
    public void Columns_of_equal_norm_are_rotated_by_forty_five_degrees()
    {
        // Columns (3, 4) and (5, 0): equal norms 5, so ζ = 0; GᵀG = [[25, 15], [15, 25]] has eigenvalues 40 and 10.
        var svd = JacobiSvd.Of(M(new double[,] { { 3, 5 }, { 4, 0 } }));
        Assert.Equal(Math.Sqrt(40), svd.S[0], 1e-13);
        Assert.Equal(Math.Sqrt(10), svd.S[1], 1e-13);
    }

    [Fact]
    public void Matrix_with_orthogonal_columns_needs_no_sweep()
    {
        var svd = JacobiSvd.Of(M(new double[,] { { 0, 2 }, { 3, 0 }, { 0, 0 } }));
        Assert.Equal(0, svd.Sweeps);
        Assert.Equal([3.0, 2.0], svd.S);
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(12, 5)]
    public void Ill_conditioned_matrix_converges_in_several_but_far_fewer_than_eighty_sweeps(int m, int n)
    {
        // Graded columns (scales 1 … 1e-11) with strong coupling need several sweeps; Jacobi converges quadratically.
        var g = Matrix<double>.Build.Dense(m, n, (i, j) => Math.Pow(10, -j) * (1 + Math.Cos(i * 0.9 + j * 1.3)));
        var svd = JacobiSvd.Of(g);
        Assert.InRange(svd.Sweeps, 2, 20);
        Assert.True((svd.Reconstruct(i => svd.S[i]) - g).FrobeniusNorm() < 1e-13 * g.FrobeniusNorm());
    }

    [Fact]
    public void Zero_matrix_has_zero_singular_values_and_finite_factors()
    {
        var svd = JacobiSvd.Of(Matrix<double>.Build.Dense(3, 2));
        Assert.Equal([0.0, 0.0], svd.S);
        Assert.All(svd.UFactor.Enumerate(), x => Assert.Equal(0.0, x));
        Assert.Equal(0, svd.Rank(1e-9));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reconstruct_takes_f_of_a_zero_singular_value_as_zero(bool wide)
    {
        // An exact zero column (row, for the wide case): f(σ) = 1/σ is infinite at σ = 0, and must not turn the result into NaN.
        var g = wide ? M(new double[,] { { 2, 0, 0 }, { 0, 0, 0 } }) : M(new double[,] { { 2, 0, 0 }, { 0, 0, 0 }, { 0, 0, 4 } });
        var svd = JacobiSvd.Of(g);
        var pinvT = svd.Reconstruct(i => 1 / svd.S[i]);
        Assert.All(pinvT.Enumerate(), x => Assert.True(double.IsFinite(x)));
        Assert.Equal(0.5, pinvT[0, 0], 1e-15);
    }

    [Theory]
    [InlineData(0.5, 1)]  // 2 is not above 0.5·4
    [InlineData(0.49, 2)]
    [InlineData(1.0, 0)]  // nothing is above σ₁ itself
    public void Rank_counts_singular_values_strictly_above_the_relative_threshold(double threshold, int rank)
        => Assert.Equal(rank, JacobiSvd.Of(M(new double[,] { { 4, 0 }, { 0, 2 } })).Rank(threshold));

    [Fact]
    public void Non_finite_input_is_rejected()
        => Assert.ThrowsAny<ArgumentException>(() => JacobiSvd.Of(M(new double[,] { { 1, double.NaN } })));

    [Fact]
    public void Reconstruct_rejects_a_null_map()
        => Assert.Throws<ArgumentNullException>(() => JacobiSvd.Of(M(new double[,] { { 1 } })).Reconstruct(null!));
}
