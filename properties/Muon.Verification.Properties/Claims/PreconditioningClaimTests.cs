using Muon.Verification.Claims;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Claims;

/// <summary>The Preconditioning claims: every reference spec of the claim table holds; every control of the control table fails it by its own check.</summary>
public sealed class PreconditioningClaimTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs() => ClaimRuns.SpecsOf(Paper.Preconditioning);

    public static TheoryData<string> Controls() => ClaimRuns.ControlsOf(Paper.Preconditioning);

    [SkippableTheory]
    [MemberData(nameof(Specs))]
    public void Spec_holds_for_the_reference(string spec) => ClaimRuns.Holds(Paper.Preconditioning, spec, output);

    [SkippableTheory]
    [MemberData(nameof(Controls))]
    public void Spec_rejects_the_control(string control) => ClaimRuns.Fails(Paper.Preconditioning, control, output);
}
