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
        // Drained on threads of their own: a pipe's "async" read is a blocking read on a pool thread for the whole run.
        var stdout = Drain(p.StandardOutput);
        var stderr = Drain(p.StandardError);
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"muon-verify {arguments} did not finish in 120 s.");
        }
        return (p.ExitCode, stdout() + stderr());
    }

    /// <summary>Reads <paramref name="reader"/> to its end on a dedicated thread; the returned function waits for it.</summary>
    private static Func<string> Drain(StreamReader reader)
    {
        string text = "";
        var thread = new Thread(() => text = reader.ReadToEnd()) { IsBackground = true, Name = "cli output" };
        thread.Start();
        return () =>
        {
            thread.Join();
            return text;
        };
    }
}
