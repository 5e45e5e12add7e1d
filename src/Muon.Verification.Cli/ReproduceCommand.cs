using System.Diagnostics;
using Muon.Verification.Harness;
using Muon.Verification.Reporting;

namespace Muon.Verification.Cli;

/// <summary><c>muon-verify reproduce [--out DIR]</c>: recomputes the canonical experiments and writes the report.</summary>
internal static class ReproduceCommand
{
    public static int Run(string[] args)
    {
        string output = "report";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
            else
            {
                Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'. usage: muon-verify reproduce [--out DIR]");
                return 2;
            }
        }
        var clock = Stopwatch.StartNew();
        var figures = CanonicalFigures.All(step => Console.Error.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:F1} s] {step}"));
        var settings = RunSettings.FromEnvironment();
        var index = ReportWriter.Write(figures, output, spec =>
        {
            Console.Error.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:F1} s] checking {spec.QualifiedName}");
            var report = PropertyRunner.Run(spec, settings);
            return report.Passed
                ? $"PASS ({report.Tests} cases, {report.Elapsed.TotalSeconds:F1} s)"
                : $"{report.Verdict.ToString().ToUpperInvariant()}: {report.Message} (replay: {report.Replay})";
        });
        Console.WriteLine($"wrote {figures.Count} figures with their data and {index} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
