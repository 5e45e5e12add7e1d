using Muon.Reference.Orthogonalizers;
using Muon.Verification.NegativeControls;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>B5 for the exact polar factor, with G/‖G‖_F (plain normalization) as the control.</summary>
public sealed class GreedyLineSearchTests(ITestOutputHelper output)
{
    private static readonly IOrthogonalizer Exact = ExactPolar.Default;
    private static readonly IOrthogonalizer Normalized = BrokenOrthogonalizers.FrobeniusNormalized;

    [Fact]
    public void Polar_identities_hold() => PropertyAssert.Holds(GreedyLineSearchSpecs.PolarIdentities(Exact), output);

    [Fact]
    public void Polar_identities_reject_normalization() => PropertyAssert.Fails(GreedyLineSearchSpecs.PolarIdentities(Normalized), output);

    [Fact]
    public void Choice_rule_holds() => PropertyAssert.Holds(GreedyLineSearchSpecs.ChoiceRule(Exact), output);

    [Fact]
    public void Choice_rule_rejects_normalization() => PropertyAssert.Fails(GreedyLineSearchSpecs.ChoiceRule(Normalized), output);

    [Fact]
    public void Greedy_picks_polar_at_every_step() => PropertyAssert.Holds(GreedyLineSearchSpecs.GreedyPicksPolar(Exact), output);

    [Fact]
    public void Greedy_rate_rejects_normalization() => PropertyAssert.Fails(GreedyLineSearchSpecs.GreedyPicksPolar(Normalized), output);

    [Fact]
    public void Gd_wins_end_to_end() => PropertyAssert.Holds(GreedyLineSearchSpecs.EndToEndGap(Exact), output);

    [Fact]
    public void End_to_end_gap_rejects_normalization() => PropertyAssert.Fails(GreedyLineSearchSpecs.EndToEndGap(Normalized), output);
}
