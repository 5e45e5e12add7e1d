using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>Structural defects stay visible in 16-bit: each broken twin, declared as its correct sibling, fails the calibrated law listed for it — by the law's own check, or (the unnormalized quintic, which overflows bf16) by the non-finite-output contract check, as listed.</summary>
public sealed class LowPrecisionControlTests(ITestOutputHelper output)
{
    public static TheoryData<int> Twins => [.. Enumerable.Range(0, BrokenTwin.All.Count)];

    [Theory]
    [MemberData(nameof(Twins))]
    public void A_broken_16_bit_twin_fails_its_calibrated_law(int index)
    {
        var twin = BrokenTwin.All[index];
        var (reports, ratios) = twin.DeclaredAs.Run(RunSettings.Standard, twin.Subject);
        var report = reports[twin.CaughtBy];
        output.WriteLine($"{twin.Name}: {report.Describe()}");
        foreach (var (id, list) in ratios) output.WriteLine($"  {id}: max ratio {list.Max():G3}");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(twin.By, report.Failure);
    }
}
