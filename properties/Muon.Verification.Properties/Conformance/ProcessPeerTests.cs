using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The oracle against real processes: `muon-verify serve` (started as `dotnet muon-verify.dll serve`) passes;
/// crashing, hanging and missing commands give clear failures with the peer's stderr, and the hung process is killed.
/// Uses /bin/sh for the misbehaving commands (the CI runs on Linux).
/// </summary>
public sealed class ProcessPeerTests(ITestOutputHelper output)
{
    private static readonly ProtocolOptions Options = new() { RequestTimeout = TimeSpan.FromSeconds(10), HelloTimeout = TimeSpan.FromSeconds(30) };
    private static readonly ProtocolOptions Fast = new() { RequestTimeout = TimeSpan.FromSeconds(1), HelloTimeout = TimeSpan.FromSeconds(1), ByeGrace = TimeSpan.FromMilliseconds(200) };
    private static readonly Matrix<double> G = Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0 }, { 0.0, 2.0 } });

    [Theory]
    [InlineData("keller")]
    [InlineData("exact")]
    public void Builtin_served_over_a_real_process_passes_every_applicable_property(string name)
    {
        string command = CliLocator.Command($"serve --orthogonalizer {name}");
        var clock = Stopwatch.StartNew();
        using var implementation = ProcessImplementation.Start(command, Options);
        var report = ConformanceSuite.Check(implementation, command, RunSettings.Standard);
        output.WriteLine(ConformanceTable.Render(report));
        output.WriteLine($"{report.Requests} requests in {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(0, report.ExitCode);
        Assert.DoesNotContain(report.Results, r => r.Verdict is ConformanceVerdict.Fail or ConformanceVerdict.ProtocolError);
        Assert.True(report.Count(ConformanceVerdict.Pass) >= 13);
    }

    [Fact]
    public void Crash_reports_exit_code_and_stderr()
    {
        const string script = """
            read l; echo '{"protocol":1,"name":"crasher","capabilities":["orthogonalize"]}'; read l; echo 'Traceback: boom' >&2; exit 3
            """;
        // Generous timeouts: the peer exits at once, so they cost nothing, and a loaded CI machine must not turn
        // "exited" into "timed out".
        using var implementation = ProcessImplementation.Start(script, Options);
        var e = Assert.Throws<ProtocolException>(() => implementation.Orthogonalizer.Orthogonalize(G));
        Assert.Equal(ProtocolFailureKind.PeerExited, e.Kind);
        Assert.Contains("request #2 orthogonalize 2×2", e.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains("Traceback: boom", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Hung_peer_times_out_and_is_killed()
    {
        var transport = ProcessTransport.Start("read l; exec sleep 600", Fast);
        int pid = transport.ProcessId;
        var clock = Stopwatch.StartNew();
        using (var client = new ProtocolClient(transport, Fast))
        {
            var e = Assert.Throws<ProtocolException>(() => client.Hello());
            Assert.Equal(ProtocolFailureKind.Timeout, e.Kind);
            Assert.Contains("request #1 hello", e.Message, StringComparison.Ordinal);
        }
        // 1 s timeout against a 600 s sleep: anything well under 600 s proves the timeout fired (120 s leaves room for a
        // machine 8× slower than usual, as seen under the stress run).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
        Assert.True(HasExited(pid), $"process {pid} still runs after the timeout");
    }

    [Fact]
    public void Missing_command_is_a_clear_handshake_failure()
    {
        var e = Assert.Throws<ProtocolException>(() => ProcessImplementation.Start("/nonexistent/muon-adapter --flag", Options));
        Assert.Equal(ProtocolFailureKind.PeerExited, e.Kind);
        Assert.Contains("request #1 hello", e.Message, StringComparison.Ordinal);
        Assert.Contains("code 127", e.Message, StringComparison.Ordinal);
        Assert.Contains("nonexistent", e.Message, StringComparison.Ordinal);
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
