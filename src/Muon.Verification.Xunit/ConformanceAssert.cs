using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Muon.Verification.Xunit;

/// <summary>
/// The conformance suite from one's own xunit project in one line:
/// <c>ConformanceAssert.Conforms(new ProtocolServer("mine", myOrthogonalizer, OrthogonalizerDeclaration.Exact, myOptimizer), output);</c>
/// The implementation is served in-process over the protocol (the same path as any process implementation);
/// any FAIL or PROTOCOL ERROR throws <see cref="XunitException"/> with the verdict table and every violation.
/// </summary>
public static class ConformanceAssert
{
    /// <summary>Asserts that the served implementation passes every applicable property (orthogonalizer and, if offered, optimizer level).</summary>
    public static ConformanceReport Conforms(ProtocolServer implementation, ITestOutputHelper? output = null, RunSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ConformanceReport report;
        using (var peer = ProcessImplementation.InProcess(implementation))
            report = ConformanceSuite.Check(peer, "in-process " + implementation.Name, settings ?? RunSettings.FromEnvironment());
        string table = ConformanceTable.Render(report);
        output?.WriteLine(table);
        if (report.ExitCode != 0) throw new XunitException($"'{implementation.Name}' does not conform.{Environment.NewLine}{table}");
        return report;
    }

    /// <summary>Asserts that <paramref name="orthogonalizer"/> passes the orthogonalizer level under <paramref name="declared"/> (default: nothing declared, judged by the band).</summary>
    public static ConformanceReport Conforms(IOrthogonalizer orthogonalizer, OrthogonalizerDeclaration? declared = null, ITestOutputHelper? output = null, RunSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(orthogonalizer);
        return Conforms(new ProtocolServer(orthogonalizer.Name, orthogonalizer, declared ?? OrthogonalizerDeclaration.Unknown) { OffersOptimizer = false }, output, settings);
    }
}
