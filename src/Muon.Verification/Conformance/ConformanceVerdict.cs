namespace Muon.Verification.Conformance;

/// <summary>The verdict on one property of an implementation.</summary>
public enum ConformanceVerdict
{
    /// <summary>Every case held.</summary>
    Pass,
    /// <summary>A case violated the property (or the implementation answered it with an error, a wrong shape or a non-finite value).</summary>
    Fail,
    /// <summary>The property does not apply to what the implementation is or declares (the reason says why).</summary>
    NotApplicable,
    /// <summary>The session broke (crash, hang, garbage, id mismatch): no verdict on the property.</summary>
    ProtocolError,
}

/// <summary>Text forms of <see cref="ConformanceVerdict"/>.</summary>
public static class ConformanceVerdicts
{
    /// <summary><c>PASS</c>, <c>FAIL</c>, <c>NOT APPLICABLE</c>, <c>PROTOCOL ERROR</c>.</summary>
    public static string Text(this ConformanceVerdict v) => v switch
    {
        ConformanceVerdict.Pass => "PASS",
        ConformanceVerdict.Fail => "FAIL",
        ConformanceVerdict.NotApplicable => "NOT APPLICABLE",
        _ => "PROTOCOL ERROR",
    };
}
