using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Numerics;

/// <summary>Small documented contracts that no larger test pins.</summary>
public sealed class SmallContractsTests
{
    [Fact]
    public void Gemm_product_names_a_null_factor()
    {
        var m = Matrix<double>.Build.DenseIdentity(2);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Gemm.Product(null!, m)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Gemm.Product(m, null!)).ParamName);
    }

    [Fact]
    public void Quadratic_names_a_non_finite_minimizer()
    {
        var w = Matrix<double>.Build.Dense(2, 1, double.PositiveInfinity);
        Assert.Equal("minimizer", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.DenseIdentity(2), w)).ParamName);
    }

    [Fact]
    public void Squared_norm_sums_over_all_parameters()
    {
        var set = ParameterSet.Of(("A", Matrix<double>.Build.Dense(1, 1, 3.0)), ("B", Matrix<double>.Build.Dense(1, 2, 2.0)));
        Assert.Equal(9.0 + 8.0, set.SquaredNorm(), 14);
    }

    [Fact]
    public void Numerical_rank_counts_singular_values_above_the_relative_cut()
    {
        Assert.Equal(0, MatrixFunctions.NumericalRank(Vector<double>.Build.Dense(0), 0.1));
        Assert.Equal(0, MatrixFunctions.NumericalRank(Vector<double>.Build.Dense([0.0, 0.0]), 0.1));
        // Relative to σ₁ = 10: the cut is 1, so 2 counts and 0.5 does not.
        Assert.Equal(2, MatrixFunctions.NumericalRank(Vector<double>.Build.Dense([10.0, 2.0, 0.5]), 0.1));
    }

    [Fact]
    public void Numerical_rank_does_not_count_a_singular_value_at_the_cut()
    {
        // "Above τ·σ₁", strictly: with σ = (2, 1) and τ = 0.5 the cut is exactly 1 (both are exact in binary).
        Assert.Equal(1, MatrixFunctions.NumericalRank(Vector<double>.Build.Dense([2.0, 1.0]), 0.5));
        Assert.Equal(2, MatrixFunctions.NumericalRank(Vector<double>.Build.Dense([2.0, 1.0]), 0.4999));
    }

    [Fact]
    public void Phi_divides_by_the_schedules_input_cushion()
    {
        // Polar Express scales its input by 1/1.01 before the first step (the published cushion).
        var pe = new NewtonSchulz(CoefficientSchedule.PolarExpress, 1);
        double y = 0.5 / 1.01;
        Assert.Equal(CoefficientSchedule.PolarExpress.At(0).Apply(y), pe.Phi(0.5), 15);
    }
}
