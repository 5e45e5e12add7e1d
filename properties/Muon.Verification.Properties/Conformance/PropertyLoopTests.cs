using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The per-property loop the three levels share: after a fatal session failure in one level, every applicable
/// property of the later levels is PROTOCOL ERROR "not run" (NOT APPLICABLE stays so), with the same progress marks.
/// </summary>
public sealed class PropertyLoopTests(ITestOutputHelper output)
{
    private static readonly RunSettings Quick = RunSettings.Standard with { Depth = RunDepth.Quick };

    private static Declarations Exact(string? scale, string? weightDecay)
        => Declarations.None with { Orthogonalizer = OrthogonalizerDeclaration.Exact, Momentum = "ema", Scale = scale, WeightDecay = weightDecay };

    [Fact]
    public void A_crash_in_the_orthogonalizer_level_leaves_the_later_levels_not_run()
    {
        using var client = FakePeers.Connect((_, _, _) => { }, healthy: 40);
        var hello = new HelloReply(1, "crashes-at-42", [ProtocolV1.CapabilityOrthogonalize, ProtocolV1.CapabilityOptimizer], Exact("none", "decoupled"));
        var progress = new StringWriter();
        var report = ConformanceSuite.Check(new ConformanceSession(client, hello), "fake", Quick, progress);
        output.WriteLine(ConformanceTable.Render(report));
        var broken = client.Fatal;
        Assert.NotNull(broken);
        Assert.Equal(ProtocolFailureKind.PeerExited, broken.Kind);
        string notRun = $"not run: the session broke earlier ({broken.Kind} on {broken.Request}).";
        var later = report.Results.Skip(OrthogonalizerConformance.PropertyIds.Count).ToArray();
        Assert.All(later.Where(r => r.Property != "dynamics/b2-coupled-recursion"), r =>
        {
            Assert.Equal(ConformanceVerdict.ProtocolError, r.Verdict);
            Assert.Equal(notRun, r.Message);
        });
        Assert.Equal(ConformanceVerdict.NotApplicable, report.Results.Single(r => r.Property == "dynamics/b2-coupled-recursion").Verdict);
        Assert.Equal(1, report.Results.Count(r => r.Message == broken.Message)); // the property that hit it
        var lines = progress.ToString().Split(Environment.NewLine);
        Assert.Matches(@"^\.*E[E-]*$", lines[0]);
        Assert.Equal('-', lines[0][OrthogonalizerConformance.PropertyIds.ToList().IndexOf("orthogonalizer/orthogonalized-band")]);
        Assert.Equal("EEEEEE", lines[1]);
        Assert.Equal("EEEE-", lines[2]);
        Assert.Equal(2, report.ExitCode);
    }

    [Fact]
    public void A_crash_in_the_optimizer_level_after_the_probe_leaves_the_dynamics_level_not_run_with_its_conventions()
    {
        // Undeclared scale and decay, no orthogonalize capability: the probe is 4 requests (#2–#5); the peer crashes on #12.
        using var client = FakePeers.Connect((_, _, _) => { }, healthy: 10);
        var session = new ConformanceSession(client, new HelloReply(1, "crashes-at-12", [ProtocolV1.CapabilityOptimizer], Exact(null, null)));
        var optimizer = OptimizerConformance.Run(session, Quick);
        foreach (var r in optimizer.Results) output.WriteLine($"{r.Property}: {r.Verdict.Text()} {r.Message}");
        Assert.Contains("scale none (measured), weight decay decoupled (measured)", optimizer.Mode, StringComparison.Ordinal);
        var broken = client.Fatal;
        Assert.NotNull(broken);
        Assert.Contains(optimizer.Results, r => r.Verdict == ConformanceVerdict.ProtocolError && r.Message == broken.Message);
        long requests = client.RequestCount;

        var dynamics = DynamicsConformance.Run(session, Quick);
        foreach (var r in dynamics.Results) output.WriteLine($"{r.Property}: {r.Verdict.Text()} {r.Message}");
        Assert.StartsWith("momentum-free trajectories", dynamics.Mode, StringComparison.Ordinal);
        Assert.Contains("scale none (measured)", dynamics.Mode, StringComparison.Ordinal);
        Assert.All(dynamics.Results.Take(4), r => Assert.Equal($"not run: the session broke earlier ({broken.Kind} on {broken.Request}).", r.Message));
        Assert.Equal(ConformanceVerdict.NotApplicable, dynamics.Results[4].Verdict);
        Assert.Equal(requests, client.RequestCount); // the conventions were not probed again
    }
}
