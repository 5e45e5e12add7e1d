using System.Text;
using System.Text.Json;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Conformance;

/// <summary>
/// The machine-readable report (<c>muon-verify check --json FILE</c>): implementation, declared conventions,
/// and per property its verdict, measured value, bound, counterexample and seed. Schema in docs/conformance.md.
/// </summary>
public static class ConformanceReportJson
{
    /// <summary>Schema version of the report.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as indented JSON.</summary>
    public static string Write(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", SchemaVersion);
            w.WriteString("tool", "muon-verify");
            w.WriteNumber("protocol", ProtocolV1.Version);
            w.WriteStartObject("implementation");
            w.WriteString("command", report.Command);
            w.WriteString("name", report.Name);
            w.WriteStartArray("capabilities");
            foreach (var c in report.Capabilities) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WritePropertyName("declares");
            using (var declares = JsonDocument.Parse(report.DeclaresJson)) declares.RootElement.WriteTo(w);
            w.WriteEndObject();
            w.WriteString("mode", report.Mode);
            w.WriteString("depth", report.Depth.ToString().ToLowerInvariant());
            if (report.SessionError is null) w.WriteNull("session_error");
            else w.WriteString("session_error", report.SessionError);
            w.WriteStartArray("properties");
            foreach (var r in report.Results) WriteResult(w, r);
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("passed", report.Count(ConformanceVerdict.Pass));
            w.WriteNumber("failed", report.Count(ConformanceVerdict.Fail));
            w.WriteNumber("not_applicable", report.Count(ConformanceVerdict.NotApplicable));
            w.WriteNumber("protocol_errors", report.Count(ConformanceVerdict.ProtocolError));
            w.WriteNumber("requests", report.Requests);
            w.WriteNumber("elapsed_seconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            w.WriteNumber("exit_code", report.ExitCode);
            w.WriteEndObject();
            w.WriteString("stderr_tail", report.StderrTail);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteResult(Utf8JsonWriter w, ConformanceResult r)
    {
        w.WriteStartObject();
        w.WriteString("property", r.Property);
        w.WriteString("verdict", r.Verdict.Text());
        w.WriteString("claim", r.Claim);
        w.WriteNumber("cases", r.Cases);
        w.WritePropertyName("measured");
        if (r.Measured is double m) MatrixJson.WriteNumber(w, m);
        else w.WriteNullValue();
        NullableString(w, "bound", r.Bound);
        WriteViolation(w, r.Violation);
        NullableString(w, "message", r.Message);
        NullableString(w, "counterexample", r.Counterexample);
        NullableString(w, "seed", r.Seed);
        NullableString(w, "failing_case", r.FailingCase);
        w.WriteNumber("elapsed_ms", Math.Round(r.Elapsed.TotalMilliseconds, 1));
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>"violation": {"quantity", "measured", "relation", "bound", "bound_high", "tolerance", "class", "ratio"}</c>, or null
    /// (PASS, NOT APPLICABLE, PROTOCOL ERROR, a failure without numbers). Non-finite numbers are the strings of
    /// <see cref="MatrixJson.WriteNumber"/>.
    /// </summary>
    private static void WriteViolation(Utf8JsonWriter w, Harness.Violation? v)
    {
        if (v is null)
        {
            w.WriteNull("violation");
            return;
        }
        w.WriteStartObject("violation");
        w.WriteString("quantity", v.Quantity);
        w.WritePropertyName("measured");
        MatrixJson.WriteNumber(w, v.Measured);
        w.WriteString("relation", RelationName(v.Relation));
        w.WritePropertyName("bound");
        MatrixJson.WriteNumber(w, v.Bound);
        w.WritePropertyName("bound_high");
        if (v.BoundHigh is double high) MatrixJson.WriteNumber(w, high);
        else w.WriteNullValue();
        w.WritePropertyName("tolerance");
        if (v.Tolerance is double tolerance) MatrixJson.WriteNumber(w, tolerance);
        else w.WriteNullValue();
        w.WriteString("class", v.Class == Harness.ViolationClass.Accuracy ? "accuracy" : "structural");
        w.WritePropertyName("ratio");
        MatrixJson.WriteNumber(w, v.Ratio);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a relation: <c>at_most</c>, <c>at_least</c>, <c>below</c>, <c>above</c>, <c>within</c>, <c>near</c>, <c>equal</c>.</summary>
    public static string RelationName(Harness.BoundRelation relation) => relation switch
    {
        Harness.BoundRelation.AtMost => "at_most",
        Harness.BoundRelation.AtLeast => "at_least",
        Harness.BoundRelation.Below => "below",
        Harness.BoundRelation.Above => "above",
        Harness.BoundRelation.Within => "within",
        Harness.BoundRelation.Near => "near",
        _ => "equal",
    };

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
