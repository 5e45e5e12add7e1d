using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>The conformance verdicts on one implementation.</summary>
/// <param name="Command">How the implementation was reached (command line, or a description).</param>
/// <param name="Name">The implementation's name (from hello).</param>
/// <param name="Capabilities">Capabilities from hello.</param>
/// <param name="DeclaresJson">The <c>declares</c> object as received.</param>
/// <param name="Mode">Which catalogue applied and why.</param>
/// <param name="Depth">Run depth.</param>
/// <param name="Results">One result per property.</param>
/// <param name="StderrTail">The tail of the peer's stderr.</param>
/// <param name="Elapsed">Wall time of the whole check.</param>
/// <param name="Requests">Protocol requests sent.</param>
/// <param name="SessionError">A failure before any property could run (start, hello), or null.</param>
public sealed record ConformanceReport(
    string Command,
    string Name,
    IReadOnlyList<string> Capabilities,
    string DeclaresJson,
    string Mode,
    RunDepth Depth,
    IReadOnlyList<ConformanceResult> Results,
    string StderrTail,
    TimeSpan Elapsed,
    long Requests,
    string? SessionError)
{
    /// <summary>A report for a peer that could not be started or greeted.</summary>
    public static ConformanceReport Failed(string command, RunDepth depth, string error, string stderrTail, TimeSpan elapsed)
        => new(command, "", [], "{}", "no session", depth, [], stderrTail, elapsed, 0, error);

    /// <summary>2 on a session or protocol failure, 1 when a property fails, 0 when every applicable property passes.</summary>
    public int ExitCode => SessionError is not null || Results.Any(r => r.Verdict == ConformanceVerdict.ProtocolError) ? 2
        : Results.Any(r => r.Verdict == ConformanceVerdict.Fail) ? 1 : 0;

    /// <summary>Count of results with verdict <paramref name="v"/>.</summary>
    public int Count(ConformanceVerdict v) => Results.Count(r => r.Verdict == v);
}
