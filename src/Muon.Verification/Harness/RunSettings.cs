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
/// <item><c>MUON_VERIFY_REPLAY</c> = <c>[name@]seed,gamma[,size][;cases=N]</c>: replay exactly the run printed by a
/// failure (with a size, only the failing case; with a name, only that property);</item>
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

/// <summary>
/// An FsCheck replay point: (seed, gamma) reruns a whole property — with <see cref="Cases"/> cases, so a failure
/// found late in a deep run reproduces — and (seed, gamma, size) only the failing case. With a
/// <see cref="Spec"/> name the replay applies to that property only, so the whole suite can run with it set.
/// Text form: <c>[NAME@]SEED,GAMMA[,SIZE][;cases=N]</c>.
/// </summary>
public sealed record Replay(ulong Seed, ulong Gamma, int? Size)
{
    /// <summary>The qualified spec name this replay is for (null: every property run with these settings).</summary>
    public string? Spec { get; init; }

    /// <summary>How many cases the replayed run needs (null: the property's own count).</summary>
    public int? Cases { get; init; }

    /// <summary>Whether this replay applies to the spec named <paramref name="qualifiedName"/>.</summary>
    public bool AppliesTo(string qualifiedName) => Spec is null || Spec == qualifiedName;

    /// <summary>Parses <c>[NAME@]SEED,GAMMA[,SIZE][;cases=N]</c> (the seed part also in FsCheck's parenthesised form).</summary>
    public static Replay Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        string rest = text.Trim();
        string? spec = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            spec = rest[..at];
            rest = rest[(at + 1)..];
        }
        int? cases = null;
        int semicolon = rest.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            string option = rest[(semicolon + 1)..].Trim();
            if (!option.StartsWith("cases=", StringComparison.Ordinal)
                || !int.TryParse(option["cases=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new FormatException($"{source}='{text}': after ';' only 'cases=N' (N ≥ 1) is understood.");
            cases = n;
            rest = rest[..semicolon];
        }
        var parts = rest.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !ulong.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gamma))
            throw new FormatException($"{source}='{text}' is not '[name@]seed,gamma[,size][;cases=N]'.");
        if ((gamma & 1) == 0) throw new FormatException($"{source}='{text}': gamma must be odd.");
        int? size = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) || s < 0)
                throw new FormatException($"{source}='{text}': size must be a non-negative integer.");
            size = s;
        }
        return new Replay(seed, gamma, size) { Spec = string.IsNullOrWhiteSpace(spec) ? null : spec, Cases = cases };
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var core = Size is int s
            ? string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma},{s}")
            : string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma}");
        return (Spec is null ? "" : Spec + "@") + core + (Cases is int n ? string.Create(CultureInfo.InvariantCulture, $";cases={n}") : "");
    }
}
