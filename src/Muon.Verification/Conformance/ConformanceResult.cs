using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>The verdict on one property, with what was measured.</summary>
/// <param name="Property">Property id, e.g. <c>orthogonalizer/odd-symmetry</c>.</param>
/// <param name="Claim">What the property claims.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Cases">Cases run (0 when not run).</param>
/// <param name="Measured">The violating quantity (failures), or the measured profile value where one exists.</param>
/// <param name="Bound">The bound the quantity was held to (failures).</param>
/// <param name="Message">The violation, the reason for NOT APPLICABLE, or the protocol failure.</param>
/// <param name="Counterexample">The shrunk counterexample at full precision (failures).</param>
/// <param name="Seed">Replays the whole run (<c>seed,gamma</c>), when run.</param>
/// <param name="FailingCase">Replays only the failing case (<c>seed,gamma,size</c>).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record ConformanceResult(
    string Property,
    string Claim,
    ConformanceVerdict Verdict,
    int Cases,
    double? Measured,
    string? Bound,
    string? Message,
    string? Counterexample,
    string? Seed,
    string? FailingCase,
    TimeSpan Elapsed)
{
    /// <summary>This result when the session broke while the property ran: PROTOCOL ERROR with <paramref name="message"/>, and nothing measured on the broken session reported.</summary>
    public ConformanceResult BrokenSession(string message)
        => this with { Verdict = ConformanceVerdict.ProtocolError, Message = message, Measured = null, Bound = null, Violation = null };

    /// <summary>A property that does not apply, with its reason.</summary>
    public static ConformanceResult NotApplicable(string property, string claim, string reason)
        => new(property, claim, ConformanceVerdict.NotApplicable, 0, null, null, reason, null, null, null, TimeSpan.Zero);

    /// <summary>
    /// The numbers of a FAIL's violation (measured, bound, relation, class, ratio): from the harness report, null on PASS,
    /// NOT APPLICABLE, PROTOCOL ERROR and on a failure that carried no numbers (a wrong shape, an exception).
    /// </summary>
    public Violation? Violation { get; init; }

    /// <summary>
    /// Converts a harness report; <see cref="Measured"/>, <see cref="Bound"/> (<see cref="Harness.Violation.BoundText"/>: the
    /// bound in round-trip form, <c>[lo, hi]</c> for an interval) and <see cref="Violation"/> come from the report's
    /// structured violation.
    /// </summary>
    public static ConformanceResult From(PropertySpec spec, PropertyReport report)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        var verdict = report.Verdict == Harness.Verdict.Pass ? ConformanceVerdict.Pass : ConformanceVerdict.Fail;
        var violation = report.Violation;
        return new ConformanceResult(spec.Id, spec.Claim, verdict, report.Tests, violation?.Measured, violation?.BoundText, report.Message, report.Counterexample,
            report.Replay.ToString(), report.FailingCase?.ToString(), report.Elapsed) { Violation = violation };
    }
}
