using FsCheck.Fluent;
using Muon.Verification.Harness;

namespace Muon.Verification.Properties.Harness;

/// <summary>What <see cref="PropertyRunner.Run"/> puts into a failure report: kind, message, counterexample, replay.</summary>
public sealed class PropertyRunnerReportTests
{
    private static PropertySpec Spec(string id, FsCheck.Property property) => new(id, "meta", "meta", "n/a", 100, () => property);

    [Fact]
    public void An_unexpected_exception_is_an_exception_failure()
    {
        var report = PropertyRunner.Run(Spec("meta/throws", Prop.ForAll(Arb.From(Gen.Choose(0, 1)), new Action<int>(_ => throw new InvalidOperationException("boom")))), RunSettings.Standard);
        Assert.Equal((FailureKind?)FailureKind.Exception, report.Failure);
        Assert.Equal("InvalidOperationException: boom", report.Message);
    }

    [Fact]
    public void An_unshrinkable_counterexample_is_still_reported()
    {
        // Gen without shrinker: nothing shrinks, and FsCheck reports the original arguments as the shrunk ones.
        var report = PropertyRunner.Run(Spec("meta/no-shrink", Prop.ForAll(Arb.From(Gen.Choose(7, 7)), new Action<int>(x => throw new SpecViolation($"x = {x}")))), RunSettings.Standard);
        Assert.Equal("7", report.Counterexample);
    }

    [Fact]
    public void Several_arguments_are_joined_with_a_bar_and_the_failing_case_names_its_spec()
    {
        var report = PropertyRunner.Run(Spec("meta/pair", Prop.ForAll(Arb.From(Gen.Choose(3, 3)), Arb.From(Gen.Choose(4, 4)), (a, b) => a + b < 0)), RunSettings.Standard);
        Assert.Equal("3 | 4", report.Counterexample);
        Assert.Equal("meta/pair", report.FailingCase?.Spec);
        Assert.Equal("meta/pair", report.Replay.Spec);
    }

    [Fact]
    public void A_null_spec_is_an_argument_error()
        => Assert.Equal("spec", Assert.Throws<ArgumentNullException>(() => PropertyRunner.Run(null!, RunSettings.Standard)).ParamName);
}
