using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

using Muon.Verification.NegativeControls;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// The known-broken catalogue over the protocol (in-process peers through pipes): each broken implementation
/// FAILS the property the catalogue names; every correct built-in PASSES with no false alarm, whether it
/// declares its schedule or nothing.
/// </summary>
public sealed class KnownBrokenCatalogueTests(ITestOutputHelper output)
{
    public static TheoryData<int> Entries() => new(Enumerable.Range(0, ControlTable.ProtocolOrthogonalizers.Count));

    [Theory]
    [MemberData(nameof(Entries))]
    public void Broken_implementation_fails_the_named_property(int index)
    {
        var entry = ControlTable.ProtocolOrthogonalizers[index];
        var declared = entry.Declared is null ? OrthogonalizerDeclaration.Unknown : OrthogonalizerDeclaration.Of(entry.Declared);
        var report = Check(new ProtocolServer(entry.Subject.Name, entry.Subject, declared));
        var result = report.Results.Single(r => r.Property == entry.FailingProperty);
        output.WriteLine($"{entry} — {entry.DefectClass}");
        output.WriteLine(ConformanceTable.Render(report));
        Assert.True(result.Verdict == ConformanceVerdict.Fail,
            $"{entry}: expected FAIL on {entry.FailingProperty} ({entry.DefectClass}), got {result.Verdict.Text()}: {result.Message}");
        Assert.NotNull(result.Seed);
        Assert.NotNull(result.Counterexample);
        Assert.Equal(1, report.ExitCode);
    }

    public static TheoryData<string, bool> Correct()
    {
        var data = new TheoryData<string, bool>();
        foreach (var o in BuiltIns.Orthogonalizers)
        {
            data.Add(o.Name, true);
            if (o.Name != "newton-schulz:cubic×5") data.Add(o.Name, false); // cubic×5 is outside the default band by design
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Correct))]
    public void Correct_implementation_passes_with_no_false_alarm(string name, bool declaresSchedule)
    {
        var o = BuiltIns.Orthogonalizers.Single(x => x.Name == name);
        var server = new ProtocolServer(o.Name, o, declaresSchedule ? OrthogonalizerDeclaration.Of(o) : OrthogonalizerDeclaration.Unknown);
        var report = Check(server);
        output.WriteLine(ConformanceTable.Render(report));
        Assert.Equal(0, report.ExitCode);
        Assert.DoesNotContain(report.Results, r => r.Verdict is ConformanceVerdict.Fail or ConformanceVerdict.ProtocolError);
    }

    [Fact]
    public void Cubic_with_five_steps_declaring_nothing_falls_outside_the_default_band()
    {
        var report = Check(new ProtocolServer("cubic5-undeclared", NewtonSchulz.Cubic(5), OrthogonalizerDeclaration.Unknown));
        Assert.Equal(ConformanceVerdict.Fail, report.Results.Single(r => r.Property == "orthogonalizer/orthogonalized-band").Verdict);
    }

    [Fact]
    public void Failure_carries_measured_value_bound_counterexample_and_seed_into_the_json_report()
    {
        var subject = Muon.Verification.NegativeControls.BrokenOrthogonalizers.FrobeniusNormalized;
        var report = Check(new ProtocolServer(subject.Name, subject, OrthogonalizerDeclaration.Unknown));
        var band = report.Results.Single(r => r.Property == "orthogonalizer/orthogonalized-band");
        Assert.Equal(ConformanceVerdict.Fail, band.Verdict);
        Assert.True(band.Measured <= 1 / Math.Sqrt(3) + 1e-12, $"measured {band.Measured}");
        Assert.Equal("[0.6, 1.25]", band.Bound);
        using var json = System.Text.Json.JsonDocument.Parse(ConformanceReportJson.Write(report));
        var entry = json.RootElement.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("property").GetString() == band.Property);
        Assert.Equal("FAIL", entry.GetProperty("verdict").GetString());
        Assert.Equal(band.Measured, entry.GetProperty("measured").GetDouble());
        Assert.StartsWith("G ", entry.GetProperty("counterexample").GetString(), StringComparison.Ordinal);
        Assert.Matches("^.+@[0-9]+,[0-9]+(;cases=[0-9]+)?$", entry.GetProperty("seed").GetString()); // the replay text, scoped to the property
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public void Catalogue_covers_at_least_twelve_implementations_and_every_law()
    {
        Assert.True(ControlTable.ProtocolOrthogonalizers.Select(e => e.Subject.Name).Distinct().Count() >= 12);
        var named = ControlTable.ProtocolOrthogonalizers.Select(e => e.FailingProperty).ToHashSet();
        var missing = OrthogonalizerConformance.PropertyIds.Where(id => !named.Contains(id)).ToArray();
        output.WriteLine("properties without a catalogue entry: " + string.Join(", ", missing));
        Assert.True(missing.Length <= 4, "too many properties without a catalogued defect: " + string.Join(", ", missing));
    }

    private static ConformanceReport Check(ProtocolServer server)
    {
        using var implementation = ProcessImplementation.InProcess(server, FakePeers.Fast with { RequestTimeout = TimeSpan.FromSeconds(10) });
        return OrthogonalizerConformance.Check(implementation, "in-process " + server.Name, RunSettings.Standard);
    }
}
