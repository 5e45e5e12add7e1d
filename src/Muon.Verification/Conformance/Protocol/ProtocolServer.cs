using System.Globalization;
using System.Text;
using System.Text.Json;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// The peer side of protocol v1 for an in-process orthogonalizer: what <c>muon-verify serve</c> runs, what the
/// tests connect to, and the reference for adapter writers. The optimizer is by default the reference
/// <see cref="MuonOptimizer"/> with EMA momentum, no shape scale and decoupled weight decay (declared so),
/// built around the served orthogonalizer (<see cref="ServedOptimizer"/>); it honours <c>hyper.nesterov</c>. Bad requests get <c>{"id":k,"error":"…"}</c>; the server never
/// exits on a bad request, only on <c>bye</c> or end of input.
/// </summary>
public sealed class ProtocolServer
{
    private readonly Dictionary<string, (IOptimizer Optimizer, ParameterSet Params, OptimizerState State)> _states = new(StringComparer.Ordinal);
    private int _nextState;

    /// <summary>Creates a server.</summary>
    /// <param name="name">The name sent in the hello reply.</param>
    /// <param name="orthogonalizer">What <c>orthogonalize</c> applies (and the optimizer uses).</param>
    /// <param name="declared">What the hello reply declares the orthogonalizer to be (may differ from the truth: negative controls).</param>
    /// <param name="optimizer">The served optimizer and its declared conventions (default: <see cref="ServedOptimizer.Reference"/>).</param>
    public ProtocolServer(string name, IOrthogonalizer orthogonalizer, OrthogonalizerDeclaration declared, ServedOptimizer? optimizer = null)
    {
        Optimizer = optimizer ?? ServedOptimizer.Reference;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(orthogonalizer);
        ArgumentNullException.ThrowIfNull(declared);
        Name = name;
        Orthogonalizer = orthogonalizer;
        Declared = declared;
    }

    /// <summary>A server for a built-in, declaring exactly what it is.</summary>
    public static ProtocolServer For(ISpectralOrthogonalizer o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Name, o, OrthogonalizerDeclaration.Of(o));
    }

    /// <summary>The name sent in the hello reply.</summary>
    public string Name { get; }

    /// <summary>The served orthogonalizer.</summary>
    public IOrthogonalizer Orthogonalizer { get; }

    /// <summary>The declared orthogonalizer.</summary>
    public OrthogonalizerDeclaration Declared { get; }

    /// <summary>The served optimizer.</summary>
    public ServedOptimizer Optimizer { get; }

    /// <summary>The <c>dtype</c> the hello declares (default <c>float64</c>; an in-process float32 implementation declares <c>float32</c>).</summary>
    public string Dtype { get; init; } = "float64";

    /// <summary>The <c>normalization_dtype</c> declared in the hello reply (none by default: the normalization runs in <see cref="Dtype"/>).</summary>
    public string? NormalizationDtype { get; init; }

    /// <summary>The <c>param_dtype</c> declared in the hello reply (none by default: the oracle measures it).</summary>
    public string? ParamDtype { get; init; }

    /// <summary>Whether the hello lists the <c>orthogonalize</c> capability (default true). When false, orthogonalize requests get an error reply
    /// (an optimizer whose orthogonalizer is not accessible: the oracle then builds its reference from the declared one).</summary>
    public bool OffersOrthogonalize { get; init; } = true;

    /// <summary>Whether the hello lists the <c>optimizer</c> capability (default true). When false, optimizer requests get an error reply.</summary>
    public bool OffersOptimizer { get; init; } = true;

    /// <summary>Answers requests from <paramref name="input"/> on <paramref name="output"/> until <c>bye</c> or end of input.</summary>
    public void Serve(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var reply = Handle(line, out bool bye);
            if (bye) return;
            output.Write(reply);
            output.Write('\n');
            output.Flush();
        }
    }

    /// <summary>The reply line for one request line (no newline); <paramref name="bye"/> is set for <c>bye</c>, which has no reply.</summary>
    public string Handle(string line, out bool bye)
    {
        bye = false;
        JsonElement? id = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("a request must be a JSON object.");
            if (root.TryGetProperty("id", out var rid)) id = rid.Clone();
            string op = root.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : throw new FormatException("the request has no string \"op\".");
            switch (op)
            {
                case ProtocolV1.OpBye:
                    bye = true;
                    return "";
                case ProtocolV1.OpHello:
                    return Write(null, WriteHello);
                case ProtocolV1.OpOrthogonalize when !OffersOrthogonalize:
                    throw new FormatException($"this peer does not offer the orthogonalize capability (op \"{op}\").");
                case ProtocolV1.OpOrthogonalize:
                    var g = MatrixJson.Read(Required(root, "g"), "g");
                    var result = Orthogonalizer.Orthogonalize(g);
                    return Write(id, w => { w.WritePropertyName("o"); MatrixJson.Write(w, result); });
                case ProtocolV1.OpOptimizerNew or ProtocolV1.OpOptimizerStep when !OffersOptimizer:
                    throw new FormatException($"this peer does not offer the optimizer capability (op \"{op}\").");
                case ProtocolV1.OpOptimizerNew:
                    string state = NewOptimizer(root);
                    return Write(id, w => w.WriteString("state", state));
                case ProtocolV1.OpOptimizerStep:
                    var next = Step(root);
                    return Write(id, w =>
                    {
                        w.WriteStartArray("params");
                        foreach (var (_, p) in next) MatrixJson.Write(w, p);
                        w.WriteEndArray();
                    });
                default:
                    throw new FormatException($"unknown op \"{op}\".");
            }
        }
