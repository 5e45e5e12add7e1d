using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>
/// The whole conformance check of a protocol implementation: the orthogonalizer level
/// (<see cref="OrthogonalizerConformance"/>), the optimizer-step level (<see cref="OptimizerConformance"/>), then the
/// dynamics level (<see cref="DynamicsConformance"/>).
/// </summary>
public static class ConformanceSuite
{
    /// <summary>Every property id, in report order.</summary>
    public static IReadOnlyList<string> PropertyIds { get; } = [.. OrthogonalizerConformance.PropertyIds, .. OptimizerConformance.PropertyIds, .. DynamicsConformance.PropertyIds];

    /// <summary>Checks a started implementation at every level.</summary>
    public static ConformanceReport Check(ProcessImplementation implementation, string command, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var orthogonalizer = OrthogonalizerConformance.Check(implementation, command, settings, progress);
        var (mode, results) = OptimizerConformance.Run(implementation.Client, implementation.Hello, settings, progress);
        var (dynamicsMode, dynamics) = DynamicsConformance.Run(implementation.Client, implementation.Hello, settings, progress);
        return orthogonalizer with
        {
            Mode = $"orthogonalizer: {orthogonalizer.Mode}; optimizer: {mode}; dynamics: {dynamicsMode}",
            Results = [.. orthogonalizer.Results, .. results, .. dynamics],
            StderrTail = implementation.Client.StderrTail,
            Elapsed = clock.Elapsed,
            Requests = implementation.Client.RequestCount,
        };
    }
}
