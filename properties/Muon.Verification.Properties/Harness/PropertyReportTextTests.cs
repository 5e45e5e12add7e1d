using Muon.Verification.Harness;

namespace Muon.Verification.Properties.Harness;

/// <summary>The exact text of <see cref="PropertyReport.Describe"/>: what a failing run prints is what a user pastes.</summary>
public sealed class PropertyReportTextTests
{
    private static readonly Replay Run = new(12, 7, null) { Spec = "s::p", Cases = 40 };
    private static readonly Replay Case = new(99, 5, 3) { Spec = "s::p" };

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);

    [Fact]
    public void A_pass_prints_one_header_and_the_replay_of_the_run()
    {
        var report = new PropertyReport("s::p", Verdict.Pass, 100, 0, new Replay(12, 7, null), null, null, null, TimeSpan.FromMilliseconds(12));
        Assert.Equal(Lines(
            "s::p: PASS after 100 case(s) in 12 ms",
            "  replay the run: MUON_VERIFY_REPLAY=\"12,7\" dotnet test Muon.Verification.sln -c Release"), report.Describe());
    }

    [Theory]
    [InlineData(FailureKind.Law, "violation")]
    [InlineData(FailureKind.Contract, "contract violation")]
    [InlineData(FailureKind.Exception, "exception")]
    public void A_failure_prints_kind_message_counterexample_and_both_replay_lines(FailureKind kind, string label)
    {
        var report = new PropertyReport("s::p", Verdict.Fail, 40, 3, Run, Case, "50", "x = 50, bound 49", TimeSpan.FromMilliseconds(7), kind);
        Assert.Equal(Lines(
            "s::p: FAIL after 40 case(s), 3 shrink(s) in 7 ms",
            $"  {label}: x = 50, bound 49",
            "  counterexample: 50",
            "  replay the run: MUON_VERIFY_REPLAY=\"s::p@12,7;cases=40\" dotnet test Muon.Verification.sln -c Release",
            "  replay the failing case only: MUON_VERIFY_REPLAY=\"s::p@99,5,3\" dotnet test Muon.Verification.sln -c Release"), report.Describe());
    }

    [Fact]
    public void An_exhausted_run_prints_its_message_without_shrinks()
    {
        var report = new PropertyReport("p", Verdict.Exhausted, 5, 0, new Replay(1, 3, null), null, null, "generator exhausted", TimeSpan.Zero);
        Assert.Equal(Lines(
            "p: EXHAUSTED after 5 case(s) in 0 ms",
            "  exception: generator exhausted",
            "  replay the run: MUON_VERIFY_REPLAY=\"1,3\" dotnet test Muon.Verification.sln -c Release"), report.Describe());
    }
}
