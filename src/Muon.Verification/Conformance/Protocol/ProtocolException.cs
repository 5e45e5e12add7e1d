namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// A request to a protocol peer failed. The message names the request (id, op and shapes), the problem and,
/// for fatal failures, the tail of the peer's stderr.
/// </summary>
public sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="request">The request it concerns, e.g. <c>request #12 orthogonalize 3×5</c>.</param>
    /// <param name="detail">The problem in words.</param>
    /// <param name="stderrTail">The last lines the peer wrote to stderr (may be empty).</param>
    public ProtocolException(ProtocolFailureKind kind, string request, string detail, string stderrTail = "")
        : base(Compose(kind, request, detail, stderrTail))
    {
        Kind = kind;
        Request = request;
        Detail = detail;
        StderrTail = stderrTail;
    }

    /// <summary>Creates an exception of kind <see cref="ProtocolFailureKind.InvalidReply"/> (standard constructor).</summary>
    public ProtocolException() : this(ProtocolFailureKind.InvalidReply, "unknown request", "protocol failure") { }

    /// <summary>Creates an exception of kind <see cref="ProtocolFailureKind.InvalidReply"/> (standard constructor).</summary>
    public ProtocolException(string message) : this(ProtocolFailureKind.InvalidReply, "unknown request", message) { }

    /// <summary>Creates an exception of kind <see cref="ProtocolFailureKind.InvalidReply"/> wrapping <paramref name="inner"/>.</summary>
    public ProtocolException(string message, Exception inner) : base(message, inner)
    {
        Kind = ProtocolFailureKind.InvalidReply;
        Request = "unknown request";
        Detail = message;
        StderrTail = "";
    }

    /// <summary>What went wrong.</summary>
    public ProtocolFailureKind Kind { get; }

    /// <summary>The request it concerns.</summary>
    public string Request { get; }

    /// <summary>The problem, without the request and stderr.</summary>
    public string Detail { get; }

    /// <summary>The tail of the peer's stderr at the time of the failure.</summary>
    public string StderrTail { get; }

    /// <summary>True when the session can no longer be used.</summary>
    public bool IsFatal => Kind.IsFatal();

    private static string Compose(ProtocolFailureKind kind, string request, string detail, string stderrTail)
    {
        var text = $"protocol {KindText(kind)} on {request}: {detail}";
        return stderrTail.Length == 0 ? text : text + Environment.NewLine + "  peer stderr (tail):" + Environment.NewLine + Indent(stderrTail);
    }

    private static string KindText(ProtocolFailureKind kind) => kind switch
    {
        ProtocolFailureKind.StartFailed => "start failure",
        ProtocolFailureKind.PeerExited => "failure (peer exited)",
        ProtocolFailureKind.Timeout => "timeout",
        ProtocolFailureKind.MalformedReply => "failure (malformed reply)",
        ProtocolFailureKind.LineTooLong => "failure (reply line too long)",
        ProtocolFailureKind.IdMismatch => "failure (id mismatch)",
        ProtocolFailureKind.HandshakeFailed => "handshake failure",
        ProtocolFailureKind.SessionBroken => "failure (session already broken)",
        ProtocolFailureKind.ErrorReply => "error reply",
        ProtocolFailureKind.InvalidReply => "invalid reply",
        ProtocolFailureKind.WrongShape => "wrong shape",
        ProtocolFailureKind.NonFinite => "non-finite reply",
        _ => kind.ToString(),
    };

    private static string Indent(string text)
        => string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd('\r')));
}
