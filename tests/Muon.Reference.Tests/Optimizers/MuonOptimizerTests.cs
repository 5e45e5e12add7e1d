using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Optimizers;

public sealed class MuonOptimizerTests
{
    private static Matrix<double> Polar(Matrix<double> g) => ExactPolar.Default.Orthogonalize(g);

    private static (ParameterSet P, ParameterSet G1, ParameterSet G2) Data()
    {
        var rng = new Rng(5);
        return (ParameterSet.Of(("W", MatrixFunctions.Gaussian(4, 3, 1, rng))),
                ParameterSet.Of(("W", MatrixFunctions.Gaussian(4, 3, 1, rng))),
                ParameterSet.Of(("W", MatrixFunctions.Gaussian(4, 3, 1, rng))));
    }

    private static void Close(Matrix<double> expected, Matrix<double> actual)
        // Same operations in a different association order: agreement to a few ulps of the entries (≤ 10).
        => Assert.True((expected - actual).FrobeniusNorm() < 1e-13, $"difference {(expected - actual).FrobeniusNorm():R}");

    [Fact]
    public void Step_uses_the_orthogonalizer_it_was_given()
    {
        // Three Keller steps are far from the polar factor (φ₃ ≠ 1), so the step tells the two apart.
        var (p, g, _) = Data();
        var ns = new NewtonSchulz(CoefficientSchedule.KellerQuintic, 3);
        var muon = MuonOptimizer.WithStepSize(0.1, ns);
        Assert.Same(ns, muon.Orthogonalizer);
        var step = muon.Step(p, g, muon.Start(p));
        Close(p["W"] - 0.1 * ns.Orthogonalize(g["W"]), step.Parameters["W"]);
        Assert.True((p["W"] - 0.1 * Polar(g["W"]) - step.Parameters["W"]).FrobeniusNorm() > 1e-3);
    }

    [Fact]
    public void Momentum_free_step_is_p_minus_eta_polar_g()
    {
        var (p, g, _) = Data();
        var muon = MuonOptimizer.WithStepSize(0.1);
        var step = muon.Step(p, g, muon.Start(p));
        Close(p["W"] - 0.1 * Polar(g["W"]), step.Parameters["W"]);
        Assert.Equal(1, step.State.T);
        Assert.Null(step.State.Momentum);
    }

