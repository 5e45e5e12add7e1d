using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Preconditioning;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Preconditioning;

/// <summary>C1 for simplified Muon and GD, with a fixed step, a too-small budget and Muon-as-GD as controls.</summary>
public sealed class KappaFreeTests(ITestOutputHelper output)
{
    private static readonly OptimizerFactory Muon = Subjects.Muon();

    [Fact]
    public void Muon_iterations_are_kappa_free() => PropertyAssert.Holds(KappaFreeSpecs.MuonIterationsKappaFree(Muon), output);

    [Fact]
    public void Kappa_free_spec_rejects_a_fixed_step() => PropertyAssert.Fails(KappaFreeSpecs.MuonIterationsKappaFree(BrokenSubjects.FixedStep(Muon)), output);

    [Fact]
    public void Kappa_free_spec_rejects_a_too_small_budget()
        // η₀/(1 − ρ) = 0.2·0.2/(1 − ρ) ∈ [0.4, 0.8] < √λ_max = 1 for ρ ∈ [0.9, 0.95].
        => PropertyAssert.Fails(KappaFreeSpecs.MuonIterationsKappaFree(BrokenSubjects.ScaledStep(Muon, 0.2)), output);

    [Fact]
    public void Gd_iterations_grow_with_kappa() => PropertyAssert.Holds(KappaFreeSpecs.GdIterationsGrowWithKappa(Subjects.GradientDescent()), output);

    [Fact]
    public void Gd_slowness_spec_rejects_geometric_step_muon()
        // Constant lr secretly decayed by 0.9ᵗ: a fast (preconditioned) method the claim must reject.
        => PropertyAssert.Fails(KappaFreeSpecs.GdIterationsGrowWithKappa(BrokenSubjects.HiddenDecay(Muon, 0.9)), output);
}
