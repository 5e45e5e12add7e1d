using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Optimizers;

/// <summary>Names that appear in reports and snapshots, and the messages of lookups and shape checks.</summary>
public sealed class OptimizerNamingTests
{
    [Fact]
    public void Optimizers_name_themselves_and_their_orthogonalizer()
    {
        Assert.Equal("gd", GradientDescent.WithStepSize(0.1).Name);
        Assert.Equal("muon[exact-polar]", MuonOptimizer.WithStepSize(0.1).Name);
        Assert.Equal("muon[newton-schulz:cubic×3]", MuonOptimizer.WithStepSize(0.1, NewtonSchulz.Cubic(3)).Name);
    }

    [Fact]
    public void A_missing_parameter_is_named_with_the_ones_present()
    {
        var set = ParameterSet.Of(("P", Matrix<double>.Build.Dense(1, 1)), ("Q", Matrix<double>.Build.Dense(1, 1)));
        var e = Assert.Throws<KeyNotFoundException>(() => set["W"]);
        Assert.Equal("no parameter named 'W' (have: P, Q).", e.Message);
    }

    [Theory]
    [InlineData(false, "cannot multiply 2×3 by 4×5.")]
    [InlineData(true, "cannot multiply 2×3 by (4×5)ᵀ.")]
    public void Gemm_product_names_both_shapes_on_a_mismatch(bool transposeB, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Product(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(4, 5), transposeB));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Factor_metrics_name_both_shapes_when_the_widths_differ()
    {
        var e = Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.Delta2(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(3, 5)));
        Assert.Equal("q", e.ParamName);
        Assert.StartsWith("P is 4×2 and Q is 3×5: the widths (columns) differ.", e.Message);
    }
}
