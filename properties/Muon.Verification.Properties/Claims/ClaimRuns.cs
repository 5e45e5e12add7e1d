using Muon.Verification.Claims;
using Muon.Verification.Harness;
using Muon.Verification.NegativeControls;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Claims;

/// <summary>
/// The table-driven runs behind the per-paper claim tests: every reference spec of the claim table holds, every spec
/// control of the control table fails by the spec's own check. Rows are named by the spec's qualified name and the
/// control's name, so a test name says what ran.
/// </summary>
internal static class ClaimRuns
{
    public static TheoryData<string> SpecsOf(Paper paper)
    {
        var data = new TheoryData<string>();
        foreach (var (spec, _) in ClaimTable.ReferenceSpecs(paper)) data.Add(spec.QualifiedName);
        return data;
    }

    public static TheoryData<string> ControlsOf(Paper paper)
    {
        var data = new TheoryData<string>();
        foreach (var c in ControlTable.SpecsOf(paper)) data.Add(c.Name);
        return data;
    }

    public static void Holds(Paper paper, string qualifiedName, ITestOutputHelper output)
    {
        var (spec, run) = ClaimTable.ReferenceSpecs(paper).Single(s => s.Spec.QualifiedName == qualifiedName);
        var settings = RunSettings.FromEnvironment();
        Skip.If(run.DeepOnly && settings.Depth != RunDepth.Deep, $"{spec.Id} runs only with MUON_VERIFY_DEPTH=deep.");
        PropertyAssert.Holds(spec, output, run.Cases is int n ? settings with { CasesOverride = n } : settings);
    }

    public static void Fails(Paper paper, string control, ITestOutputHelper output)
    {
        var c = ControlTable.SpecsOf(paper).Single(x => x.Name == control);
        var settings = RunSettings.FromEnvironment();
        Skip.If(c.DeepOnly && settings.Depth != RunDepth.Deep, $"the control of {c.Target} runs only with MUON_VERIFY_DEPTH=deep.");
        var spec = c.Spec();
        // The target is a claim-table spec id (ClaimTableTests checks that); a control that changes a hypothesis the id
        // records extends it (mf/A1/gd-delta2-factor-full-predicted-half).
        Assert.StartsWith(c.Target, spec.Id, StringComparison.Ordinal);
        PropertyAssert.Fails(spec, output, c.DeepOnly ? settings with { CasesOverride = 1 } : null);
    }
}
