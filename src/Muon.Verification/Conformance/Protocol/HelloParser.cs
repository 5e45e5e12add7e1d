using System.Text.Json;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>Parses and validates a hello reply; every problem is a <see cref="FormatException"/> naming the field.</summary>
public static class HelloParser
{
    /// <summary>Parses the hello reply object.</summary>
    public static HelloReply Parse(JsonElement reply)
    {
        if (!reply.TryGetProperty("protocol", out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out int protocol))
            throw new FormatException("the reply has no integer \"protocol\".");
        if (protocol != ProtocolV1.Version)
            throw new FormatException($"the peer speaks protocol {protocol}; this oracle speaks protocol {ProtocolV1.Version}.");
        string name = reply.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } s
            ? s
            : throw new FormatException("the reply has no non-empty string \"name\".");
        if (!reply.TryGetProperty("capabilities", out var caps) || caps.ValueKind != JsonValueKind.Array)
            throw new FormatException("the reply has no \"capabilities\" array.");
        var capabilities = caps.EnumerateArray().Select((c, i) => c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : throw new FormatException($"capabilities[{i}] is not a string.")).ToArray();
        var declares = reply.TryGetProperty("declares", out var d) && d.ValueKind != JsonValueKind.Null
            ? ParseDeclares(d)
            : Declarations.None;
        return new HelloReply(protocol, name, capabilities, declares);
    }

    /// <summary>Parses a <c>declares</c> object.</summary>
    public static Declarations ParseDeclares(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object) throw new FormatException($"\"declares\" is a JSON {MatrixJson.Kind(d)}, not an object.");
        var orthogonalizer = d.TryGetProperty("orthogonalizer", out var o) && o.ValueKind != JsonValueKind.Null
            ? ParseOrthogonalizer(o)
            : OrthogonalizerDeclaration.Unknown;
        bool? nesterov = null;
        if (d.TryGetProperty("nesterov", out var nv) && nv.ValueKind != JsonValueKind.Null)
            nesterov = nv.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FormatException($"declares.nesterov = {nv.GetRawText()} is not a boolean."),
            };
        return new Declarations(
            orthogonalizer,
            Word(d, "dtype", ProtocolV1.Dtypes),
            Word(d, "momentum", ProtocolV1.MomentumConventions),
            nesterov,
            Word(d, "scale", ProtocolV1.Scales),
            Word(d, "weight_decay", ProtocolV1.WeightDecays),
            Word(d, "normalization_dtype", ProtocolV1.Dtypes),
            Word(d, "param_dtype", ProtocolV1.Dtypes),
            d.GetRawText());
    }

    private static OrthogonalizerDeclaration ParseOrthogonalizer(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new FormatException("declares.orthogonalizer is not an object.");
        var kind = Word(o, "kind", ProtocolV1.OrthogonalizerKinds, "declares.orthogonalizer.")
            ?? throw new FormatException("declares.orthogonalizer has no \"kind\".");
        switch (kind)
        {
            case "exact": return OrthogonalizerDeclaration.Exact;
            case "unknown": return OrthogonalizerDeclaration.Unknown;
        }
        _ = Word(o, "normalization", ["frobenius"], "declares.orthogonalizer."); // v1 defines only Frobenius; validated, not stored
        if (!o.TryGetProperty("coefficients", out var cs) || cs.ValueKind != JsonValueKind.Array || cs.GetArrayLength() == 0)
            throw new FormatException("declares.orthogonalizer.coefficients must be a non-empty array [[a,b,c],…] (one triple per step).");
        var steps = cs.EnumerateArray().Select((step, k) =>
        {
            if (step.ValueKind != JsonValueKind.Array || step.GetArrayLength() != 3)
                throw new FormatException($"declares.orthogonalizer.coefficients[{k}] is not a triple [a, b, c].");
            var abc = step.EnumerateArray().Select((x, j) => Finite(x, $"declares.orthogonalizer.coefficients[{k}][{j}]")).ToArray();
            return new QuinticStep(abc[0], abc[1], abc[2]);
        }).ToArray();
        double eps = o.TryGetProperty("eps", out var e) && e.ValueKind != JsonValueKind.Null ? Finite(e, "declares.orthogonalizer.eps") : 0;
        if (eps < 0) throw new FormatException($"declares.orthogonalizer.eps = {e.GetRawText()} is negative.");
        double cushion = o.TryGetProperty("input_cushion", out var c) && c.ValueKind != JsonValueKind.Null ? Finite(c, "declares.orthogonalizer.input_cushion") : 1;
        if (!(cushion > 0)) throw new FormatException($"declares.orthogonalizer.input_cushion = {c.GetRawText()} is not positive.");
        return new OrthogonalizerDeclaration(OrthogonalizerKind.NewtonSchulz, steps, eps, cushion);
    }

    private static double Finite(JsonElement x, string what)
    {
        double v = MatrixJson.Number(x, what);
        return double.IsFinite(v) ? v : throw new FormatException($"{what} is not finite.");
    }

    private static string? Word(JsonElement parent, string field, IReadOnlyList<string> allowed, string prefix = "declares.")
    {
        if (!parent.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var s = v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"{prefix}{field} = {v.GetRawText()} is not a string.");
        return allowed.Contains(s) ? s : throw new FormatException($"{prefix}{field} = \"{s}\" is not one of: {string.Join(", ", allowed)}.");
    }
}
