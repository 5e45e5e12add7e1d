using System.Collections.Concurrent;
using System.Text.Json;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The optimizer conventions are probed once per session (<see cref="ConformanceSession.Conventions"/>) and shared by
/// the optimizer and dynamics levels; a probe that breaks the session is reported by both levels without a second attempt.
/// </summary>
public sealed class SessionConventionsTests(ITestOutputHelper output)
{
    // Scale and weight decay undeclared: the probe measures both (scale: new + step + 3 orthogonalize; decay: new + step),
    // after the arithmetic (parameters: new + step; iteration: 1 orthogonalize).
    private static readonly ServedOptimizer Undeclared = ServedOptimizer.Muon(ShapeScale.SqrtMax1RowsOverCols, null) with { WeightDecay = null };

    private static readonly RunSettings Quick = RunSettings.Standard with { Depth = RunDepth.Quick };

    [Fact]
    public void Conventions_are_probed_on_the_first_call_only()
    {
        using var implementation = ProcessImplementation.InProcess(new ProtocolServer("undeclared", ExactPolar.Default, OrthogonalizerDeclaration.Exact, Undeclared), FakePeers.Fast);
        var session = new ConformanceSession(implementation);
        long before = session.Client.RequestCount;
        var first = session.Conventions();
        Assert.Equal(10, session.Client.RequestCount - before);
        Assert.Same(first, session.Conventions());
        Assert.Equal(10, session.Client.RequestCount - before);
        Assert.Equal(ShapeScale.SqrtMax1RowsOverCols, first.Scale);
        Assert.Equal("measured", first.ScaleSource);
        Assert.True(first.DecoupledDecay);
    }

    [Fact]
    public void The_whole_suite_sends_each_probe_once()
    {
        var lines = new ConcurrentQueue<string>();
        var server = new ProtocolServer("undeclared", ExactPolar.Default, OrthogonalizerDeclaration.Exact, Undeclared);
        var transport = InProcessPeer.Start((input, writer) =>
        {
            while (input.ReadLine() is { } line)
            {
                lines.Enqueue(line);
                string reply = server.Handle(line, out bool bye);
                if (bye) return;
                writer.WriteLine(reply);
            }
        }, "recording peer", FakePeers.Fast);
        using var implementation = ProcessImplementation.Connect(transport, FakePeers.Fast with { RequestTimeout = TimeSpan.FromSeconds(10) });
        var report = ConformanceSuite.Check(implementation, "recording", Quick);
        output.WriteLine($"{report.Mode} ({report.Requests} requests)");
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("optimizer: momentum ema", report.Mode, StringComparison.Ordinal);
        Assert.Contains("dynamics: momentum-free trajectories (β = 0, λ = 0 sent; lr = η_t/s with scale sqrt-max-1-rows-over-cols (measured)", report.Mode, StringComparison.Ordinal);
        Assert.Equal(1, lines.Count(l => IsNew(l, lr: 0.01, shapes: [(3, 2), (2, 3), (4, 4)])));   // the scale probe
        Assert.Equal(1, lines.Count(l => IsNew(l, lr: 0.05, shapes: [(3, 3)], weightDecay: 0.1))); // the weight-decay probe
        Assert.Equal(1, lines.Count(l => IsNew(l, lr: 0.01, shapes: [(8, 7), (8, 7)])));            // the parameters' arithmetic
    }

    [Fact]
    public void A_probe_that_breaks_the_session_is_reported_by_both_levels_without_a_second_attempt()
    {
        using var client = FakePeers.Connect((_, _, _) => { }); // crashes on the first request after hello: the arithmetic probe's optimizer.new
        var declares = Declarations.None with { Orthogonalizer = OrthogonalizerDeclaration.Exact, Momentum = "ema" };
        var session = new ConformanceSession(client, new HelloReply(1, "crashes-at-probe", [ProtocolV1.CapabilityOptimizer], declares));
        var progress = new StringWriter();
        var report = ConformanceSuite.Check(session, "fake", Quick, progress);
        output.WriteLine(ConformanceTable.Render(report));
        Assert.Equal("orthogonalizer: no orthogonalize capability; optimizer: probe failed; dynamics: probe failed", report.Mode);
        var failed = report.Results.Where(r => !r.Property.StartsWith("orthogonalizer/", StringComparison.Ordinal) && !r.Property.StartsWith("exact-polar/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(OptimizerConformance.PropertyIds.Count + DynamicsConformance.PropertyIds.Count, failed.Length);
        Assert.All(failed, r => Assert.Equal(ConformanceVerdict.ProtocolError, r.Verdict));
        Assert.All(failed, r => Assert.Equal(client.Fatal!.Message, r.Message));
        Assert.Contains("request #2 optimizer.new [8×7, 8×7]", failed[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Requests); // hello and the one probe request; no second probe
        Assert.Equal("", progress.ToString()); // whole-level outcomes write no progress marks
    }

    private static bool IsNew(string line, double lr, (int Rows, int Cols)[] shapes, double weightDecay = 0)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.GetProperty("op").GetString() != ProtocolV1.OpOptimizerNew) return false;
        var hyper = root.GetProperty("hyper");
        var ps = root.GetProperty("params").EnumerateArray().Select(p => (p.GetProperty("rows").GetInt32(), p.GetProperty("cols").GetInt32())).ToArray();
        return hyper.GetProperty("lr").GetDouble() == lr && hyper.GetProperty("momentum").GetDouble() == 0
            && hyper.GetProperty("weight_decay").GetDouble() == weightDecay && ps.SequenceEqual(shapes);
    }
}
