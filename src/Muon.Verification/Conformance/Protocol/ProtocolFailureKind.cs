namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// What went wrong with a request. The first group breaks the session (the peer can no longer be trusted to
/// answer in order, or is gone); the second is a well-formed reply whose content is unacceptable, which the
/// conformance suite reports as a FAIL of the property that sent the request.
/// </summary>
public enum ProtocolFailureKind
{
    /// <summary>The peer could not be started (command not found, not executable).</summary>
    StartFailed,
    /// <summary>The peer's stdout closed (it exited or crashed) before a complete reply arrived.</summary>
    PeerExited,
    /// <summary>No reply line within the per-request timeout (the peer is then stopped).</summary>
    Timeout,
    /// <summary>The reply line is not a JSON object (garbage, truncated, bare NaN…).</summary>
    MalformedReply,
    /// <summary>A reply line exceeded the configured maximum length.</summary>
    LineTooLong,
    /// <summary>The reply's <c>id</c> is missing or is not the request's.</summary>
    IdMismatch,
    /// <summary>The hello reply is missing, speaks another protocol version, or its fields are malformed.</summary>
    HandshakeFailed,
    /// <summary>A previous fatal failure left the session unusable; no request was sent.</summary>
    SessionBroken,

    /// <summary>The peer answered <c>{"id":k,"error":"…"}</c>.</summary>
    ErrorReply,
    /// <summary>The reply lacks a required field or a field has the wrong JSON type.</summary>
    InvalidReply,
    /// <summary>A returned matrix has the wrong shape or the wrong count of matrices came back.</summary>
    WrongShape,
    /// <summary>A returned matrix contains NaN or ±∞.</summary>
    NonFinite,
}

/// <summary>Classification of <see cref="ProtocolFailureKind"/>.</summary>
public static class ProtocolFailureKinds
{
    /// <summary>True when the failure breaks the session (every later request fails with <see cref="ProtocolFailureKind.SessionBroken"/>).</summary>
    public static bool IsFatal(this ProtocolFailureKind kind) => kind < ProtocolFailureKind.ErrorReply;
}
