namespace Muon.Verification.Conformance;

/// <summary>What one conformance level found: how it judged (the mode, for the report) and one result per property, in table order.</summary>
/// <param name="Mode">Which catalogue applied and why.</param>
/// <param name="Results">One result per property of the level.</param>
public sealed record LevelResult(string Mode, IReadOnlyList<ConformanceResult> Results)
{
    /// <summary>A level that does not apply at all: every property NOT APPLICABLE for <paramref name="reason"/>.</summary>
    public static LevelResult NotApplicable(string mode, IEnumerable<string> propertyIds, string reason)
        => new(mode, propertyIds.Select(id => ConformanceResult.NotApplicable(id, "", reason)).ToArray());

    /// <summary>A level the session failed before it could start (e.g. the conventions probe): every property PROTOCOL ERROR with <paramref name="message"/>.</summary>
    public static LevelResult ProtocolError(string mode, IEnumerable<string> propertyIds, string message)
        => new(mode, propertyIds.Select(id => new ConformanceResult(id, "", ConformanceVerdict.ProtocolError, 0, null, null, message, null, null, null, TimeSpan.Zero)).ToArray());
}
