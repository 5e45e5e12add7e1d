using System.Text.Json;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The oracle's verdicts when the session breaks mid-run, and the CLI's exit codes and JSON report
/// (`muon-verify check --exec`, run as a real process against `muon-verify serve`).
/// </summary>
public sealed class ConformanceSessionTests(ITestOutputHelper output)
{
    [Fact]
    public void Peer_hanging_mid_run_gives_protocol_errors_and_exit_code_2_within_one_timeout()
    {
        using var client = FakePeers.Connect((_, input, _) => FakePeers.Hang(input), healthy: 150);
        var hello = new HelloReply(1, "hangs-after-150", [ProtocolV1.CapabilityOrthogonalize], Declarations.None);
        var (_, results) = OrthogonalizerConformance.Run(new ConformanceSession(client, hello), RunSettings.Standard);
        var report = new ConformanceReport("fake", "hangs-after-150", [], "{}", "", RunDepth.Standard, results, "", TimeSpan.Zero, client.RequestCount, null);
        output.WriteLine(ConformanceTable.Render(report));
        // Within one timeout: exactly one result waited for a reply (#152); every later request fails as SessionBroken
        // before it is sent (MisbehavingPeerTests.Hang_times_out_and_breaks_the_session). Counted, not clocked: a
        // wall-clock bound on 150 requests failed on a loaded machine (11.3 s against 10 s).
        Assert.Single(results, r => r.Message?.Contains("timeout", StringComparison.Ordinal) == true);
        Assert.Equal(2, report.ExitCode);
        var first = results.First(r => r.Verdict == ConformanceVerdict.ProtocolError);
        Assert.Contains("timeout", first.Message, StringComparison.Ordinal);
        Assert.Contains("request #152 orthogonalize", first.Message, StringComparison.Ordinal);
        Assert.All(results.SkipWhile(r => r != first).Skip(1).Where(r => r.Verdict != ConformanceVerdict.NotApplicable),
            r => Assert.StartsWith("not run: the session broke earlier", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_check_exec_passes_a_served_builtin_and_writes_the_json_report()
    {
        string json = Path.Combine(Path.GetTempPath(), $"muon-verify-{Guid.NewGuid():N}.json");
        try
        {
            var (code, stdout) = Cli.Run($"check --quick --exec \"{CliLocator.Command("serve --orthogonalizer keller").Replace("\"", "\\\"", StringComparison.Ordinal)}\" --json \"{json}\"");
            output.WriteLine(stdout);
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            Assert.Equal("newton-schulz:keller-quintic×5", root.GetProperty("implementation").GetProperty("name").GetString());
            Assert.Equal("newton-schulz", root.GetProperty("implementation").GetProperty("declares").GetProperty("orthogonalizer").GetProperty("kind").GetString());
            var properties = root.GetProperty("properties").EnumerateArray().ToArray();
            Assert.Equal(ConformanceSuite.PropertyIds.Count, properties.Length);
            Assert.All(properties, p => Assert.Contains(p.GetProperty("verdict").GetString(), new[] { "PASS", "NOT APPLICABLE" }));
            Assert.Equal(0, root.GetProperty("summary").GetProperty("exit_code").GetInt32());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Cli_check_exec_exits_1_on_a_failing_implementation_with_the_counterexample()
    {
        var (code, stdout) = Cli.Run($"check --quick --exec \"{CliLocator.Command("serve --orthogonalizer broken:frobenius-normalized").Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        output.WriteLine(stdout);
        Assert.Equal(1, code);
        Assert.Contains("orthogonalizer/orthogonalized-band: FAIL", stdout, StringComparison.Ordinal);
        Assert.Contains("counterexample: G ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_check_exec_exits_2_when_the_peer_crashes_at_hello()
    {
        var (code, stdout) = Cli.Run("check --quick --timeout 2 --exec \"echo 'adapter failed to import torch' >&2; exit 1\"");
        output.WriteLine(stdout);
        Assert.Equal(2, code);
        Assert.Contains("SESSION ERROR", stdout, StringComparison.Ordinal);
        Assert.Contains("adapter failed to import torch", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_check_exec_exits_2_within_the_hello_timeout_when_the_peer_never_answers()
    {
        // The peer sleeps 600 s; Cli.Run gives up after 120 s. Returning at all with a timeout on the hello proves the 1 s
        // hello timeout fired and the peer was stopped — no wall-clock bound on a loaded machine needed.
        var (code, stdout) = Cli.Run("check --quick --hello-timeout 1 --exec \"exec sleep 600\"");
        output.WriteLine(stdout);
        Assert.Equal(2, code);
        Assert.Contains("protocol timeout on request #1 hello", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_usage_errors_exit_2()
    {
        Assert.Equal(2, Cli.Run("check --json out.json").Code);
        Assert.Equal(2, Cli.Run("check --exec").Code);
        Assert.Equal(2, Cli.Run("check --exec x --timeout -1").Code);
        Assert.Equal(2, Cli.Run("serve --orthogonalizer no-such-thing").Code);
    }
}
