using System.Globalization;
using Muon.Verification.Statistics;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>The calibration tests' report of a ratio sample: per property n, quantiles, exceedances of the factor and the 95 % Clopper–Pearson upper bound.</summary>
internal static class RatioSummary
{
    /// <summary>Writes one line per property (sorted) and returns the total number of ratios above <paramref name="factor"/>.</summary>
    public static int Report(ITestOutputHelper output, string subject, IEnumerable<KeyValuePair<string, List<double>>> ratios, double factor)
    {
        int exceedances = 0;
        foreach (var (id, list) in ratios.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            list.Sort();
            int over = list.Count(x => x > factor);
            exceedances += over;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{subject} | {id} | n = {list.Count} | median {list[list.Count / 2]:G3} | q99 {list[(int)(0.99 * (list.Count - 1))]:G3} | max {list[^1]:G3} | over {factor}: {over} | 95 % upper bound {ClopperPearson.Upper(over, list.Count, 0.95):G3}"));
        }
        return exceedances;
    }
}
