using System.Xml.Linq;
using Muon.Verification.Reporting;


namespace Muon.Verification.Properties.Reporting;

public sealed class ReportWriterTests
{
    [Fact]
    public void Report_has_every_figure_its_data_and_well_formed_svg()
    {
        var dir = Directory.CreateTempSubdirectory("muon-report").FullName;
        try
        {
            // Cheap stand-ins: the canonical figures' own data are snapshot-tested; here only the writer is under test.
            var grid = CanonicalExperiments.GridConfinement();
            Figure[] figures =
            [
                new("a.svg", new ChartSpec("loss", "t", "L", grid.Series, LogY: true), null, grid, [Muon.Verification.Specs.Quadratics.GridConfinementSpecs.LossFloor(Muon.Verification.Subjects.OptimizerSubject.Muon())]),
                new("b.svg", null, SvgChart.Bars("bars", "score", ["x", "y"], [("s", [1.0, -2.0])]), grid, []),
            ];
            var index = File.ReadAllText(ReportWriter.Write(figures, dir, spec => $"PASS ({spec.Id})"));
            foreach (var f in figures)
            {
                Assert.Contains($"]({f.FileName})", index, StringComparison.Ordinal);
                Assert.Equal("svg", XDocument.Load(Path.Combine(dir, f.FileName)).Root!.Name.LocalName);
                Assert.True(File.ReadAllLines(Path.Combine(dir, Path.ChangeExtension(f.FileName, ".csv"))).Length > 2);
            }
            Assert.Contains("PASS (", index, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Log_axis_ignores_non_positive_values_and_escapes_text()
    {
        var svg = SvgChart.Line(new ChartSpec("a < b & c", "x", "y", [new Series("s", [0, 1, 2], [0, 1e-3, 1])], LogY: true));
        Assert.Contains("a &lt; b &amp; c", svg, StringComparison.Ordinal);
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
    }
}
