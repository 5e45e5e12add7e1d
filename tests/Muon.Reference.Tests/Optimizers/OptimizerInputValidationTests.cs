using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Optimizers;

public sealed class OptimizerInputValidationTests
{
    private static readonly ParameterSet W = ParameterSet.Of(("W", Ones(3, 2)));

    public static TheoryData<string> Optimizers() => new() { "gd", "muon", "gd-ema", "muon-heavy-ball" };

    private static MomentumOptimizer Make(string name)
    {
        var plain = new OptimizerOptions { StepSize = StepSize.Constant(0.1) };
        return name switch
        {
            "gd" => new GradientDescent(plain),
            "muon" => new MuonOptimizer(plain),
            "gd-ema" => new GradientDescent(plain with { Momentum = 0.9, Convention = MomentumConvention.Ema }),
            _ => new MuonOptimizer(plain with { Momentum = 0.9, Convention = MomentumConvention.HeavyBall }),
        };
    }

    [Fact]
    public void Null_options_are_rejected()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new GradientDescent(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new MuonOptimizer(null!)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Start_rejects_null_parameters(string name)
    {
        var e = Assert.Throws<ArgumentNullException>(() => Make(name).Start(null!));
        Assert.Equal("parameters", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Start_rejects_NaN_parameters_naming_them(string name)
    {
        var bad = ParameterSet.Of(("W", Matrix<double>.Build.Dense(3, 2, (i, j) => i == 1 && j == 0 ? double.NaN : 1)));
        var e = Assert.Throws<ArgumentException>(() => Make(name).Start(bad));
        Assert.Equal("parameters['W']", e.ParamName);
        Assert.StartsWith("parameters['W'] has NaN at (1, 0)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_rejects_null_arguments_naming_each(string name)
    {
        var o = Make(name);
        var state = o.Start(W);
        Assert.Equal("parameters", Assert.Throws<ArgumentNullException>(() => o.Step(null!, W, state)).ParamName);
        Assert.Equal("gradients", Assert.Throws<ArgumentNullException>(() => o.Step(W, null!, state)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => o.Step(W, W, null!)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_rejects_gradients_of_another_layout_naming_gradients(string name)
    {
        var o = Make(name);
        var g = ParameterSet.Of(("W", Ones(3, 3)));
        var e = Assert.Throws<ArgumentException>(() => o.Step(W, g, o.Start(W)));
        Assert.Equal("gradients", e.ParamName);
        Assert.StartsWith("gradients: 'W' is 3×3 but 3×2 was expected", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gd-ema")]
    [InlineData("muon-heavy-ball")]
    public void Step_rejects_a_momentum_buffer_of_another_layout(string name)
    {
        var o = Make(name);
        var stale = o.Start(ParameterSet.Of(("W", Ones(2, 2))));
        var e = Assert.Throws<ArgumentException>(() => o.Step(W, W, stale));
        Assert.Equal("state.Momentum", e.ParamName);
        Assert.StartsWith("state.Momentum: 'W' is 2×2 but 3×2 was expected", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gd-ema")]
    [InlineData("muon-heavy-ball")]
    public void Step_without_a_momentum_buffer_says_to_call_start(string name)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Make(name).Step(W, W, OptimizerState.Initial()));
        Assert.Contains("state has no buffer", e.Message, StringComparison.Ordinal);
    }

    private sealed class WrongShape : IOrthogonalizer
    {
        public string Name => "wrong-shape";

        public Matrix<double> Orthogonalize(Matrix<double> g) => Matrix<double>.Build.Dense(g.RowCount, g.RowCount);
    }

    [Fact]
    public void Muon_reports_an_orthogonalizer_that_changes_one_dimension()
    {
        var o = MuonOptimizer.WithStepSize(0.1, new WrongShape());
        var e = Assert.Throws<InvalidOperationException>(() => o.Step(W, W, o.Start(W)));
        Assert.Contains("orthogonalizer 'wrong-shape' returned 3×3 for the 3×2 input of 'W'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_shape_scale_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ((ShapeScale)99).Factor(3, 2));
        Assert.Equal("scale", e.ParamName);
        Assert.Contains("unknown shape scale", e.Message, StringComparison.Ordinal);
    }
}
