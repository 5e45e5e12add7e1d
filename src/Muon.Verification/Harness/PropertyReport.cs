namespace Muon.Verification.Harness;

/// <summary>The verdict of one property run.</summary>
public enum Verdict
{
    /// <summary>Every case held.</summary>
    Pass,
    /// <summary>A case violated the claim (or threw).</summary>
    Fail,
    /// <summary>The generator could not produce enough cases.</summary>
    Exhausted,
}

/// <summary>Why a property failed.</summary>
public enum FailureKind
{
    /// <summary>A <see cref="SpecViolation"/> of kind <see cref="ViolationKind.Law"/>: the claim's own check.</summary>
    Law,
    /// <summary>A <see cref="SpecViolation"/> of kind <see cref="ViolationKind.Contract"/>: wrong shape or non-finite output.</summary>
    Contract,
    /// <summary>Any other exception thrown by the subject or the property.</summary>
    Exception,
}

/// <summary>The outcome of running a <see cref="PropertySpec"/>: verdict, replay point and counterexample.</summary>
/// <param name="Name">Qualified spec name.</param>
/// <param name="Verdict">Pass / Fail / Exhausted.</param>
/// <param name="Tests">Cases run.</param>
/// <param name="Shrinks">Shrink steps taken on failure.</param>
/// <param name="Replay">The seed that reruns this exact run (seed,gamma).</param>
/// <param name="FailingCase">For failures: (seed,gamma,size) that replays only the failing case.</param>
/// <param name="Counterexample">The shrunk counterexample at full precision (failures only).</param>
/// <param name="Message">The violation: measured value against its bound (failures only).</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Failure">Why it failed (failures only).</param>
/// <param name="Violation">The numbers of the (shrunk) failing case's violation: measured, bound, relation, class; null when it carried none.</param>
public sealed record PropertyReport(
    string Name,
    Verdict Verdict,
    int Tests,
    int Shrinks,
    Replay Replay,
    Replay? FailingCase,
    string? Counterexample,
    string? Message,
    TimeSpan Elapsed,
    FailureKind? Failure = null,
    Violation? Violation = null)
{
    /// <summary>True when the verdict is <see cref="Verdict.Pass"/>.</summary>
    public bool Passed => Verdict == Verdict.Pass;

    /// <summary>A multi-line human-readable account, with the replay instruction on failure.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"{Name}: {Verdict.ToString().ToUpperInvariant()} after {Tests} case(s){(Shrinks > 0 ? $", {Shrinks} shrink(s)" : "")} in {Elapsed.TotalMilliseconds:F0} ms" };
        if (Message is not null) lines.Add($"  {(Failure == FailureKind.Law ? "violation" : Failure == FailureKind.Contract ? "contract violation" : "exception")}: {Message}");
        if (Counterexample is not null) lines.Add($"  counterexample: {Counterexample}");
        lines.Add($"  replay the run: MUON_VERIFY_REPLAY=\"{Replay}\" dotnet test Muon.Verification.sln -c Release");
        if (FailingCase is not null) lines.Add($"  replay the failing case only: MUON_VERIFY_REPLAY=\"{FailingCase}\" dotnet test Muon.Verification.sln -c Release");
        return string.Join(Environment.NewLine, lines);
    }
}
