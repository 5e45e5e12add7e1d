using Muon.Verification.Harness;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Muon.Verification.Xunit;

/// <summary>
/// Runs <see cref="PropertySpec"/>s from plain xunit facts: the report goes to the test output, and a
/// failure throws <see cref="XunitException"/> with the violation, the full-precision counterexample and the
/// replay seed (a runner that forgets to throw would silently pass every property).
/// </summary>
public static class PropertyAssert
{
    /// <summary>Asserts that <paramref name="spec"/> holds.</summary>
    public static PropertyReport Holds(PropertySpec spec, ITestOutputHelper? output = null, RunSettings? settings = null)
    {
        var report = PropertyRunner.Run(spec, settings);
        output?.WriteLine(report.Describe());
        if (!report.Passed)
            throw new XunitException($"Property failed.{Environment.NewLine}{report.Describe()}{Environment.NewLine}claim: {spec.Claim}{Environment.NewLine}tolerance: {spec.Tolerance}");
        return report;
    }

    /// <summary>
    /// Asserts that <paramref name="spec"/> FAILS (negative control): the broken subject must be caught, and by the
    /// check named in <paramref name="by"/> — by default the claim's own check (<see cref="FailureKind.Law"/>), so a
    /// control that merely crashes or returns the wrong shape does not count as proof that the law can fail.
    /// The counterexample that caught it is written to the output. A control never runs fewer than the standard
    /// number of cases: <c>MUON_VERIFY_DEPTH=quick</c> trades coverage of a law for speed, but the power of a control
    /// to fail must not shrink with it (a control drawing 4 instead of 16 cases can miss — found by a quick run).
    /// </summary>
    public static PropertyReport Fails(PropertySpec spec, ITestOutputHelper? output = null, RunSettings? settings = null, FailureKind by = FailureKind.Law)
    {
        var report = PropertyRunner.Run(spec, ControlSettings(settings ?? RunSettings.FromEnvironment()));
        output?.WriteLine(report.Describe());
        if (report.Verdict != Verdict.Fail)
            throw new XunitException($"Negative control was not caught: '{spec.QualifiedName}' {report.Verdict} after {report.Tests} cases, but the subject is deliberately broken.{Environment.NewLine}claim: {spec.Claim}");
        if (report.Failure != by)
            throw new XunitException($"Negative control '{spec.QualifiedName}' failed by {report.Failure}, not by {by}: the law's own check was not exercised.{Environment.NewLine}{report.Describe()}");
        return report;
    }

    /// <summary>The settings a negative control runs with: quick depth is raised to standard (explicit overrides stay).</summary>
    public static RunSettings ControlSettings(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Depth == RunDepth.Quick ? settings with { Depth = RunDepth.Standard } : settings;
    }
}
