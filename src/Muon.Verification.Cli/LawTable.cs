using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Cli;

/// <summary>Runs the orthogonalizer laws for a set of subjects and renders a plain-text verdict table.</summary>
internal static class LawTable
{
    public static IReadOnlyList<(string Subject, IReadOnlyList<PropertyReport> Reports)> Run(
        IEnumerable<(IOrthogonalizer Subject, ISpectralOrthogonalizer Declared, MatrixGenOptions? Generator)> subjects, RunSettings settings, TextWriter progress)
    {
        var rows = new List<(string, IReadOnlyList<PropertyReport>)>();
        foreach (var (subject, declared, generator) in subjects)
        {
            progress.Write($"  {subject.Name} ");
            var reports = new List<PropertyReport>();
            foreach (var law in OrthogonalizerLaws.For(subject, declared, generator))
            {
                reports.Add(PropertyRunner.Run(law, settings));
                progress.Write(reports[^1].Passed ? "." : "F");
            }
            progress.WriteLine();
            rows.Add((subject.Name, reports));
        }
        return rows;
    }

    public static string Render(IReadOnlyList<(string Subject, IReadOnlyList<PropertyReport> Reports)> rows)
    {
        var lawIds = rows.SelectMany(r => r.Reports).Select(r => ShortId(r.Name)).Distinct().ToArray();
        int first = Math.Max("orthogonalizer".Length, rows.Max(r => r.Subject.Length));
        var widths = lawIds.Select(id => Math.Max(id.Length, "FAIL(exception)".Length)).ToArray();
        var lines = new List<string>
        {
            "orthogonalizer".PadRight(first) + " | " + string.Join(" | ", lawIds.Select((id, i) => id.PadRight(widths[i]))),
            new string('-', first) + "-|-" + string.Join("-|-", widths.Select(w => new string('-', w))),
        };
        foreach (var (subject, reports) in rows)
        {
            var cells = lawIds.Select((id, i) =>
            {
                var r = reports.FirstOrDefault(x => ShortId(x.Name) == id);
                string cell = r is null ? "n/a" : r.Verdict switch
                {
                    Verdict.Pass => "PASS",
                    Verdict.Fail => r.Failure switch { FailureKind.Law => "FAIL", FailureKind.Contract => "FAIL(contract)", _ => "FAIL(exception)" },
                    _ => "EXHAUSTED",
                };
                return cell.PadRight(widths[i]);
            });
            lines.Add(subject.PadRight(first) + " | " + string.Join(" | ", cells));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string ShortId(string qualifiedName)
    {
        var id = qualifiedName[(qualifiedName.IndexOf("::", StringComparison.Ordinal) + 2)..];
        return id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }
}
