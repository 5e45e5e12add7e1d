namespace Muon.Verification.Conformance;

/// <summary>Plain-text rendering of a <see cref="ConformanceReport"/>: one row per property, then the details of every non-pass.</summary>
public static class ConformanceTable
{
    /// <summary>The verdict table and details.</summary>
    public static string Render(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            $"implementation: {report.Name} ({report.Command})",
            $"declares: {report.DeclaresJson}",
            $"mode: {report.Mode}",
        };
        if (report.SessionError is not null)
        {
            lines.Add("SESSION ERROR: " + report.SessionError);
            return string.Join(Environment.NewLine, lines);
        }
        int width = Math.Max("property".Length, report.Results.Select(r => r.Property.Length).DefaultIfEmpty(0).Max());
        lines.Add("");
        lines.Add("property".PadRight(width) + " | verdict");
        lines.Add(new string('-', width) + "-|---------------");
        foreach (var r in report.Results) lines.Add(r.Property.PadRight(width) + " | " + r.Verdict.Text());
        foreach (var r in report.Results.Where(r => r.Verdict is not ConformanceVerdict.Pass))
        {
            lines.Add("");
            lines.Add($"{r.Property}: {r.Verdict.Text()}{(r.Cases > 0 ? $" after {r.Cases} case(s)" : "")}");
            if (r.Message is not null) lines.Add("  " + (r.Verdict == ConformanceVerdict.Fail ? "violation: " : "reason: ") + r.Message);
            if (r.Counterexample is not null && r.Verdict == ConformanceVerdict.Fail) lines.Add("  counterexample: " + r.Counterexample);
            if (r.FailingCase is not null && r.Verdict == ConformanceVerdict.Fail) lines.Add($"  replay the failing case: --replay {r.FailingCase}");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
