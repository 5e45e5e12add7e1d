using Muon.Verification.Harness;

namespace Muon.Verification.Reporting;

/// <summary>One figure of the report: its chart, the experiment whose data it shows, and the specs that check the claim
/// (instantiated for the reference implementation, with the same names — hence seeds — as in the test suite).</summary>
public sealed record Figure(string FileName, ChartSpec? Chart, string? Svg, ExperimentResult Data, IReadOnlyList<PropertySpec> CheckedBy)
{
    /// <summary>The SVG text.</summary>
    public string Render() => Svg ?? SvgChart.Line(Chart ?? throw new InvalidOperationException($"figure {FileName} has neither a chart nor SVG."));
}
