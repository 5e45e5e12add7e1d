namespace Muon.Verification.Conformance.Protocol;

/// <summary>Limits of a protocol session. Every wait is bounded by one of these.</summary>
public sealed record ProtocolOptions
{
    /// <summary>Default per-request timeout: 10 s (a 12×12 Newton–Schulz takes microseconds; interpreter start-up is covered by <see cref="HelloTimeout"/>).</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default longest reply line: 16 Mi characters (a 1000×1000 float64 matrix is about 25 M; the suite sends ≤ 64×64).</summary>
    public const int DefaultMaxLineChars = 16 << 20;

    /// <summary>The defaults.</summary>
    public static ProtocolOptions Default { get; } = new();

    /// <summary>How long one request may take, from sending it to the end of its reply line.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>How long the hello may take (includes the peer's start-up, e.g. importing NumPy or PyTorch): 60 s.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the peer may take to exit after <c>bye</c> before it is killed: 2 s.</summary>
    public TimeSpan ByeGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest accepted reply line in characters.</summary>
    public int MaxLineChars { get; init; } = DefaultMaxLineChars;

    /// <summary>Throws naming the first bad limit.</summary>
    public ProtocolOptions Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "the request timeout must be positive.");
        if (HelloTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HelloTimeout), HelloTimeout, "the hello timeout must be positive.");
        if (ByeGrace < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ByeGrace), ByeGrace, "the bye grace must not be negative.");
        if (MaxLineChars < 16) throw new ArgumentOutOfRangeException(nameof(MaxLineChars), MaxLineChars, "the maximum line length must be at least 16.");
        return this;
    }
}
