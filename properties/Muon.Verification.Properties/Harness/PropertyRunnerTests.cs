using FsCheck.Fluent;
using Muon.Verification.Harness;
using Muon.Verification.Xunit;
using Xunit.Sdk;

namespace Muon.Verification.Properties.Harness;

/// <summary>Meta-tests of the harness itself: it fails loudly, prints what replays, and replays what it prints.</summary>
public sealed class PropertyRunnerTests
{
    private static PropertySpec Spec(Func<int, bool> holds, string id = "meta/int-below-50") => new(
        id, "every drawn integer is below 50", "meta-test", "exact", 200,
        () => Prop.ForAll(Arb.From(Gen.Choose(0, 100), x => x > 0 ? new[] { x / 2, x - 1 } : []), x =>
        {
            if (!holds(x)) throw new SpecViolation($"x = {x}, bound 49");
        }));

    [Fact]
    public void Stable_seed_is_fnv1a_64()
    {
        // Published FNV-1a 64-bit test vector for "a"; the seed must never depend on the process.
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableSeed.Of("a"));
        Assert.Equal(1UL, StableSeed.PairOf("anything").Gamma & 1UL);
    }

    [Fact]
    public void Failure_reports_counterexample_violation_and_replay()
    {
        var report = PropertyRunner.Run(Spec(x => x < 50), RunSettings.Standard);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal("50", report.Counterexample); // shrunk to the boundary
        Assert.Contains("x = 50, bound 49", report.Message, StringComparison.Ordinal);
        Assert.NotNull(report.FailingCase);
        Assert.Contains("MUON_VERIFY_REPLAY", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_throws_an_xunit_failure_with_the_replay_seed()
    {
        var e = Assert.Throws<XunitException>(() => PropertyAssert.Holds(Spec(x => x < 50), null, RunSettings.Standard));
        Assert.Contains("counterexample: 50", e.Message, StringComparison.Ordinal);
        Assert.Contains("MUON_VERIFY_REPLAY=", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_throws_when_a_negative_control_is_not_caught()
    {
        var e = Assert.Throws<XunitException>(() => PropertyAssert.Fails(Spec(_ => true), null, RunSettings.Standard));
        Assert.Contains("Negative control was not caught", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_rejects_a_control_caught_only_by_a_contract_breach()
    {
        var spec = new PropertySpec("meta/contract", "never breaks the contract", "meta", "n/a", 10,
            () => Prop.ForAll(Arb.From(Gen.Choose(0, 1)), new Action<int>(_ => throw new SpecViolation("returned 2×1 for 1×2", ViolationKind.Contract))));
        var e = Assert.Throws<XunitException>(() => PropertyAssert.Fails(spec, null, RunSettings.Standard));
        Assert.Contains("failed by Contract, not by Law", e.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Contract, PropertyAssert.Fails(spec, null, RunSettings.Standard, by: FailureKind.Contract).Failure);
    }

    [Fact]
    public void Same_name_same_seed_same_report()
    {
        var a = PropertyRunner.Run(Spec(x => x < 90), RunSettings.Standard);
        var b = PropertyRunner.Run(Spec(x => x < 90), RunSettings.Standard);
        Assert.Equal(a.Replay, b.Replay);
        Assert.Equal(a.Tests, b.Tests);
        Assert.Equal(a.Counterexample, b.Counterexample);
    }

    [Fact]
    public void Failing_case_replay_reproduces_the_failure_on_its_first_case()
    {
        var first = PropertyRunner.Run(Spec(x => x < 95), RunSettings.Standard);
        Assert.Equal(Verdict.Fail, first.Verdict);
        var again = PropertyRunner.Run(Spec(x => x < 95), RunSettings.Standard with { Replay = first.FailingCase });
        Assert.Equal(Verdict.Fail, again.Verdict);
        Assert.Equal(1, again.Tests);
        Assert.Equal(first.Counterexample, again.Counterexample);
    }

    [Fact]
    public void A_named_replay_applies_to_its_spec_only_and_round_trips()
    {
        var r = Replay.Parse("a::b/c@12,7,3;cases=400", "test");
        Assert.Equal(("a::b/c", 12UL, 7UL, (int?)3, (int?)400), (r.Spec, r.Seed, r.Gamma, r.Size, r.Cases));
        Assert.Equal(r, Replay.Parse(r.ToString(), "test"));
        Assert.False(r.AppliesTo("other"));
        var untouched = PropertyRunner.Run(Spec(x => x < 200), RunSettings.Standard with { Replay = r });
        Assert.Equal(StableSeed.PairOf("meta/int-below-50"), (untouched.Replay.Seed, untouched.Replay.Gamma));
    }

    [Fact]
    public void Run_replay_carries_the_case_count_of_a_late_failure()
    {
        // Fails only when x = 100 is drawn (about 1 draw in 101): typically long after case 1.
        var spec = Spec(x => x < 100) with { StandardCases = 2000 };
        var first = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal(Verdict.Fail, first.Verdict);
        Assert.Equal(first.Tests, first.Replay.Cases);
        var again = PropertyRunner.Run(spec with { StandardCases = 1 }, RunSettings.Standard with { Replay = first.Replay });
        Assert.Equal(Verdict.Fail, again.Verdict);
        Assert.Equal(first.Tests, again.Tests);
    }

    [Fact]
    public void Unexpected_exception_is_a_failure_naming_its_type()
    {
        var spec = new PropertySpec("meta/throws", "never throws", "meta", "n/a", 10,
            () => Prop.ForAll(Arb.From(Gen.Choose(0, 1)), new Action<int>(_ => throw new InvalidOperationException("boom"))));
        var report = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Contains("InvalidOperationException: boom", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bool_property_that_returns_false_is_a_law_failure_naming_its_labels()
    {
        // FsCheck 3 wraps a false result in an exception; it is still the property's verdict, not a crash.
        var plain = new PropertySpec("meta/false", "x < 2", "meta", "exact", 20, () => Prop.ForAll(Arb.From(Gen.Choose(0, 3)), x => x < 2));
        var report = PropertyRunner.Run(plain, RunSettings.Standard);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureKind.Law, report.Failure);
        Assert.Equal("the property returned false", report.Message);
        Assert.Contains(report.Counterexample, new[] { "2", "3" }); // no shrinker: the drawn value itself

        var labelled = plain with { Id = "meta/false-labelled", Build = () => Prop.ForAll(Arb.From(Gen.Choose(0, 3)), x => (x < 2).Label("x below 2").Label("bound 2")) };
        Assert.Equal("the property returned false (labels: bound 2, x below 2)", PropertyRunner.Run(labelled, RunSettings.Standard).Message);
        PropertyAssert.Fails(labelled, by: FailureKind.Law);
    }

    [Fact]
    public void An_exception_with_the_same_text_but_another_type_is_still_an_exception()
    {
        var spec = new PropertySpec("meta/impostor", "never throws", "meta", "n/a", 10,
            () => Prop.ForAll(Arb.From(Gen.Choose(0, 1)), new Action<int>(_ => throw new InvalidOperationException("Expected true, got false."))));
        var report = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal(FailureKind.Exception, report.Failure);
        Assert.Equal("InvalidOperationException: Expected true, got false.", report.Message);
    }

    [Fact]
    public void A_deep_run_draws_a_fresh_seed_and_a_standard_run_the_stable_one()
    {
        // Deep runs explore new cases every time (their replay line is what reproduces them); standard runs never move.
        var spec = Spec(_ => true);
        var deep = RunSettings.Standard with { Depth = RunDepth.Deep, CasesOverride = 1 };
        var a = PropertyRunner.Run(spec, deep).Replay;
        var b = PropertyRunner.Run(spec, deep).Replay;
        Assert.NotEqual((a.Seed, a.Gamma), (b.Seed, b.Gamma));
        Assert.NotEqual(StableSeed.PairOf(spec.QualifiedName), (a.Seed, a.Gamma));
        var standard = PropertyRunner.Run(spec, RunSettings.Standard with { CasesOverride = 1 }).Replay;
        Assert.Equal(StableSeed.PairOf(spec.QualifiedName), (standard.Seed, standard.Gamma));
    }

    [Fact]
    public void A_null_argument_is_printed_as_null()
    {
        var spec = new PropertySpec("meta/null-arg", "never null", "meta", "exact", 10,
            () => Prop.ForAll(Arb.From(Gen.Constant<string?>(null)), new Action<string?>(x =>
            {
                if (x is null) throw new SpecViolation("x is null");
            })));
        var report = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal("null", report.Counterexample);
    }

    [Fact]
    public void A_property_whose_precondition_never_holds_is_exhausted_not_passed()
    {
        var spec = new PropertySpec("meta/never-applies", "vacuous", "meta", "n/a", 10,
            () => Prop.ForAll(Arb.From(Gen.Choose(0, 1)), x => Prop.When(x > 5, () => { })));
        var report = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal(Verdict.Exhausted, report.Verdict);
        Assert.False(report.Passed);
        Assert.Equal("generator exhausted: too many cases rejected", report.Message);
    }

    [Theory]
    [InlineData("1,2")]
    [InlineData("x,3")]
    [InlineData("1")]
    [InlineData("1,3,-4")]
    public void Malformed_replay_is_rejected_with_the_source_named(string text)
    {
        var e = Assert.Throws<FormatException>(() => Replay.Parse(text, "MUON_VERIFY_REPLAY"));
        Assert.Contains("MUON_VERIFY_REPLAY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_scales_case_counts()
    {
        Assert.Equal(100, RunSettings.Standard.CasesFor(100));
        Assert.Equal(1000, (RunSettings.Standard with { Depth = RunDepth.Deep }).CasesFor(100));
        Assert.Equal(25, (RunSettings.Standard with { Depth = RunDepth.Quick }).CasesFor(100));
        Assert.Equal(7, (RunSettings.Standard with { CasesOverride = 7 }).CasesFor(100));
    }

    [Fact]
    public void Negative_controls_never_run_fewer_than_the_standard_cases()
    {
        var quick = RunSettings.Standard with { Depth = RunDepth.Quick };
        Assert.Equal(100, PropertyAssert.ControlSettings(quick).CasesFor(100));
        Assert.Equal(1000, PropertyAssert.ControlSettings(RunSettings.Standard with { Depth = RunDepth.Deep }).CasesFor(100));
        Assert.Equal(7, PropertyAssert.ControlSettings(quick with { CasesOverride = 7 }).CasesFor(100));
    }
}
