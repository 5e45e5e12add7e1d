using System.Diagnostics;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Cli;

/// <summary><c>muon-verify check --exec CMD</c>: the conformance oracle against a process implementation.</summary>
internal static class ExecCheck
{
    public static int Run(string command, RunSettings settings, ProtocolOptions options, string? jsonPath)
        => Report(command, settings, jsonPath, () => ProcessImplementation.Start(command, options));

    /// <summary>Connects with <paramref name="connect"/>, runs the whole suite, prints the table and writes the JSON report.</summary>
    public static int Report(string command, RunSettings settings, string? jsonPath, Func<ProcessImplementation> connect)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Conformance, protocol v{ProtocolV1.Version} ({settings.Depth} run): {command}");
        ConformanceReport report;
        try
        {
            using var implementation = connect();
            Console.Error.Write($"  {implementation.Name} ");
            report = ConformanceSuite.Check(implementation, command, settings, Console.Error);
            implementation.Client.Bye();
        }
        catch (ProtocolException e)
        {
            report = ConformanceReport.Failed(command, settings.Depth, e.Message, e.StderrTail, clock.Elapsed);
        }
        Console.WriteLine(ConformanceTable.Render(report));
        Console.WriteLine();
        Console.WriteLine($"{report.Count(ConformanceVerdict.Pass)} passed, {report.Count(ConformanceVerdict.Fail)} failed, " +
            $"{report.Count(ConformanceVerdict.NotApplicable)} not applicable, {report.Count(ConformanceVerdict.ProtocolError)} protocol errors " +
            $"({report.Requests} requests in {clock.Elapsed.TotalSeconds:F1} s)");
        if (jsonPath is not null)
        {
            try
            {
                File.WriteAllText(jsonPath, ConformanceReportJson.Write(report with { Elapsed = clock.Elapsed }));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not write the JSON report to '{jsonPath}': {e.Message}");
                return 2;
            }
        }
        return report.ExitCode;
    }
}
