using Muon.Verification.Experiments;

namespace Muon.Verification.Reporting;

/// <summary>One figure of the report: its chart, the experiment whose data it shows, and the spec ids that check the claim.</summary>
public sealed record Figure(string FileName, ChartSpec? Chart, string? Svg, ExperimentResult Data, IReadOnlyList<string> CheckedBy)
{
    /// <summary>The SVG text.</summary>
    public string Render() => Svg ?? SvgChart.Line(Chart ?? throw new InvalidOperationException($"figure {FileName} has neither a chart nor SVG."));
}
