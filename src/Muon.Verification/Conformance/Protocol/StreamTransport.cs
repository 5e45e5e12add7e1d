using System.Collections.Concurrent;
using System.Text;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// A line transport over two byte streams (UTF-8, <c>\n</c>-terminated lines; a trailing <c>\r</c> is
/// dropped). A dedicated reader thread reads the peer's stream into a queue, so <see cref="Receive"/> waits with a
/// deadline instead of blocking in a read; lines longer than <see cref="MaxLineChars"/> stop the reader
/// (a peer that streams garbage without newlines cannot exhaust memory). A dedicated writer thread does the
/// blocking writes, so <see cref="Send"/> waits with a deadline too.
/// </summary>
/// <remarks>
/// No step of a request depends on the thread pool: the reads, the writes and the closing of the streams each
/// run on a thread of their own, and the caller waits on a signal those threads set. A pipe's asynchronous
/// write on Unix is a synchronous write queued to the pool, so under a test host (or an application) that keeps
/// the pool's threads busy, a request used to wait in the pool's queue past its timeout while the peer was idle.
/// </remarks>
public class StreamTransport : IPeerTransport
{
    private readonly Stream _toPeer;
    private readonly Stream _fromPeer;
    private readonly BlockingCollection<TransportRead> _reads = new();
    private readonly BlockingCollection<PendingWrite> _writes = new();
    private readonly Thread _reader;
    private readonly Thread _writer;
    private PendingWrite? _pendingWrite;
    private TransportRead? _terminal;
    private bool _disposed;

    /// <summary>Creates the transport and starts reading <paramref name="fromPeer"/>.</summary>
    /// <param name="toPeer">The peer's input (its stdin).</param>
    /// <param name="fromPeer">The peer's output (its stdout).</param>
    /// <param name="description">What the peer is, for reports.</param>
    /// <param name="maxLineChars">Longest accepted line, in characters.</param>
    public StreamTransport(Stream toPeer, Stream fromPeer, string description, int maxLineChars = ProtocolOptions.DefaultMaxLineChars)
    {
        ArgumentNullException.ThrowIfNull(toPeer);
        ArgumentNullException.ThrowIfNull(fromPeer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineChars, 16);
        _toPeer = toPeer;
        _fromPeer = fromPeer;
        Description = description;
        MaxLineChars = maxLineChars;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "peer reader: " + description };
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "peer writer: " + description };
        _reader.Start();
        _writer.Start();
    }

    /// <summary>Longest accepted line, in characters.</summary>
    public int MaxLineChars { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public virtual string StderrTail => "";

    /// <inheritdoc />
    public bool Send(string line, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pendingWrite is { Done.IsSet: false }) return false; // an earlier write is still stuck: the peer is not reading
        var write = new PendingWrite(Encoding.UTF8.GetBytes(line + "\n"));
        _pendingWrite = write;
        try
        {
            _writes.Add(write);
        }
        catch (InvalidOperationException e)
        {
            throw new IOException("the peer's input is closed (the transport is stopping).", e);
        }
        if (!write.Done.Wait(Remaining(deadline))) return false;
        if (write.Error is { } error) throw new IOException($"the peer's input is closed ({error.Message}).", error);
        return true;
    }

    /// <summary>One line on its way to the peer: the writer thread sets <see cref="Done"/> when it is written or failed.</summary>
    private sealed class PendingWrite(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;
        public ManualResetEventSlim Done { get; } = new(false);
        public Exception? Error { get; set; }
    }

    private void WriteLoop()
    {
        foreach (var write in _writes.GetConsumingEnumerable())
        {
            try
            {
                _toPeer.Write(write.Bytes);
                _toPeer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
            {
                write.Error = e;
            }
            finally
            {
                write.Done.Set();
            }
        }
    }

    /// <inheritdoc />
    public TransportRead Receive(DateTime deadline)
    {
        if (_terminal is { } t) return t;
        if (_reads.TryTake(out var read, Remaining(deadline)))
        {
            if (read.Kind is not TransportReadKind.Line) _terminal = read.Kind == TransportReadKind.TruncatedLine ? TransportRead.Of(TransportReadKind.EndOfStream) : read;
            return read;
        }
        return TransportRead.Of(_reads.IsCompleted ? TransportReadKind.EndOfStream : TransportReadKind.Timeout);
    }

    /// <inheritdoc />
    public virtual string ExitStatus() => _reader.IsAlive ? "" : "output stream closed";

    /// <inheritdoc />
    public virtual void Stop(TimeSpan grace)
    {
        // Closing a pipe whose other end is stuck can block until that end lets go (an in-process peer
        // that sleeps, a process that leaked its stdout to a grandchild): close on a thread of its own (never the
        // pool's, which a busy host may not serve in time), wait briefly.
        _writes.CompleteAdding();
        var closing = new Thread(() =>
        {
            try { _toPeer.Dispose(); } catch (IOException) { }
            try { _fromPeer.Dispose(); } catch (IOException) { }
        })
        { IsBackground = true, Name = "peer close: " + Description };
        closing.Start();
        closing.Join(TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Stops the peer and releases the streams.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the peer (with a short grace) and releases the streams.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        if (disposing)
        {
            Stop(TimeSpan.FromMilliseconds(200));
            if (_reader.Join(TimeSpan.FromSeconds(1))) _reads.Dispose();
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left < TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : left;
    }

    private void ReadLoop()
    {
        var decoder = new StreamReader(_fromPeer, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var line = new StringBuilder();
        var buffer = new char[1 << 16];
        try
        {
            while (true)
            {
                int n = decoder.Read(buffer, 0, buffer.Length);
                if (n == 0) break;
                int start = 0;
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] != '\n') continue;
                    line.Append(buffer, start, i - start);
                    start = i + 1;
                    if (line.Length > 0 && line[^1] == '\r') line.Length--;
                    _reads.Add(new TransportRead(TransportReadKind.Line, line.ToString()));
                    line.Clear();
                }
                line.Append(buffer, start, n - start);
                if (line.Length > MaxLineChars)
                {
                    _reads.Add(new TransportRead(TransportReadKind.LineTooLong, line.ToString(0, 200)));
                    return;
                }
            }
            _reads.Add(line.Length > 0 ? new TransportRead(TransportReadKind.TruncatedLine, line.ToString()) : TransportRead.Of(TransportReadKind.EndOfStream));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _reads.Add(line.Length > 0 ? new TransportRead(TransportReadKind.TruncatedLine, line.ToString()) : TransportRead.Of(TransportReadKind.EndOfStream));
        }
        finally
        {
            _reads.CompleteAdding();
        }
    }
}
