using Muon.Verification.Arithmetic;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// The false-alarm side of the calibration: on independent correct 16-bit peers the statistic violation / round-off scale
/// (<see cref="LawCalibration"/>) never exceeds <see cref="LawCalibration.DefaultFactor"/>. The laws run with an unbounded
/// factor so that every case is recorded (a case fails the real law exactly when its ratio exceeds the factor); the test
/// prints per law the quantiles, the exceedances and the 95 % Clopper–Pearson upper bound on the per-case false-alarm
/// rate — the evidence docs/conformance.md quotes (MUON_VERIFY_CASES=N for a larger sample).
/// </summary>
public sealed class LowPrecisionCalibrationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Every probe but Polar Express in bf16, which diverges to NaN on about 1 generated input in 3 500 (docs/conformance.md,
    /// "Found on the way") — a contract failure, not a round-off ratio; at standard depth it passes as a realistic peer.
    /// </summary>
    public static TheoryData<int> Probes => [.. Enumerable.Range(0, CalibrationProbe.All.Count).Where(i => !CalibrationProbe.All[i].Peer.Name.StartsWith("polar-express", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Probes))]
    public void A_correct_16_bit_peer_stays_within_the_calibrated_factor(int index)
    {
        var probe = CalibrationProbe.All[index];
        var (reports, ratios) = probe.Run(RunSettings.FromEnvironment(), factor: double.MaxValue);
        foreach (var r in reports.Values) Assert.True(r.Passed, r.Describe());
        int exceedances = RatioSummary.Report(output, probe.Peer.Name, ratios, LawCalibration.DefaultFactor);
        Assert.Equal(0, exceedances);
    }
}
