using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>
/// The whole conformance check of a protocol implementation: the orthogonalizer level
/// (<see cref="OrthogonalizerConformance"/>), the optimizer-step level (<see cref="OptimizerConformance"/>), then the
/// dynamics level (<see cref="DynamicsConformance"/>), all over one <see cref="ConformanceSession"/> (the optimizer
/// conventions are probed once and shared).
/// </summary>
public static class ConformanceSuite
{
    /// <summary>The levels, in report order.</summary>
    public static IReadOnlyList<ConformanceLevel> Levels { get; } =
    [
        new("orthogonalizer", OrthogonalizerConformance.PropertyIds, OrthogonalizerConformance.Run),
        new("optimizer", OptimizerConformance.PropertyIds, OptimizerConformance.Run),
        new("dynamics", DynamicsConformance.PropertyIds, DynamicsConformance.Run),
    ];

    /// <summary>Every property id, in report order.</summary>
    public static IReadOnlyList<string> PropertyIds { get; } = [.. Levels.SelectMany(l => l.PropertyIds)];

    /// <summary>Checks a started implementation at every level.</summary>
    public static ConformanceReport Check(ProcessImplementation implementation, string command, RunSettings settings, TextWriter? progress = null)
        => Check(new ConformanceSession(implementation), command, settings, progress);

    /// <summary>Checks a greeted session at every level.</summary>
    public static ConformanceReport Check(ConformanceSession session, string command, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var modes = new List<string>();
        var results = new List<ConformanceResult>();
        foreach (var level in Levels)
        {
            var found = level.Run(session, settings, progress);
            modes.Add($"{level.Name}: {found.Mode}");
            results.AddRange(found.Results);
        }
        return Report(session, command, settings, string.Join("; ", modes), results, clock.Elapsed);
    }

    /// <summary>The report on <paramref name="session"/> with these results.</summary>
    internal static ConformanceReport Report(ConformanceSession session, string command, RunSettings settings, string mode, IReadOnlyList<ConformanceResult> results, TimeSpan elapsed)
        => new(command, session.Hello.Name, session.Hello.Capabilities, session.Hello.Declares.RawJson, mode, settings.Depth, results,
            session.Client.StderrTail, elapsed, session.Client.RequestCount, null);
}
