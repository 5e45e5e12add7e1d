using System.Diagnostics;

namespace Muon.Benchmarks;

/// <summary>
/// Median-of-repeats timing: warm up until the JIT has settled (≥ 0.5 s and ≥ 100 calls, at most 3 s — tiered
/// compilation promotes hot methods after ~30 calls plus a background delay), then repeat until ≥ 7 runs and ≥ 0.5 s
/// (at most 200 runs).
/// </summary>
internal static class MedianTimer
{
    public static (double MedianMs, double Q1Ms, double Q3Ms, int Runs) Measure(Action work)
    {
        var warm = Stopwatch.StartNew();
        int calls = 0;
        do { work(); calls++; } while ((warm.Elapsed.TotalSeconds < 0.5 || calls < 100) && warm.Elapsed.TotalSeconds < 3);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 200 && (times.Count < 7 || total.Elapsed.TotalSeconds < 0.5))
        {
            var sw = Stopwatch.StartNew();
            work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[times.Count / 4], times[3 * times.Count / 4], times.Count);
    }
}
