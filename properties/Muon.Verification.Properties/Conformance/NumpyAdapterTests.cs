using System.Diagnostics;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// examples/numpy_adapter.py passes the oracle (exact polar and Keller quintic; declared, undeclared, float32, and the
/// emulated bfloat16 iteration — an independent bf16 peer: NumPy rounding float32 bits, not the oracle's emulation).
/// Needs a Python with NumPy (Debian: apt-get install -y python3-numpy). Without one the tests are reported as skipped —
/// unless MUON_VERIFY_REQUIRE_NUMPY=1 (set it in CI), which turns a missing NumPy into a failure.
/// </summary>
public sealed class NumpyAdapterTests(ITestOutputHelper output)
{
    private static readonly Lazy<string?> Python = new(FindPython);

    [SkippableTheory]
    [InlineData("--kind keller")]
    [InlineData("--kind exact")]
    [InlineData("--kind keller --declare-nothing")]
    [InlineData("--kind keller --dtype float32")]
    [InlineData("--kind exact --dtype float32")]
    [InlineData("--kind keller --dtype bfloat16")]
    public void Numpy_adapter_passes(string arguments)
    {
        var python = Python.Value;
        Assert.True(python is not null || Environment.GetEnvironmentVariable("MUON_VERIFY_REQUIRE_NUMPY") != "1", "MUON_VERIFY_REQUIRE_NUMPY=1 but no python3 with NumPy was found (apt-get install -y python3-numpy).");
        Skip.If(python is null, "no python3 with NumPy found (apt-get install -y python3-numpy).");
        string script = Path.Combine(CliLocator.RepositoryRoot, "examples", "numpy_adapter.py");
        string command = $"{python} \"{script}\" {arguments}";
        var clock = Stopwatch.StartNew();
        using var implementation = ProcessImplementation.Start(command, new ProtocolOptions { RequestTimeout = TimeSpan.FromSeconds(20) });
        var report = ConformanceSuite.Check(implementation, command, RunSettings.Standard);
        output.WriteLine(ConformanceTable.Render(report));
        output.WriteLine($"{report.Requests} requests in {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(0, report.ExitCode);
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var info = new ProcessStartInfo(candidate) { ArgumentList = { "-c", "import numpy" }, RedirectStandardError = true, RedirectStandardOutput = true };
                using var p = Process.Start(info);
                if (p is null) continue;
                if (!p.WaitForExit(TimeSpan.FromSeconds(30))) { p.Kill(); continue; }
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed: try the next candidate
            }
        }
        return null;
    }
}
