using System.Globalization;

namespace Muon.Verification.Harness;

/// <summary>How many cases a property runs and with which seed.</summary>
public enum RunDepth
{
    /// <summary>CI default: modest case counts, seeds fixed by the property's name.</summary>
    Standard,
    /// <summary>Fewer cases, for <c>--quick</c> checks.</summary>
    Quick,
    /// <summary>Ten times the cases and a fresh random seed per run (printed, so any failure replays).</summary>
    Deep,
}

/// <summary>
/// Run settings, read from the environment by <see cref="FromEnvironment"/>:
/// <list type="bullet">
/// <item><c>MUON_VERIFY_DEPTH</c> = <c>quick</c> | <c>standard</c> | <c>deep</c> (deep: ×10 cases, random seeds);</item>
/// <item><c>MUON_VERIFY_REPLAY</c> = <c>seed,gamma[,size]</c>: replay exactly the run printed by a failure
/// (with a size, only the failing case);</item>
/// <item><c>MUON_VERIFY_CASES</c> = N: override the number of cases of every property.</item>
/// </list>
/// </summary>
public sealed record RunSettings(RunDepth Depth, Replay? Replay, int? CasesOverride)
{
    /// <summary>Standard depth, no replay, no override.</summary>
    public static RunSettings Standard { get; } = new(RunDepth.Standard, null, null);

    /// <summary>Reads the settings from the process environment; throws naming the variable when malformed.</summary>
    public static RunSettings FromEnvironment()
    {
        var depthText = Environment.GetEnvironmentVariable("MUON_VERIFY_DEPTH");
        var depth = string.IsNullOrWhiteSpace(depthText)
            ? RunDepth.Standard
            : Enum.TryParse<RunDepth>(depthText, ignoreCase: true, out var d)
                ? d
                : throw new InvalidOperationException($"MUON_VERIFY_DEPTH='{depthText}' is not one of quick, standard, deep.");
        var replayText = Environment.GetEnvironmentVariable("MUON_VERIFY_REPLAY");
        var replay = string.IsNullOrWhiteSpace(replayText) ? null : Harness.Replay.Parse(replayText, "MUON_VERIFY_REPLAY");
        var casesText = Environment.GetEnvironmentVariable("MUON_VERIFY_CASES");
        int? cases = null;
        if (!string.IsNullOrWhiteSpace(casesText))
        {
            if (!int.TryParse(casesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new InvalidOperationException($"MUON_VERIFY_CASES='{casesText}' is not a positive integer.");
            cases = n;
        }
        return new RunSettings(depth, replay, cases);
    }

    /// <summary>The number of cases for a property whose standard count is <paramref name="standardCases"/>.</summary>
    public int CasesFor(int standardCases) => CasesOverride ?? Depth switch
    {
        RunDepth.Quick => Math.Max(1, standardCases / 4),
        RunDepth.Deep => standardCases * 10,
        _ => standardCases,
    };
}

/// <summary>An FsCheck replay point: (seed, gamma) reruns a whole property; with a size, only the failing case.</summary>
public sealed record Replay(ulong Seed, ulong Gamma, int? Size)
{
    /// <summary>Parses <c>seed,gamma[,size]</c> (also accepts the parenthesised form FsCheck prints).</summary>
    public static Replay Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !ulong.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gamma))
            throw new FormatException($"{source}='{text}' is not 'seed,gamma[,size]'.");
        if ((gamma & 1) == 0) throw new FormatException($"{source}='{text}': gamma must be odd.");
        int? size = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) || s < 0)
                throw new FormatException($"{source}='{text}': size must be a non-negative integer.");
            size = s;
        }
        return new Replay(seed, gamma, size);
    }

    /// <inheritdoc />
    public override string ToString() => Size is int s
        ? string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma},{s}")
        : string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma}");
}