    [Theory]
    [InlineData(MomentumConvention.Ema, false)]
    [InlineData(MomentumConvention.Ema, true)]
    [InlineData(MomentumConvention.HeavyBall, false)]
    [InlineData(MomentumConvention.HeavyBall, true)]
    public void Two_steps_follow_the_declared_momentum_convention(MomentumConvention convention, bool nesterov)
    {
        var (p, g1, g2) = Data();
        const double beta = 0.9, eta = 0.05;
        var muon = new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(eta), Momentum = beta, Convention = convention, Nesterov = nesterov });
        var s1 = muon.Step(p, g1, muon.Start(p));
        var s2 = muon.Step(s1.Parameters, g2, s1.State);

        Matrix<double> m = Matrix<double>.Build.Dense(4, 3), w = p["W"];
        foreach (var g in new[] { g1["W"], g2["W"] })
        {
            m = convention == MomentumConvention.Ema ? beta * m + (1 - beta) * g : beta * m + g;
            var input = !nesterov ? m : convention == MomentumConvention.Ema ? (1 - beta) * g + beta * m : g + beta * m;
            w = w - eta * Polar(input);
        }
        Close(w, s2.Parameters["W"]);
        Close(m, s2.State.Momentum!["W"]);
    }

    [Fact]
    public void Decoupled_weight_decay_with_zero_gradient_scales_parameters()
    {
        var (p, _, _) = Data();
        var muon = new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1), WeightDecay = 0.01 });
        var step = muon.Step(p, p.ZerosLike(), muon.Start(p));
        Close(p["W"] * (1 - 0.1 * 0.01), step.Parameters["W"]);
    }

    [Fact]
    public void Weight_decay_applies_to_the_parameter_before_the_update()
    {
        // Decoupled: p ← p(1 − ηλ) − η·polar(g). Decaying after the update, (p − η·polar(g))(1 − ηλ), differs by
        // η²λ·polar(g): with η = 0.1, λ = 0.5 that is 5e-3·‖polar(g)‖ — far above the 1e-13 agreement asked.
        var (p, g, _) = Data();
        var muon = new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1), WeightDecay = 0.5 });
        Close(p["W"] * (1 - 0.1 * 0.5) - 0.1 * Polar(g["W"]), muon.Step(p, g, muon.Start(p)).Parameters["W"]);
    }

    [Theory]
    [InlineData(ShapeScale.None, 1.0)]
    [InlineData(ShapeScale.SqrtMax1RowsOverCols, 1.1547005383792515)]
    [InlineData(ShapeScale.Rms02, 0.4)]
    [InlineData(ShapeScale.SqrtRowsOverCols, 1.1547005383792515)]
    [InlineData(ShapeScale.SqrtMaxRowsCols, 2.0)]
    public void Shape_scale_multiplies_the_update(ShapeScale scale, double factor)
    {
        var (p, g, _) = Data(); // 4×3: rows/cols = 4/3
        var muon = new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1) }, scale: scale);
        Close(p["W"] - 0.1 * factor * Polar(g["W"]), muon.Step(p, g, muon.Start(p)).Parameters["W"]);
        Assert.Equal(factor, scale.Factor(4, 3), 15);
    }

    [Fact]
    public void Step_size_multiplier_applies_per_parameter()
    {
        var rng = new Rng(8);
        var p = ParameterSet.Of(("P", MatrixFunctions.Gaussian(3, 2, 1, rng)), ("Q", MatrixFunctions.Gaussian(5, 2, 1, rng)));
        var g = p.Map((_, m) => MatrixFunctions.Gaussian(m.RowCount, m.ColumnCount, 1, rng));
        var gd = new GradientDescent(new OptimizerOptions { StepSize = StepSize.Constant(0.1), StepSizeMultipliers = new Dictionary<string, double> { ["Q"] = 1.1 } });
        var next = gd.Step(p, g, gd.Start(p)).Parameters;
        Close(p["P"] - 0.1 * g["P"], next["P"]);
        Close(p["Q"] - 0.11 * g["Q"], next["Q"]);
    }

    [Fact]
    public void Inputs_are_not_mutated()
    {
        var (p, g, _) = Data();
        var before = (p["W"].Clone(), g["W"].Clone());
        var muon = MuonOptimizer.WithStepSize(0.3, NewtonSchulz.KellerQuintic());
        muon.Step(p, g, muon.Start(p));
        Assert.Equal(before.Item1, p["W"]);
        Assert.Equal(before.Item2, g["W"]);
    }

    [Fact]
    public void Bad_gradients_are_named()
    {
        var (p, g, _) = Data();
        var muon = MuonOptimizer.WithStepSize(0.1);
        var nan = g.Map((_, m) => { var c = m.Clone(); c[1, 2] = double.NaN; return c; });
        var e1 = Assert.Throws<ArgumentException>(() => muon.Step(p, nan, muon.Start(p)));
        Assert.Contains("gradients['W'] has NaN at (1, 2)", e1.Message, StringComparison.Ordinal);
        var wrong = ParameterSet.Of(("W", Matrix<double>.Build.Dense(3, 4)));
        var e2 = Assert.Throws<ArgumentException>(() => muon.Step(p, wrong, muon.Start(p)));
        Assert.Contains("'W' is 3×4 but 4×3 was expected", e2.Message, StringComparison.Ordinal);
        var renamed = ParameterSet.Of(("V", g["W"]));
        Assert.Contains("'V' but 'W'", Assert.Throws<ArgumentException>(() => muon.Step(p, renamed, muon.Start(p))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1), Momentum = 1.0, Convention = MomentumConvention.Ema }));
        var ignored = Assert.Throws<ArgumentException>(() => new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1), Momentum = 0.9 }));
        Assert.Contains("no effect with Convention = None", ignored.Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => new MuonOptimizer(new OptimizerOptions { StepSize = StepSize.Constant(0.1), Nesterov = true }));
        Assert.Contains("Nesterov", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StepSize.Constant(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => StepSize.Geometric(0.1, 1.5));
        Assert.Throws<ArgumentException>(() => ParameterSet.Of(("W", Matrix<double>.Build.Dense(1, 1)), ("W", Matrix<double>.Build.Dense(1, 1))));
    }
}
