using System.Text;
using Muon.Verification.Harness;

namespace Muon.Verification.Reporting;

/// <summary>One named curve of an experiment: y against x (e.g. a mode's learned value against the step).</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// The data of one canonical experiment: what it shows, its parameters, and its curves. The same object
/// feeds the snapshot tests (<see cref="ToText"/>) and the report's figures.
/// </summary>
public sealed record ExperimentResult(string Id, string Claim, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<Series> Series)
{
    /// <summary>Canonical, human-readable text: header, parameters, then each series as "x y" lines in round-trip form.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Id).Append('\n');
        sb.Append("# ").Append(Claim).Append('\n');
        foreach (var (k, v) in Parameters) sb.Append(k).Append(" = ").Append(v).Append('\n');
        foreach (var s in Series)
        {
            sb.Append('\n').Append("series ").Append(s.Name).Append(" (").Append(s.X.Count).Append(" points)\n");
            for (int i = 0; i < s.X.Count; i++)
                sb.Append(Formatting.R(s.X[i])).Append(' ').Append(Formatting.R(s.Y[i])).Append('\n');
        }
        return sb.ToString();
    }
}
