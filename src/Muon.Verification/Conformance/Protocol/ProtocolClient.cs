using System.Globalization;
using System.Text;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// The oracle's side of protocol v1 over an <see cref="IPeerTransport"/>: sends one request at a time, waits
/// for its reply line within the per-request timeout, and validates every reply (JSON object, id, required
/// fields, shapes, finiteness). Failures are <see cref="ProtocolException"/>s naming the request. A fatal
/// failure (crash, timeout, garbage, id mismatch) stops the peer and breaks the session: later requests fail
/// at once with <see cref="ProtocolFailureKind.SessionBroken"/>, so a broken peer costs at most one timeout.
/// </summary>
public sealed class ProtocolClient : IDisposable
{
    private readonly IPeerTransport _transport;
    private readonly Dictionary<string, (int Rows, int Cols)[]> _optimizerShapes = new(StringComparer.Ordinal);
    private long _nextId;
    private bool _disposed;

    /// <summary>Creates a client over <paramref name="transport"/> (owned: disposed with the client).</summary>
    public ProtocolClient(IPeerTransport transport, ProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        Options = (options ?? ProtocolOptions.Default).Validate();
    }

    /// <summary>The session limits.</summary>
    public ProtocolOptions Options { get; }

    /// <summary>The peer, for reports.</summary>
    public string PeerDescription => _transport.Description;

    /// <summary>The peer's stderr tail (empty for in-process peers).</summary>
    public string StderrTail => _transport.StderrTail;

    /// <summary>The first fatal failure, or null while the session is healthy.</summary>
    public ProtocolException? Fatal { get; private set; }

    /// <summary>Requests sent so far (hello included).</summary>
    public long RequestCount => _nextId;

    /// <summary>Handshake: <c>{"op":"hello","protocol":1}</c>; validates the reply (version, name, capabilities, declares).</summary>
    public HelloReply Hello()
    {
        using var reply = Exchange(ProtocolV1.OpHello, "hello", w => w.WriteNumber("protocol", ProtocolV1.Version), Options.HelloTimeout, withId: false);
        try
        {
            return HelloParser.Parse(reply.RootElement);
        }
        catch (FormatException e)
        {
            throw Break(new ProtocolException(ProtocolFailureKind.HandshakeFailed, "request #1 hello", e.Message, _transport.StderrTail));
        }
    }

