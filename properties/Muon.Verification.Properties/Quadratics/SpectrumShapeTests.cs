using Muon.Verification.Harness;
using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>B4 (slow): reduced in CI, full on MUON_VERIFY_DEPTH=deep; G/‖G‖_F as the control.</summary>
public sealed class SpectrumShapeTests(ITestOutputHelper output)
{
    private static readonly OptimizerFactory Muon = Subjects.Muon();
    private static readonly OptimizerFactory Gd = Subjects.GradientDescent();

    [Fact]
    public void Muon_score_is_nearly_family_independent() => PropertyAssert.Holds(SpectrumShapeSpecs.FamilySpread(Muon, Gd, SpectrumShapeScale.Reduced), output);

    [Fact]
    public void Family_spread_rejects_plain_normalization()
        => PropertyAssert.Fails(SpectrumShapeSpecs.FamilySpread(Subjects.Muon(BrokenOrthogonalizers.FrobeniusNormalized), Gd, SpectrumShapeScale.Reduced), output);

    [Fact]
    public void Muon_score_is_nearly_family_independent_full_run_on_deep()
    {
        if (RunSettings.FromEnvironment().Depth != RunDepth.Deep)
        {
            output.WriteLine("b4/family-spread-full runs only with MUON_VERIFY_DEPTH=deep (≈ 1–2 minutes).");
            return;
        }
        // One batch of the sheet's 20 seeds (deep would otherwise run ten batches, ≈ 20 minutes); the seed is still fresh.
        PropertyAssert.Holds(SpectrumShapeSpecs.FamilySpread(Muon, Gd, SpectrumShapeScale.Full), output, RunSettings.FromEnvironment() with { CasesOverride = 1 });
    }
}
