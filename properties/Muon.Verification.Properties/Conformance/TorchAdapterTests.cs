using System.Diagnostics;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// examples/torch_adapter.py passes the oracle at every level it declares (exact polar and Keller quintic, float64 and
/// float32), and with its eps undeclared it fails positive-scale invariance. Runs only when a Python can import torch
/// (Debian: examples/check_torch.sh installs python3-torch); otherwise logs NOT RUN — CI does not depend on torch.
/// </summary>
public sealed class TorchAdapterTests(ITestOutputHelper output)
{
    private static readonly Lazy<string?> Python = new(() => PythonFinder.WithModule("torch"));

    [Theory]
    [InlineData("--kind keller")]
    [InlineData("--kind exact")]
    [InlineData("--kind keller --dtype float32")]
    [InlineData("--kind exact --dtype float32")]
    public void Torch_adapter_passes(string arguments)
    {
        if (Run(arguments) is not { } report) return;
        Assert.Equal(0, report.ExitCode);
        Assert.Contains(report.Results, r => r.Property.StartsWith("dynamics/", StringComparison.Ordinal));
    }

    [Fact]
    public void Torch_keller_with_undeclared_eps_fails_positive_scale_invariance()
    {
        if (Run("--kind keller --declare-nothing") is not { } report) return;
        Assert.Equal(ConformanceVerdict.Fail, report.Results.Single(r => r.Property == "orthogonalizer/positive-scale-invariance").Verdict);
    }

    private ConformanceReport? Run(string arguments)
    {
        if (Python.Value is not { } python)
        {
            output.WriteLine("NOT RUN: no python3 that can import torch (examples/check_torch.sh installs Debian's python3-torch).");
            return null;
        }
        string script = Path.Combine(CliLocator.RepositoryRoot, "examples", "torch_adapter.py");
        string command = $"{python} \"{script}\" {arguments}";
        var clock = Stopwatch.StartNew();
        using var implementation = ProcessImplementation.Start(command, new ProtocolOptions { RequestTimeout = TimeSpan.FromSeconds(20), HelloTimeout = TimeSpan.FromSeconds(90) });
        var report = ConformanceSuite.Check(implementation, command, RunSettings.Standard);
        output.WriteLine(ConformanceTable.Render(report));
        output.WriteLine($"{report.Requests} requests in {clock.Elapsed.TotalSeconds:F2} s");
        return report;
    }
}
