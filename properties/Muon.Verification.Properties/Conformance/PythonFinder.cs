using System.Diagnostics;

namespace Muon.Verification.Properties.Conformance;

/// <summary>Finds a Python interpreter that can import a module (bounded: 60 s per candidate).</summary>
internal static class PythonFinder
{
    /// <summary>The first of <c>python3</c>, <c>/usr/bin/python3</c> that imports <paramref name="module"/>, or null.</summary>
    public static string? WithModule(string module)
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var info = new ProcessStartInfo(candidate) { ArgumentList = { "-c", $"import {module}" }, RedirectStandardError = true, RedirectStandardOutput = true };
                using var p = Process.Start(info);
                if (p is null) continue;
                if (!p.WaitForExit(TimeSpan.FromSeconds(60))) { p.Kill(entireProcessTree: true); continue; }
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
