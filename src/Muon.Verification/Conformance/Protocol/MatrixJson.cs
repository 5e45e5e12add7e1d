using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// The protocol's matrix encoding: <c>{"rows": m, "cols": n, "data": [row-major numbers]}</c>. Finite numbers
/// are JSON numbers written in shortest round-trip form; non-finite numbers are the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c> (JSON has no literal for them). Both dimensions must be ≥ 1.
/// </summary>
public static class MatrixJson
{
    /// <summary>The string standing for NaN.</summary>
    public const string NaN = "NaN";

    /// <summary>The string standing for +∞.</summary>
    public const string PositiveInfinity = "Infinity";

    /// <summary>The string standing for −∞.</summary>
    public const string NegativeInfinity = "-Infinity";

    /// <summary>
    /// Writer options for protocol lines: compact, and non-ASCII text (names such as <c>keller-quintic×5</c>)
    /// written as UTF-8 rather than <c>\uXXXX</c> escapes. Lines are never embedded in HTML.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="m"/> as a matrix object (row-major data, non-finite entries as strings).</summary>
    public static void Write(Utf8JsonWriter writer, Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(m);
        writer.WriteStartObject();
        writer.WriteNumber("rows", m.RowCount);
        writer.WriteNumber("cols", m.ColumnCount);
        writer.WriteStartArray("data");
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                WriteNumber(writer, m[i, j]);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one number: a JSON number when finite, otherwise one of the three strings.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double x)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(x)) writer.WriteNumberValue(x);
        else writer.WriteStringValue(double.IsNaN(x) ? NaN : x > 0 ? PositiveInfinity : NegativeInfinity);
    }

    /// <summary>The matrix as a one-line JSON string (for tests and adapters' documentation).</summary>
    public static string ToJson(Matrix<double> m)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, m);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses a matrix from a one-line JSON string.</summary>
    public static Matrix<double> FromJson(string json, string what = "matrix")
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement, what);
    }

    /// <summary>
    /// Reads a matrix object, throwing <see cref="FormatException"/> naming <paramref name="what"/> and the
    /// first problem (missing field, non-integer dimension, wrong data length, an entry that is neither a
    /// number nor one of the three non-finite strings).
    /// </summary>
    public static Matrix<double> Read(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{what} is a JSON {Kind(e)}, not a matrix object {{\"rows\",\"cols\",\"data\"}}.");
        int rows = Dimension(e, "rows", what);
        int cols = Dimension(e, "cols", what);
        if (!e.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{what} has no \"data\" array.");
        long expected = (long)rows * cols;
        int length = data.GetArrayLength();
        if (length != expected)
            throw new FormatException($"{what} is {rows}×{cols} but \"data\" has {length} entries (expected {expected}, row-major).");
        var m = Matrix<double>.Build.Dense(rows, cols);
        int k = 0;
        foreach (var x in data.EnumerateArray())
        {
            m[k / cols, k % cols] = Number(x, $"{what}.data[{k}]");
            k++;
        }
        return m;
    }

    /// <summary>Reads one number: a JSON number or one of <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    public static double Number(JsonElement x, string what)
    {
        switch (x.ValueKind)
        {
            case JsonValueKind.Number:
                if (x.TryGetDouble(out var v) && double.IsFinite(v)) return v;
                throw new FormatException($"{what} = {x.GetRawText()} does not fit a float64.");
            case JsonValueKind.String:
                return x.GetString() switch
                {
                    NaN => double.NaN,
                    PositiveInfinity => double.PositiveInfinity,
                    NegativeInfinity => double.NegativeInfinity,
                    var s => throw new FormatException($"{what} is the string \"{s}\"; only \"NaN\", \"Infinity\" and \"-Infinity\" are allowed as strings."),
                };
            default:
                throw new FormatException($"{what} is a JSON {Kind(x)}, not a number.");
        }
    }

    private static int Dimension(JsonElement e, string name, string what)
    {
        if (!e.TryGetProperty(name, out var d))
            throw new FormatException($"{what} has no \"{name}\".");
        if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out int n) || n < 1)
            throw new FormatException($"{what}.{name} = {d.GetRawText()} is not a positive integer.");
        return n;
    }

    /// <summary>The JSON kind in words, for messages.</summary>
    internal static string Kind(JsonElement e) => e.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture);
}
