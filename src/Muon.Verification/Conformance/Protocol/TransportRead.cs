namespace Muon.Verification.Conformance.Protocol;

/// <summary>What <see cref="IPeerTransport.Receive"/> produced.</summary>
public enum TransportReadKind
{
    /// <summary>A complete line (terminated by <c>\n</c>).</summary>
    Line,
    /// <summary>Text without a terminating newline before the stream ended (a truncated line).</summary>
    TruncatedLine,
    /// <summary>The stream ended cleanly at a line boundary.</summary>
    EndOfStream,
    /// <summary>The deadline passed with no complete line.</summary>
    Timeout,
    /// <summary>The line exceeded the maximum length; reading stopped.</summary>
    LineTooLong,
}

/// <summary>One read: its kind and, for lines, the text (without the newline).</summary>
public readonly record struct TransportRead(TransportReadKind Kind, string Text)
{
    /// <summary>A read with no text.</summary>
    public static TransportRead Of(TransportReadKind kind) => new(kind, "");
}
