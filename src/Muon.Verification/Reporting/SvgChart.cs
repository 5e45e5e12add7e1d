using System.Globalization;
using System.Security;
using System.Text;

namespace Muon.Verification.Reporting;

/// <summary>A dashed reference line y = f(x) drawn over a chart (e.g. a t⁻⁴ slope or a loss floor).</summary>
public sealed record ReferenceCurve(string Name, Func<double, double> F);

/// <summary>What to draw: title, axis labels and scales, series and optional reference curves.</summary>
public sealed record ChartSpec(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, bool LogX = false, bool LogY = false)
{
    /// <summary>Dashed reference curves.</summary>
    public IReadOnlyList<ReferenceCurve> References { get; init; } = [];
}

/// <summary>
/// Writes line charts and grouped bar charts as standalone SVG (no plotting package is available here):
/// linear or log axes with gridlines, a legend, and the colour-blind-safe Okabe–Ito palette.
/// </summary>
public static class SvgChart
{
    private const double Width = 760, Height = 470, Left = 84, Right = 200, Top = 48, Bottom = 62;
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>A line chart of <paramref name="spec"/>.</summary>
    public static string Line(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var x = new Axis(spec.Series.SelectMany(s => s.X), spec.LogX, Left, Width - Right);
        var xs = spec.Series.SelectMany(s => s.X).Where(x.Drawable).ToArray();
        var y = new Axis(spec.Series.SelectMany(s => s.Y).Concat(spec.References.SelectMany(r => xs.Select(r.F))), spec.LogY, Height - Bottom, Top);
        var sb = Begin(spec.Title);
        Frame(sb, x, y, spec.XLabel, spec.YLabel);
        var legend = new List<(string Name, string Colour, bool Dashed)>();
        for (int i = 0; i < spec.Series.Count; i++)
        {
            var s = spec.Series[i];
            string colour = Palette[i % Palette.Length];
            var points = Enumerable.Range(0, s.X.Count).Where(k => x.Drawable(s.X[k]) && y.Drawable(s.Y[k]))
                .Select(k => $"{N(x.Map(s.X[k]))},{N(y.Map(s.Y[k]))}").ToArray();
            if (points.Length > 0)
                sb.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>\n");
            legend.Add((s.Name, colour, false));
        }
        foreach (var r in spec.References)
        {
            var grid = Enumerable.Range(0, 200).Select(k => spec.LogX
                ? Math.Pow(10, Math.Log10(x.Ticks().First().Value) + k / 199.0 * (Math.Log10(x.Ticks().Last().Value) - Math.Log10(x.Ticks().First().Value)))
                : x.Ticks().First().Value + k / 199.0 * (x.Ticks().Last().Value - x.Ticks().First().Value));
            var pts = grid.Select(v => (v, r.F(v))).Where(p => x.Drawable(p.v) && y.Drawable(p.Item2))
                .Select(p => (X: x.Map(p.v), Y: y.Map(p.Item2))).Where(p => p.Y >= Top && p.Y <= Height - Bottom)
                .Select(p => $"{N(p.X)},{N(p.Y)}").ToArray();
            if (pts.Length > 1)
                sb.Append($"<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"{string.Join(' ', pts)}\"/>\n");
            legend.Add((r.Name, "#555", true));
        }
        Legend(sb, legend);
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>A grouped bar chart: one group per category, one bar per series (values may be negative).</summary>
    public static string Bars(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var y = new Axis(series.SelectMany(s => s.Values).Append(0), false, Height - Bottom, Top);
        var sb = Begin(title);
        foreach (var (v, label) in y.Ticks())
        {
            sb.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y.Map(v))}\" y2=\"{N(y.Map(v))}\" stroke=\"#ddd\"/>\n");
            sb.Append($"<text x=\"{N(Left - 8)}\" y=\"{N(y.Map(v) + 4)}\" text-anchor=\"end\">{Esc(label)}</text>\n");
        }
        double groupWidth = (Width - Right - Left) / Math.Max(1, categories.Count);
        double barWidth = groupWidth * 0.8 / Math.Max(1, series.Count);
        for (int c = 0; c < categories.Count; c++)
        {
            double gx = Left + c * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.Count; s++)
            {
                double v = series[s].Values[c];
                double y0 = y.Map(0), y1 = y.Map(v);
                sb.Append($"<rect x=\"{N(gx + s * barWidth)}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(barWidth * 0.92)}\" height=\"{N(Math.Abs(y1 - y0))}\" fill=\"{Palette[s % Palette.Length]}\"/>\n");
            }
            double lx = gx + groupWidth * 0.4, ly = Height - Bottom + 14;
            sb.Append($"<text transform=\"translate({N(lx)},{N(ly)}) rotate(-20)\" text-anchor=\"end\" font-size=\"11\">{Esc(categories[c])}</text>\n");
        }
        sb.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y.Map(0))}\" y2=\"{N(y.Map(0))}\" stroke=\"#333\"/>\n");
        sb.Append($"<text transform=\"translate(22,{N((Top + Height - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{Esc(yLabel)}</text>\n");
        Legend(sb, series.Select((s, i) => (s.Name, Palette[i % Palette.Length], false)).ToList());
        return sb.Append("</svg>\n").ToString();
    }

    private static StringBuilder Begin(string title)
    {
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"13\">\n");
        sb.Append($"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.Append($"<text x=\"{N(Width / 2)}\" y=\"26\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Esc(title)}</text>\n");
        return sb;
    }

    private static void Frame(StringBuilder sb, Axis x, Axis y, string xLabel, string yLabel)
    {
        foreach (var (v, label) in x.Ticks())
        {
            double px = x.Map(v);
            sb.Append($"<line x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#e5e5e5\"/>\n");
            sb.Append($"<text x=\"{N(px)}\" y=\"{N(Height - Bottom + 18)}\" text-anchor=\"middle\">{Esc(label)}</text>\n");
        }
        foreach (var (v, label) in y.Ticks())
        {
            double py = y.Map(v);
            sb.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(py)}\" y2=\"{N(py)}\" stroke=\"#e5e5e5\"/>\n");
            sb.Append($"<text x=\"{N(Left - 8)}\" y=\"{N(py + 4)}\" text-anchor=\"end\">{Esc(label)}</text>\n");
        }
        sb.Append($"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Right - Left)}\" height=\"{N(Height - Bottom - Top)}\" fill=\"none\" stroke=\"#333\"/>\n");
        sb.Append($"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 18)}\" text-anchor=\"middle\">{Esc(xLabel)}</text>\n");
        sb.Append($"<text transform=\"translate(22,{N((Top + Height - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{Esc(yLabel)}</text>\n");
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<(string Name, string Colour, bool Dashed)> items)
    {
        double lx = Width - Right + 14, ly = Top + 6;
        for (int i = 0; i < items.Count; i++)
        {
            var (name, colour, dashed) = items[i];
            double yy = ly + i * 20;
            sb.Append($"<line x1=\"{N(lx)}\" x2=\"{N(lx + 24)}\" y1=\"{N(yy)}\" y2=\"{N(yy)}\" stroke=\"{colour}\" stroke-width=\"{(dashed ? "1.5" : "3")}\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>\n");
            sb.Append($"<text x=\"{N(lx + 30)}\" y=\"{N(yy + 4)}\" font-size=\"12\">{Esc(name)}</text>\n");
        }
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
