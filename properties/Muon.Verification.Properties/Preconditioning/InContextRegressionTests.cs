using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Preconditioning;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Preconditioning;

/// <summary>C3 for simplified Muon and GD, with a fixed step, a too-small budget and geometric-step Muon as controls.</summary>
public sealed class InContextRegressionTests(ITestOutputHelper output)
{
    private static readonly OptimizerFactory Muon = Subjects.Muon();

    [Fact]
    public void Muon_needs_O_log_kappa_iterations() => PropertyAssert.Holds(InContextRegressionSpecs.MuonLogKappa(Muon), output);

    [Fact]
    public void Log_kappa_spec_rejects_a_fixed_step() => PropertyAssert.Fails(InContextRegressionSpecs.MuonLogKappa(BrokenSubjects.FixedStep(Muon)), output);

    [Fact]
    public void Log_kappa_spec_rejects_a_too_small_budget()
        // η₀/(1 − ρ) = 0.4·2κ(1 − ρ)/(1 − ρ) = 0.8κ < 1/s_min = κ.
        => PropertyAssert.Fails(InContextRegressionSpecs.MuonLogKappa(BrokenSubjects.ScaledStep(Muon, 0.4)), output);

    [Fact]
    public void Gd_needs_more_than_kappa_cubed_iterations() => PropertyAssert.Holds(InContextRegressionSpecs.GdPolyKappa(Subjects.GradientDescent()), output);

    [Fact]
    public void Gd_poly_kappa_spec_rejects_geometric_step_muon()
        // Constant lr secretly decayed by 0.95ᵗ: budget 0.9/0.05 = 18 ≥ κ = 10, a fast method the claim must reject.
        => PropertyAssert.Fails(InContextRegressionSpecs.GdPolyKappa(BrokenSubjects.HiddenDecay(Muon, 0.95)), output);
}
