using Muon.Verification.NegativeControls;
using Muon.Verification.Specs.Quadratics;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>B3 for the reference noisy sign dynamics, with integer noise / a noise floor / an off-by-one as controls.</summary>
public sealed class NoisySignTests(ITestOutputHelper output)
{
    private static readonly HittingTimeFunction Reference = SignDynamicsSubjects.Reference;

    [Fact]
    public void Noiseless_off_grid_never_hits() => PropertyAssert.Holds(NoisySignSpecs.NoiselessOffGridNeverHits(Reference, "reference"), output);

    [Fact]
    public void Off_grid_spec_rejects_noise_that_never_switches_off()
        => PropertyAssert.Fails(NoisySignSpecs.NoiselessOffGridNeverHits(BrokenSignDynamics.NoiseFloor, "broken:noise-floor"), output);

    [Fact]
    public void Noiseless_on_grid_hits_at_exactly_k() => PropertyAssert.Holds(NoisySignSpecs.NoiselessOnGridHitsAtK(Reference, "reference"), output);

    [Fact]
    public void On_grid_spec_rejects_an_off_by_one() => PropertyAssert.Fails(NoisySignSpecs.NoiselessOnGridHitsAtK(BrokenSignDynamics.OffByOne, "broken:off-by-one"), output);

    [Fact]
    public void Every_noisy_path_hits() => PropertyAssert.Holds(NoisySignSpecs.NoisyAlwaysHits(Reference, "reference"), output);

    [Fact]
    public void Always_hits_rejects_integer_noise() => PropertyAssert.Fails(NoisySignSpecs.NoisyAlwaysHits(BrokenSignDynamics.IntegerNoise, "broken:integer-noise"), output);

    [Fact]
    public void Median_hitting_time_has_a_sweet_spot() => PropertyAssert.Holds(NoisySignSpecs.SweetSpot(Reference, "reference"), output);

    [Fact]
    public void Sweet_spot_rejects_integer_noise() => PropertyAssert.Fails(NoisySignSpecs.SweetSpot(BrokenSignDynamics.IntegerNoise, "broken:integer-noise"), output);
}