    /// <summary><c>orthogonalize</c>: O(G), validated to have G's shape and finite entries.</summary>
    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        string label = $"orthogonalize {g.RowCount}×{g.ColumnCount}";
        using var reply = Exchange(ProtocolV1.OpOrthogonalize, label, w =>
        {
            w.WritePropertyName("g");
            MatrixJson.Write(w, g);
        }, Options.RequestTimeout);
        var o = ReadMatrix(reply.RootElement, "o", LastLabel);
        RequireShapeAndFinite(o, g.RowCount, g.ColumnCount, "o", LastLabel);
        return o;
    }

    /// <summary><c>optimizer.new</c>: returns the peer's opaque state handle.</summary>
    public string OptimizerNew(OptimizerHyper hyper, IReadOnlyList<Matrix<double>> parameters)
    {
        ArgumentNullException.ThrowIfNull(hyper);
        ArgumentNullException.ThrowIfNull(parameters);
        string label = $"optimizer.new [{Shapes(parameters)}]";
        using var reply = Exchange(ProtocolV1.OpOptimizerNew, label, w =>
        {
            w.WriteStartObject("hyper");
            w.WriteNumber("lr", hyper.Lr);
            w.WriteNumber("momentum", hyper.Momentum);
            w.WriteBoolean("nesterov", hyper.Nesterov);
            w.WriteNumber("weight_decay", hyper.WeightDecay);
            w.WriteEndObject();
            WriteMatrices(w, "params", parameters);
        }, Options.RequestTimeout);
        if (!reply.RootElement.TryGetProperty("state", out var s) || s.ValueKind != JsonValueKind.String)
            throw new ProtocolException(ProtocolFailureKind.InvalidReply, LastLabel, "the reply has no string \"state\".", "");
        var state = s.GetString()!;
        _optimizerShapes[state] = parameters.Select(p => (p.RowCount, p.ColumnCount)).ToArray();
        return state;
    }

    /// <summary><c>optimizer.step</c>: the parameters after one step, validated against the shapes given to <see cref="OptimizerNew"/>.</summary>
    public IReadOnlyList<Matrix<double>> OptimizerStep(string state, IReadOnlyList<Matrix<double>> gradients)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(gradients);
        string label = $"optimizer.step state \"{state}\" [{Shapes(gradients)}]";
        using var reply = Exchange(ProtocolV1.OpOptimizerStep, label, w =>
        {
            w.WriteString("state", state);
            WriteMatrices(w, "grads", gradients);
        }, Options.RequestTimeout);
        if (!reply.RootElement.TryGetProperty("params", out var ps) || ps.ValueKind != JsonValueKind.Array)
            throw new ProtocolException(ProtocolFailureKind.InvalidReply, LastLabel, "the reply has no \"params\" array.", "");
        var shapes = _optimizerShapes.TryGetValue(state, out var known) ? known : gradients.Select(g => (Rows: g.RowCount, Cols: g.ColumnCount)).ToArray();
        if (ps.GetArrayLength() != shapes.Length)
            throw new ProtocolException(ProtocolFailureKind.WrongShape, LastLabel, $"{ps.GetArrayLength()} parameter matrices came back, {shapes.Length} were sent (a parameter silently dropped or added).", "");
        var result = new List<Matrix<double>>();
        int k = 0;
        foreach (var p in ps.EnumerateArray())
        {
            Matrix<double> m;
            try { m = MatrixJson.Read(p, $"params[{k}]"); }
            catch (FormatException e) { throw new ProtocolException(ProtocolFailureKind.InvalidReply, LastLabel, e.Message, ""); }
            RequireShapeAndFinite(m, shapes[k].Rows, shapes[k].Cols, $"params[{k}]", LastLabel);
            result.Add(m);
            k++;
        }
        return result;
    }

    /// <summary>Sends <c>{"op":"bye"}</c> (no reply expected) unless the session is broken.</summary>
    public void Bye()
    {
        if (Fatal is not null || _disposed) return;
        try
        {
            _transport.Send("{\"op\":\"bye\"}", DateTime.UtcNow + Options.ByeGrace);
        }
        catch (IOException)
        {
            // the peer already left: nothing to say goodbye to
        }
    }

    /// <summary>Says bye, then stops the peer (waiting <see cref="ProtocolOptions.ByeGrace"/> before killing it).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        Bye();
        _disposed = true;
        _transport.Stop(Fatal is null ? Options.ByeGrace : TimeSpan.Zero);
        _transport.Dispose();
    }

    private string LastLabel { get; set; } = "";

    private JsonDocument Exchange(string op, string label, Action<Utf8JsonWriter> body, TimeSpan timeout, bool withId = true)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long id = ++_nextId;
        LastLabel = $"request #{id} {label}";
        if (Fatal is not null)
            throw new ProtocolException(ProtocolFailureKind.SessionBroken, LastLabel, $"not sent: the session broke earlier ({Fatal.Kind} on {Fatal.Request}).");
        string line = Serialize(op, withId ? id : null, body);
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            if (!_transport.Send(line, deadline))
                throw Break(Failure(ProtocolFailureKind.Timeout, $"the peer did not read the request within {Seconds(timeout)} s."));
        }
        catch (IOException e)
        {
            throw Break(Failure(ProtocolFailureKind.PeerExited, $"could not send the request: {e.Message} {_transport.ExitStatus()}."));
        }
        var read = _transport.Receive(deadline);
        switch (read.Kind)
        {
            case TransportReadKind.Timeout:
                throw Break(Failure(ProtocolFailureKind.Timeout, $"no reply within {Seconds(timeout)} s (configurable: --timeout); the peer was stopped."));
            case TransportReadKind.EndOfStream:
                throw Break(Failure(ProtocolFailureKind.PeerExited, $"the peer's stdout closed before a reply arrived; {_transport.ExitStatus()}."));
            case TransportReadKind.TruncatedLine:
                throw Break(Failure(ProtocolFailureKind.MalformedReply, $"truncated reply: the stream ended inside a line ({Excerpt(read.Text)}); {_transport.ExitStatus()}."));
            case TransportReadKind.LineTooLong:
                throw Break(Failure(ProtocolFailureKind.LineTooLong, $"a reply line exceeded {Options.MaxLineChars} characters (starts {Excerpt(read.Text)})."));
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(read.Text);
        }
        catch (JsonException e)
        {
            throw Break(Failure(ProtocolFailureKind.MalformedReply, $"the reply line is not JSON ({e.Message}): {Excerpt(read.Text)}{Hint(read.Text)}"));
        }
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw Break(Failure(ProtocolFailureKind.MalformedReply, $"the reply is a JSON {MatrixJson.Kind(root)}, not an object: {Excerpt(read.Text)}"));
        }
        if (withId)
        {
            bool ok = root.TryGetProperty("id", out var rid) && rid.ValueKind == JsonValueKind.Number && rid.TryGetInt64(out long got) && got == id;
            if (!ok)
            {
                string seen = root.TryGetProperty("id", out var r2) ? r2.GetRawText() : "none";
                doc.Dispose();
                throw Break(Failure(ProtocolFailureKind.IdMismatch, $"the reply's id is {seen}, expected {id}: {Excerpt(read.Text)}"));
            }
        }
        if (root.TryGetProperty("error", out var error))
        {
            string message = error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText();
            doc.Dispose();
            throw new ProtocolException(ProtocolFailureKind.ErrorReply, LastLabel, $"the peer answered error: {Truncate(message, 500)}", _transport.StderrTail);
        }
        return doc;
    }

    private ProtocolException Failure(ProtocolFailureKind kind, string detail) => new(kind, LastLabel, detail, _transport.StderrTail);

    private ProtocolException Break(ProtocolException e)
    {
        if (Fatal is null)
        {
            Fatal = e;
            _transport.Stop(TimeSpan.Zero);
        }
        return e;
    }

    private static string Serialize(string op, long? id, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, MatrixJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("op", op);
            if (id is long k) w.WriteNumber("id", k);
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMatrices(Utf8JsonWriter w, string name, IReadOnlyList<Matrix<double>> ms)
    {
        w.WriteStartArray(name);
        foreach (var m in ms) MatrixJson.Write(w, m);
        w.WriteEndArray();
    }

    private static Matrix<double> ReadMatrix(JsonElement root, string field, string label)
    {
        if (!root.TryGetProperty(field, out var e))
            throw new ProtocolException(ProtocolFailureKind.InvalidReply, label, $"the reply has neither \"{field}\" nor \"error\".", "");
        try
        {
            return MatrixJson.Read(e, field);
        }
        catch (FormatException ex)
        {
            throw new ProtocolException(ProtocolFailureKind.InvalidReply, label, ex.Message, "");
        }
    }

    private static void RequireShapeAndFinite(Matrix<double> m, int rows, int cols, string what, string label)
    {
        if (m.RowCount != rows || m.ColumnCount != cols)
            throw new ProtocolException(ProtocolFailureKind.WrongShape, label, $"{what} is {m.RowCount}×{m.ColumnCount}, expected {rows}×{cols}.", "");
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (!double.IsFinite(m[i, j]))
                    throw new ProtocolException(ProtocolFailureKind.NonFinite, label, $"{what}[{i},{j}] = {m[i, j].ToString(CultureInfo.InvariantCulture)} ({rows}×{cols}).", "");
    }

    private static string Shapes(IReadOnlyList<Matrix<double>> ms) => string.Join(", ", ms.Select(m => $"{m.RowCount}×{m.ColumnCount}"));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Excerpt(string text) => "'" + Truncate(text, 200) + "'";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} chars)";

    private static string Hint(string text)
        => text.Contains("NaN", StringComparison.Ordinal) || text.Contains("Infinity", StringComparison.Ordinal)
            ? " — non-finite numbers must be the JSON strings \"NaN\", \"Infinity\", \"-Infinity\" (Python's json.dumps writes bare NaN)"
            : " — every stdout line must be one JSON reply; write logs to stderr";
}
