using System.Text.Json;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using Muon.Verification.NegativeControls;
using Muon.Verification.Xunit;
using Xunit.Abstractions;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// Conformance results take measured value, bound and the structured violation from the harness report (no message is
/// parsed back), and the JSON report carries the numbers as an added <c>violation</c> object.
/// </summary>
public sealed class ConformanceViolationTests(ITestOutputHelper output)
{
    private static ConformanceResult Failing(PropertySpec spec, ITestOutputHelper output)
        => ConformanceResult.From(spec, PropertyAssert.Fails(spec, output));

    private static ConformanceReport Report(params ConformanceResult[] results)
        => new("in-process", "subject", ["orthogonalize"], "{}", "test", RunDepth.Standard, results, "", TimeSpan.Zero, 0, null);

    private static JsonElement Entry(JsonDocument json, string property)
        => json.RootElement.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("property").GetString() == property);

    [Fact]
    public void Failing_matrix_factorization_spec_now_has_measured_and_bound()
    {
        // The MF wording "q = v, bound ≤ b (…)" never matched the old message pattern: Measured and Bound were null.
        var control = ControlTable.MatrixFactorization.Single(c => c.Name == "D1 L_full Hessian declared as L_half");
        var result = Failing(control.Spec(), output);
        Assert.Equal(ConformanceVerdict.Fail, result.Verdict);
        var v = Assert.IsType<Violation>(result.Violation);
        Assert.Equal(v.Measured, result.Measured);
        Assert.Equal(R(v.Bound), result.Bound);
    }

    [Fact]
    public void Measured_and_bound_are_the_violation_numbers_in_the_established_format()
    {
        var law = OrthogonalizerLaws.OddSymmetry(BrokenOrthogonalizers.EvenPolar, ExactPolar.Default, new MatrixGenOptions()) with { Subject = "even" };
        var result = Failing(law, output);
        Assert.Equal(result.Violation!.Measured, result.Measured);
        Assert.Equal(R(result.Violation.Bound), result.Bound);
        var band = Failing(OrthogonalizedBand.Property(BrokenOrthogonalizers.FrobeniusNormalized), output);
        Assert.Equal(BoundRelation.Within, band.Violation!.Relation);
        Assert.Equal("[0.6, 1.25]", band.Bound);
        Assert.Equal(band.Violation.Measured, band.Measured);
    }

    [Fact]
    public void Json_report_carries_the_violation_object()
    {
        var law = OrthogonalizerLaws.OddSymmetry(BrokenOrthogonalizers.EvenPolar, ExactPolar.Default, new MatrixGenOptions()) with { Subject = "even" };
        var failed = Failing(law, output);
        var passed = ConformanceResult.From(law, PropertyAssert.Holds(OrthogonalizerLaws.OddSymmetry(ExactPolar.Default, ExactPolar.Default, new MatrixGenOptions()), output));
        var notApplicable = ConformanceResult.NotApplicable("orthogonalizer/spectral-map", "claim", "reason");
        using var json = JsonDocument.Parse(ConformanceReportJson.Write(Report(failed, notApplicable with { Property = "x/na" }, passed with { Property = "x/pass" })));
        var v = Entry(json, failed.Property).GetProperty("violation");
        Assert.Equal("‖O(−G) + O(G)‖_F", v.GetProperty("quantity").GetString());
        Assert.Equal(failed.Violation!.Measured, v.GetProperty("measured").GetDouble());
        Assert.Equal(failed.Violation.Bound, v.GetProperty("bound").GetDouble());
        Assert.Equal(JsonValueKind.Null, v.GetProperty("bound_high").ValueKind);
        Assert.Equal(JsonValueKind.Null, v.GetProperty("tolerance").ValueKind);
        Assert.Equal("at_most", v.GetProperty("relation").GetString());
        Assert.Equal("structural", v.GetProperty("class").GetString());
        Assert.Equal(failed.Violation.Ratio, v.GetProperty("ratio").GetDouble());
        Assert.Equal(failed.Measured, Entry(json, failed.Property).GetProperty("measured").GetDouble()); // the existing fields are unchanged
        Assert.Equal(failed.Bound, Entry(json, failed.Property).GetProperty("bound").GetString());
        Assert.Equal(JsonValueKind.Null, Entry(json, "x/na").GetProperty("violation").ValueKind);
        Assert.Equal(JsonValueKind.Null, Entry(json, "x/pass").GetProperty("violation").ValueKind);
    }

    [Fact]
    public void Json_violation_keeps_non_finite_numbers_valid()
    {
        var v = Violation.Within("slope", double.NaN, double.NegativeInfinity, 2.2);
        var result = new ConformanceResult("x/nan", "claim", ConformanceVerdict.Fail, 1, v.Measured, v.BoundText, v.Describe(), null, null, null, TimeSpan.Zero) { Violation = v };
        using var json = JsonDocument.Parse(ConformanceReportJson.Write(Report(result)));
        var entry = Entry(json, "x/nan").GetProperty("violation");
        Assert.Equal("NaN", entry.GetProperty("measured").GetString());
        Assert.Equal("-Infinity", entry.GetProperty("bound").GetString());
        Assert.Equal(2.2, entry.GetProperty("bound_high").GetDouble());
        Assert.Equal("within", entry.GetProperty("relation").GetString());
        Assert.Equal("NaN", entry.GetProperty("ratio").GetString());
    }

    [Fact]
    public void Accuracy_class_reaches_the_json_report()
    {
        var v = Violation.AtMost("‖ΔO‖_F", 2e-12, 1e-13, roundOff: true);
        var result = new ConformanceResult("x/accuracy", "claim", ConformanceVerdict.Fail, 1, v.Measured, v.BoundText, v.Describe(), null, null, null, TimeSpan.Zero) { Violation = v };
        using var json = JsonDocument.Parse(ConformanceReportJson.Write(Report(result)));
        Assert.Equal("accuracy", Entry(json, "x/accuracy").GetProperty("violation").GetProperty("class").GetString());
    }

    [Fact]
    public void A_broken_session_clears_the_violation_like_measured_and_bound()
    {
        // What the per-property loop does when the session broke while a property ran: nothing measured on a broken
        // session is reported.
        var failed = Failing(ControlTable.MatrixFactorization.Single(c => c.Name == "D1 L_full Hessian declared as L_half").Spec(), output);
        Assert.NotNull(failed.Violation);
        var broken = failed.BrokenSession("protocol timeout on request #7");
        Assert.Equal(ConformanceVerdict.ProtocolError, broken.Verdict);
        Assert.Equal("protocol timeout on request #7", broken.Message);
        Assert.Null(broken.Measured);
        Assert.Null(broken.Bound);
        Assert.Null(broken.Violation);
    }

    [Fact]
    public void Zero_law_failure_keeps_its_violation()
    {
        var report = PropertyAssert.Fails(OrthogonalizerLaws.ZeroInZeroOut(BrokenOrthogonalizers.NaiveNormalization, new()), output);
        Assert.Equal(BoundRelation.Equal, report.Violation!.Relation);
    }
}
