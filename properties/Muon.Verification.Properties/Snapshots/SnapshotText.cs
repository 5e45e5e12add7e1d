using System.Globalization;
using System.Text.RegularExpressions;

namespace Muon.Verification.Properties.Snapshots;

/// <summary>
/// Compares snapshot texts token by token: numbers within a relative tolerance (with an absolute floor),
/// everything else exactly. Returns a readable list of the differing lines.
/// </summary>
internal static partial class SnapshotText
{
    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|NaN|[-+]?Infinity")]
    private static partial Regex Number();

    /// <summary>Differences between <paramref name="verified"/> and <paramref name="received"/>, at most <paramref name="max"/> of them.</summary>
    public static IReadOnlyList<string> Differences(string verified, string received, SnapshotTolerance tolerance, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(tolerance);
        var a = Lines(verified);
        var b = Lines(received);
        var diffs = new List<string>();
        if (a.Length != b.Length) diffs.Add($"line count: verified {a.Length}, received {b.Length}");
        for (int i = 0; i < Math.Min(a.Length, b.Length) && diffs.Count < max; i++)
        {
            var why = Compare(a[i], b[i], tolerance);
            if (why is not null) diffs.Add($"line {i + 1}: {why}\n  - verified: {a[i]}\n  + received: {b[i]}");
        }
        return diffs;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string? Compare(string verified, string received, SnapshotTolerance tolerance)
    {
        var na = Number().Matches(verified);
        var nb = Number().Matches(received);
        if (Number().Replace(verified, "#") != Number().Replace(received, "#")) return "text differs";
        if (na.Count != nb.Count) return "number count differs";
        for (int k = 0; k < na.Count; k++)
        {
            double x = double.Parse(na[k].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            double y = double.Parse(nb[k].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!tolerance.Accepts(x, y))
                return string.Create(CultureInfo.InvariantCulture,
                    $"number {k + 1}: verified {x:R}, received {y:R}, |Δ| = {Math.Abs(x - y):R} > {tolerance.Allowed(x):R}");
        }
        return null;
    }
}

/// <summary>
/// Numeric tolerance of a snapshot comparison: |x − y| ≤ max(Relative·|x|, Absolute); NaN equals NaN.
/// Bit-exact trajectories are not portable (summation order differs between SIMD widths and JITs), so a
/// trajectory is compared to the relative precision its dynamics preserve; the default is documented at
/// <see cref="Default"/>.
/// </summary>
internal sealed record SnapshotTolerance(double Relative, double Absolute)
{
    /// <summary>
    /// Relative 1e-9, absolute 1e-12. Reordered float64 reductions differ by a few u ≈ 1e-15 per operation;
    /// the recorded trajectories (≤ a few hundred steps of stable maps) amplify that by at most ~1e3, giving
    /// ≈ 1e-12; 1e-9 leaves three orders of margin and is still three orders below the 1e-6 perturbation
    /// that the regression test shows is caught.
    /// </summary>
    public static SnapshotTolerance Default { get; } = new(1e-9, 1e-12);

    /// <summary>The largest accepted |x − y| for verified value <paramref name="x"/>.</summary>
    public double Allowed(double x) => Math.Max(Relative * Math.Abs(x), Absolute);

    /// <summary>Whether received <paramref name="y"/> matches verified <paramref name="x"/>.</summary>
    public bool Accepts(double x, double y)
        => double.IsNaN(x) ? double.IsNaN(y) : double.IsInfinity(x) ? x == y : Math.Abs(x - y) <= Allowed(x);
}
