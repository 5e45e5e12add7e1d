using System.IO.Pipes;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>An in-process peer: a function reading requests and writing replies, connected by anonymous pipes.</summary>
public static class InProcessPeer
{
    /// <summary>
    /// Runs <paramref name="peer"/> on a background thread with its input/output connected to the returned
    /// transport. When <paramref name="peer"/> returns or throws (any exception: the peer crashed), its output closes, as a process exiting would.
    /// </summary>
    public static IPeerTransport Start(Action<TextReader, TextWriter> peer, string description, ProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var toPeer = new AnonymousPipeServerStream(PipeDirection.Out);
        var fromPeer = new AnonymousPipeServerStream(PipeDirection.In);
        var peerIn = new AnonymousPipeClientStream(PipeDirection.In, toPeer.ClientSafePipeHandle);
        var peerOut = new AnonymousPipeClientStream(PipeDirection.Out, fromPeer.ClientSafePipeHandle);
        var thread = new Thread(() =>
        {
            var reader = new StreamReader(peerIn);
            var writer = new StreamWriter(peerOut) { AutoFlush = true, NewLine = "\n" };
#pragma warning disable CA1031 // an in-process peer that throws has crashed: its output closes, as a process's would
            try { peer(reader, writer); }
            catch (Exception) { }
            finally
            {
                try { writer.Dispose(); } catch (Exception) { } // flushing into a pipe the oracle already closed
                try { reader.Dispose(); } catch (Exception) { }
            }
#pragma warning restore CA1031
        })
        { IsBackground = true, Name = description };
        thread.Start();
        return new StreamTransport(toPeer, fromPeer, description, (options ?? ProtocolOptions.Default).MaxLineChars);
    }
}