#pragma warning disable CA1031 // a server answers every failure of a request with an error reply instead of dying
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Write(id, w => w.WriteString("error", $"{e.GetType().Name}: {e.Message}"));
        }
    }

    private void WriteHello(Utf8JsonWriter w)
    {
        w.WriteNumber("protocol", ProtocolV1.Version);
        w.WriteString("name", Name);
        w.WriteStartArray("capabilities");
        if (OffersOrthogonalize) w.WriteStringValue(ProtocolV1.CapabilityOrthogonalize);
        if (OffersOptimizer) w.WriteStringValue(ProtocolV1.CapabilityOptimizer);
        w.WriteEndArray();
        w.WriteStartObject("declares");
        w.WriteStartObject("orthogonalizer");
        switch (Declared.Kind)
        {
            case OrthogonalizerKind.Exact:
                w.WriteString("kind", "exact");
                break;
            case OrthogonalizerKind.NewtonSchulz:
                w.WriteString("kind", "newton-schulz");
                w.WriteStartArray("coefficients");
                foreach (var s in Declared.Coefficients)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(s.A);
                    w.WriteNumberValue(s.B);
                    w.WriteNumberValue(s.C);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteString("normalization", "frobenius");
                w.WriteNumber("eps", Declared.Eps);
                w.WriteNumber("input_cushion", Declared.InputCushion);
                break;
            default:
                w.WriteString("kind", "unknown");
                break;
        }
        w.WriteEndObject();
        w.WriteString("dtype", Dtype);
        if (NormalizationDtype is { } normalization) w.WriteString("normalization_dtype", normalization);
        if (ParamDtype is { } param) w.WriteString("param_dtype", param);
        if (Optimizer.Momentum is { } momentum) w.WriteString("momentum", momentum);
        if (Optimizer.Scale is { } scale) w.WriteString("scale", scale);
        if (Optimizer.WeightDecay is { } decay) w.WriteString("weight_decay", decay);
        w.WriteEndObject();
    }

    private string NewOptimizer(JsonElement root)
    {
        var hyper = Required(root, "hyper");
        double lr = Number(hyper, "lr", null);
        double beta = Number(hyper, "momentum", 0);
        double wd = Number(hyper, "weight_decay", 0);
        bool nesterov = hyper.TryGetProperty("nesterov", out var n) && n.ValueKind == JsonValueKind.True;
        var optimizer = Optimizer.Create(new OptimizerHyper(lr, beta, nesterov, wd), Orthogonalizer);
        var parameters = Matrices(root, "params");
        string state = "s" + (++_nextState).ToString(CultureInfo.InvariantCulture);
        _states[state] = (optimizer, parameters, optimizer.Start(parameters));
        return state;
    }

    private ParameterSet Step(JsonElement root)
    {
        var handle = Required(root, "state");
        string state = handle.ValueKind == JsonValueKind.String ? handle.GetString()! : throw new FormatException("\"state\" is not a string.");
        if (!_states.TryGetValue(state, out var s)) throw new FormatException($"unknown optimizer state \"{state}\".");
        var grads = Matrices(root, "grads");
        var step = s.Optimizer.Step(s.Params, grads, s.State);
        _states[state] = (s.Optimizer, step.Parameters, step.State);
        return step.Parameters;
    }

    private static ParameterSet Matrices(JsonElement root, string field)
    {
        var a = Required(root, field);
        if (a.ValueKind != JsonValueKind.Array) throw new FormatException($"\"{field}\" is not an array of matrices.");
        return ParameterSet.Of(a.EnumerateArray()
            .Select((m, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), MatrixJson.Read(m, $"{field}[{i}]"))).ToArray());
    }

    private static double Number(JsonElement parent, string field, double? fallback)
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            return fallback ?? throw new FormatException($"hyper.{field} is required.");
        return MatrixJson.Number(v, $"hyper.{field}");
    }

    private static JsonElement Required(JsonElement root, string field)
        => root.TryGetProperty(field, out var v) ? v : throw new FormatException($"the request has no \"{field}\".");

    private static string Write(JsonElement? id, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, MatrixJson.WriterOptions))
        {
            w.WriteStartObject();
            if (id is { } k)
            {
                w.WritePropertyName("id");
                k.WriteTo(w);
            }
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
