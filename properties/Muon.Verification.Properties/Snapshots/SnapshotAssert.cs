using System.Text;
using Xunit.Sdk;

namespace Muon.Verification.Properties.Snapshots;

/// <summary>
/// A small snapshot helper following Verify's file conventions: <c>snapshots/{Class}.{Method}[_{param}].verified.txt</c>
/// beside a <c>.received.txt</c> written on mismatch (git-ignored). A missing verified file fails. Accepting is
/// explicit — <c>MUON_VERIFY_ACCEPT=1</c> overwrites the verified file — and refused when <c>CI=true</c>.
/// The folder is found by walking up from the test assembly to <c>Muon.Verification.sln</c> (not
/// <c>[CallerFilePath]</c>, which deterministic builds rewrite to <c>/_/…</c>), or from <c>MUON_VERIFY_SNAPSHOTS</c>.
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>Compares <paramref name="received"/> with the verified snapshot named <paramref name="name"/>.</summary>
    public static void Matches(string name, string received, SnapshotTolerance? tolerance = null)
        => Matches(name, received, tolerance ?? SnapshotTolerance.Default, Directory());

    /// <summary>Compares against the snapshot <paramref name="name"/> in <paramref name="dir"/>.</summary>
    public static void Matches(string name, string received, SnapshotTolerance tolerance, string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(tolerance);
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        string verifiedPath = Path.Combine(dir, name + ".verified.txt");
        string receivedPath = Path.Combine(dir, name + ".received.txt");
        string normalized = received.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        bool accept = Environment.GetEnvironmentVariable("MUON_VERIFY_ACCEPT") == "1";
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (accept && ci) throw new XunitException("MUON_VERIFY_ACCEPT=1 is refused in CI: snapshots are accepted on purpose, by a developer, and committed.");
        if (accept)
        {
            File.WriteAllText(verifiedPath, normalized, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
            throw new XunitException($"No verified snapshot '{verifiedPath}'. The received text is in '{receivedPath}'; review it and accept with MUON_VERIFY_ACCEPT=1.");
        }
        var diffs = SnapshotText.Differences(File.ReadAllText(verifiedPath), normalized, tolerance);
        if (diffs.Count == 0)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
        throw new XunitException($"Snapshot '{name}' differs (tolerance: relative {tolerance.Relative:R}, absolute {tolerance.Absolute:R}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, diffs)
            + $"{Environment.NewLine}received: {receivedPath}{Environment.NewLine}If the change is intended, accept with MUON_VERIFY_ACCEPT=1 and say why in the commit.");
    }

    /// <summary>The snapshots folder.</summary>
    public static string Directory()
    {
        var overridden = Environment.GetEnvironmentVariable("MUON_VERIFY_SNAPSHOTS");
        if (!string.IsNullOrWhiteSpace(overridden)) return overridden;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Muon.Verification.sln")))
                return Path.Combine(d.FullName, "snapshots");
        }
        throw new InvalidOperationException($"cannot find Muon.Verification.sln above '{AppContext.BaseDirectory}'; set MUON_VERIFY_SNAPSHOTS to the snapshots folder.");
    }
}
