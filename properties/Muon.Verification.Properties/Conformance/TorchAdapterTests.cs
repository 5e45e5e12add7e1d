using System.Diagnostics;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// examples/torch_adapter.py passes the oracle at every level it declares (exact polar and Keller quintic, float64 and
/// float32), and with its eps undeclared it fails positive-scale invariance. Runs only when a Python can import torch
/// (Debian: examples/check_torch.sh installs python3-torch); otherwise reported as skipped — CI does not depend on torch.
/// </summary>
public sealed class TorchAdapterTests(ITestOutputHelper output)
{
    private static readonly Lazy<string?> Python = new(() => PythonFinder.WithModule("torch"));

    [SkippableTheory]
    [InlineData("--kind keller")]
    [InlineData("--kind exact")]
    [InlineData("--kind keller --dtype float32")]
    [InlineData("--kind exact --dtype float32")]
    public void Torch_adapter_passes(string arguments)
    {
        var report = Run(arguments);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains(report.Results, r => r.Property.StartsWith("dynamics/", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Torch_keller_with_undeclared_eps_fails_positive_scale_invariance()
    {
        var report = Run("--kind keller --declare-nothing");
        Assert.Equal(ConformanceVerdict.Fail, report.Results.Single(r => r.Property == "orthogonalizer/positive-scale-invariance").Verdict);
    }

    private ConformanceReport Run(string arguments)
    {
        Skip.If(Python.Value is null, "no python3 that can import torch (examples/check_torch.sh installs Debian's python3-torch).");
        string python = Python.Value!;
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
