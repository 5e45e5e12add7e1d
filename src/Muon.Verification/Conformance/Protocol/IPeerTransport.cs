namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// A line channel to a protocol peer: one JSON object per line each way. Implementations never block longer
/// than the deadline they are given, so a hung peer cannot hang the oracle.
/// </summary>
public interface IPeerTransport : IDisposable
{
    /// <summary>What the peer is, for reports (a command line, or "in-process …").</summary>
    string Description { get; }

    /// <summary>The last lines the peer wrote to its diagnostic stream (stderr), or "" if none or not captured.</summary>
    string StderrTail { get; }

    /// <summary>
    /// Writes <paramref name="line"/> (without its newline) followed by <c>\n</c>. Returns false when the write
    /// did not complete before <paramref name="deadline"/>; throws <see cref="IOException"/> when the peer is gone.
    /// </summary>
    bool Send(string line, DateTime deadline);

    /// <summary>The next line from the peer, or a non-line event, waiting until <paramref name="deadline"/> at most.</summary>
    TransportRead Receive(DateTime deadline);

    /// <summary>A short account of how the peer ended (e.g. "exited with code 3"), or "" while it runs.</summary>
    string ExitStatus();

    /// <summary>Ends the peer: closes its input, waits up to <paramref name="grace"/>, then kills it.</summary>
    void Stop(TimeSpan grace);
}
