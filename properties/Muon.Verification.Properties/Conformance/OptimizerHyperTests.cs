using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// One hyper-parameters → options mapping (<see cref="OptimizerHyper.ToOptions"/>), used by the served reference
/// (<see cref="ServedOptimizer.Muon"/>), the CLI's loaded optimizers and the optimizer level's reference trajectory.
/// </summary>
public sealed class OptimizerHyperTests
{
    public static TheoryData<double, double, bool, double> Hypers() => new()
    {
        { 0.02, 0.0, false, 0.0 },
        { 0.1, 0.95, true, 0.01 },
        { 1e-3, 0.5, false, 0.1 },
    };

    [Theory]
    [MemberData(nameof(Hypers))]
    public void The_mapping_sets_a_constant_step_and_copies_every_hyper_parameter(double lr, double beta, bool nesterov, double wd)
    {
        var hyper = new OptimizerHyper(lr, beta, nesterov, wd);
        foreach (var convention in new[] { MomentumConvention.Ema, MomentumConvention.HeavyBall })
        {
            var options = hyper.ToOptions(convention);
            Assert.Equal(StepSize.Constant(lr), options.StepSize);
            Assert.Equal(beta, options.Momentum);
            Assert.Equal(convention, options.Convention);
            Assert.Equal(nesterov, options.Nesterov);
            Assert.Equal(wd, options.WeightDecay);
            Assert.Null(options.StepSizeMultipliers);
            Assert.Same(options, options.Validate());
        }
        Assert.Equal(MomentumConvention.Ema, hyper.ToOptions().Convention);
    }

    [Theory]
    [MemberData(nameof(Hypers))]
    public void The_mapping_gives_the_options_the_three_former_call_sites_built(double lr, double beta, bool nesterov, double wd)
    {
        var hyper = new OptimizerHyper(lr, beta, nesterov, wd);
        // ServedOptimizer.Muon and the CLI's AssemblyOptimizer.Create: EMA momentum, λ as sent.
        var served = new OptimizerOptions { StepSize = StepSize.Constant(lr), Momentum = beta, Convention = MomentumConvention.Ema, Nesterov = nesterov, WeightDecay = wd };
        Assert.Equal(served, hyper.ToOptions());
        var muon = Assert.IsType<MuonOptimizer>(ServedOptimizer.Muon(ShapeScale.Rms02, "rms-0.2").Create(hyper, ExactPolar.Default));
        Assert.Equal(served, muon.Options);
        Assert.Equal(ShapeScale.Rms02, muon.Scale);
        // OptimizerConformance's reference trajectory: the measured momentum convention, λ only when decay is decoupled.
        foreach (bool decoupled in new[] { true, false })
        {
            var reference = new OptimizerOptions { StepSize = StepSize.Constant(lr), Momentum = beta, Convention = MomentumConvention.HeavyBall, Nesterov = nesterov, WeightDecay = decoupled ? wd : 0 };
            Assert.Equal(reference, (hyper with { WeightDecay = decoupled ? wd : 0 }).ToOptions(MomentumConvention.HeavyBall));
        }
    }
}
