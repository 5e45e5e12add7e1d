using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>
/// The per-property loop every conformance level shares: NOT APPLICABLE with its reason; PROTOCOL ERROR "not run" once
/// the session has broken; otherwise the spec runs (<see cref="PropertyRunner"/>, converted by
/// <see cref="ConformanceResult.From"/>) and becomes PROTOCOL ERROR if the session broke during it. One progress mark per
/// property (<c>.</c> pass, <c>F</c> fail, <c>E</c> protocol error, <c>-</c> not applicable), then a line break.
/// </summary>
internal static class PropertyLoop
{
    /// <summary>Judges <paramref name="plan"/> in order over <paramref name="client"/>'s session.</summary>
    public static IReadOnlyList<ConformanceResult> Run(IEnumerable<PlannedProperty> plan, ProtocolClient client, RunSettings settings, TextWriter? progress)
    {
        var results = new List<ConformanceResult>();
        foreach (var property in plan)
        {
            var result = Judge(property, client, settings);
            results.Add(result);
            progress?.Write(Mark(result.Verdict));
        }
        progress?.WriteLine();
        return results;
    }

    private static ConformanceResult Judge(PlannedProperty property, ProtocolClient client, RunSettings settings)
    {
        if (property.NotApplicable is { } reason)
            return ConformanceResult.NotApplicable(property.Id, property.Claim, reason);
        if (client.Fatal is { } broken)
            return new ConformanceResult(property.Id, property.Claim, ConformanceVerdict.ProtocolError, 0, null, null,
                $"not run: the session broke earlier ({broken.Kind} on {broken.Request}).", null, null, null, TimeSpan.Zero);
        var spec = property.Spec ?? throw new InvalidOperationException($"{property.Id}: neither a spec nor a reason it does not apply.");
        var result = ConformanceResult.From(spec, PropertyRunner.Run(spec, settings));
        if (client.Fatal is { } now)
            return result.BrokenSession(now.Message);
        return property.Annotate?.Invoke(result) ?? result;
    }

    private static string Mark(ConformanceVerdict verdict) => verdict switch
    {
        ConformanceVerdict.Pass => ".",
        ConformanceVerdict.Fail => "F",
        ConformanceVerdict.NotApplicable => "-",
        _ => "E",
    };
}
