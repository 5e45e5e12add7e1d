using System.Diagnostics;

namespace Muon.Verification.Properties.Conformance;

/// <summary>Runs the built muon-verify CLI as a process (stdin closed), bounded to 120 s; returns its exit code and combined output.</summary>
internal static class Cli
{
    /// <summary>Runs <c>muon-verify ARGUMENTS</c>.</summary>
    public static (int Code, string Stdout) Run(string arguments)
    {
        var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", CliLocator.Command(arguments) }, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"muon-verify {arguments} did not finish in 120 s.");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
