using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Numerics;

/// <summary>Small helpers checked against values worked out by hand.</summary>
public sealed class ClosedFormValueTests
{
    [Fact]
    public void Nuclear_norm_is_the_sum_of_the_singular_values()
    {
        // diag(3, −2, 1) has σ = (3, 2, 1): ‖X‖_* = 6 (σ₁ alone would be 3).
        var x = Matrix<double>.Build.DenseOfDiagonalArray([3.0, -2.0, 1.0]);
        Assert.Equal(6.0, MatrixFunctions.NuclearNorm(x), 13);
    }

    [Fact]
    public void Commutator_is_ab_minus_ba()
    {
        // A = [[0, 1], [0, 0]], B = Aᵀ: AB = diag(1, 0), BA = diag(0, 1), so [A, B] = diag(1, −1).
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 0, 0 } });
        var expected = Matrix<double>.Build.DenseOfDiagonalArray([1.0, -1.0]);
        Assert.Equal(expected, MatrixFunctions.Commutator(a, a.Transpose()));
    }

    [Fact]
    public void Column_space_projector_projects_onto_the_columns()
    {
        // X = e₁·(1, 2): column space span(e₁) in R³, so the projector is diag(1, 0, 0).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 0 }, { 0, 0 } });
        var p = MatrixFunctions.ColumnSpaceProjector(x);
        Assert.True((p - Matrix<double>.Build.DenseOfDiagonalArray([1.0, 0.0, 0.0])).FrobeniusNorm() <= 1e-15, p.ToString());
    }

    [Fact]
    public void Exponent_of_the_zero_matrix_is_zero()
    {
        // Documented: 0 for the zero matrix (⌊log₂ 0⌋ is undefined; Math.ILogB(0) would be int.MinValue).
        Assert.Equal(0, BinaryScaling.ExponentOf(Matrix<double>.Build.Dense(2, 3)));
        Assert.Equal(0, BinaryScaling.ExponentOf(Matrix<double>.Build.Sparse(2, 3)));
        Assert.Equal(0, BinaryScaling.Normalize(Matrix<double>.Build.Dense(2, 3)).Exponent);
    }

    [Fact]
    public void Exponent_of_a_sparse_matrix_reads_its_largest_entry()
    {
        // The non-dense path: max |g| = 5 = 1.25·2², so e = 2 (the smallest entry, 2⁻¹⁰, would give −10).
        var g = Matrix<double>.Build.Sparse(3, 3);
        g[0, 1] = 5;
        g[2, 2] = -Math.Pow(2, -10);
        Assert.Equal(2, BinaryScaling.ExponentOf(g));
    }

    [Theory]
    [InlineData(0.0, 3.4445)]
    [InlineData(0.5, 3.4445 + 3 * -4.7750 * 0.25 + 5 * 2.0315 * 0.0625)]
    [InlineData(2.0, 3.4445 + 3 * -4.7750 * 4 + 5 * 2.0315 * 16)]
    public void Quintic_step_derivative_is_a_plus_3bx2_plus_5cx4(double x, double expected)
        => Assert.Equal(expected, new QuinticStep(3.4445, -4.7750, 2.0315).Derivative(x), 12);

    [Fact]
    public void Quintic_step_derivative_matches_a_central_difference()
    {
        // Independent of the formula above: (p(x + h) − p(x − h))/2h has error ≈ h²·|p'''|/6 ≲ 1e-8 with h = 1e-5.
        var p = CoefficientSchedule.PolarExpress.At(0);
        foreach (double x in new[] { 0.1, 0.7, 1.2 })
        {
            const double h = 1e-5;
            double fd = (p.Apply(x + h) - p.Apply(x - h)) / (2 * h);
            Assert.True(Math.Abs(fd - p.Derivative(x)) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"x = {x}: {fd:R} vs {p.Derivative(x):R}");
        }
    }
}
