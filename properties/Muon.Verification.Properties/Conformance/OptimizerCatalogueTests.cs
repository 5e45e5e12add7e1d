using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

using Muon.Verification.NegativeControls;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The optimizer-step level over the protocol (in-process peers): each broken optimizer FAILS the property the
/// catalogue names; the reference Muon passes under declared and under measured (undeclared) conventions.
/// </summary>
public sealed class OptimizerCatalogueTests(ITestOutputHelper output)
{
    public static TheoryData<int> Entries() => new(Enumerable.Range(0, ControlTable.ProtocolOptimizers.Count));

    [Theory]
    [MemberData(nameof(Entries))]
    public void Broken_optimizer_fails_the_named_property(int index)
    {
        var (defect, defectClass, property) = ControlTable.ProtocolOptimizers[index];
        var server = new ProtocolServer($"broken-muon:{defect}", ExactPolar.Default, OrthogonalizerDeclaration.Exact, BrokenMuonOptimizer.Served(defect));
        var (mode, results) = Check(server);
        output.WriteLine($"{defect} — {defectClass}; {mode}");
        foreach (var r in results) output.WriteLine($"{r.Property}: {r.Verdict.Text()} {r.Message}");
        var result = results.Single(r => r.Property == property);
        Assert.True(result.Verdict == ConformanceVerdict.Fail, $"{defect}: expected FAIL on {property}, got {result.Verdict.Text()}: {result.Message}");
        Assert.NotNull(result.Counterexample);
    }

    public static TheoryData<string, string?, string?> Correct() => new()
    {
        { "none", "none", "decoupled" },
        { "sqrt-max-1-rows-over-cols", "sqrt-max-1-rows-over-cols", "decoupled" },
        { "rms-0.2", null, null },                  // undeclared: measured
        { "sqrt-max-rows-cols", null, "decoupled" },
    };

    [Theory]
    [MemberData(nameof(Correct))]
    public void Reference_muon_passes_under_declared_or_measured_conventions(string scale, string? declaredScale, string? declaredDecay)
    {
        var served = ServedOptimizer.Muon(OptimizerConventions.ParseScale(scale), declaredScale) with { WeightDecay = declaredDecay };
        var (mode, results) = Check(new ProtocolServer("reference-muon", NewtonSchulz.KellerQuintic(), OrthogonalizerDeclaration.Of(NewtonSchulz.KellerQuintic()), served));
        output.WriteLine(mode);
        foreach (var r in results) output.WriteLine($"{r.Property}: {r.Verdict.Text()} {r.Message}");
        Assert.All(results, r => Assert.Equal(ConformanceVerdict.Pass, r.Verdict));
        Assert.Contains($"scale {scale} ({(declaredScale is null ? "measured" : "declared")})", mode, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognized_undeclared_scale_fails_shape_scale_with_the_measured_factors()
    {
        var served = new ServedOptimizer((h, o) => new BrokenMuonOptimizer(h, o, OptimizerDefect.WrongAxisShapeScale), "ema", null, "decoupled");
        var (mode, results) = Check(new ProtocolServer("odd-scale", ExactPolar.Default, OrthogonalizerDeclaration.Exact, served));
        output.WriteLine(mode);
        Assert.Contains("match no known convention", mode, StringComparison.Ordinal);
        Assert.Equal(ConformanceVerdict.Fail, results.Single(r => r.Property == "optimizer/shape-scale").Verdict);
        Assert.Equal(ConformanceVerdict.NotApplicable, results.Single(r => r.Property == "optimizer/reference-trajectory").Verdict);
    }

    private static LevelResult Check(ProtocolServer server)
    {
        using var implementation = ProcessImplementation.InProcess(server, FakePeers.Fast with { RequestTimeout = TimeSpan.FromSeconds(10) });
        return OptimizerConformance.Run(new ConformanceSession(implementation), RunSettings.Standard);
    }
}
