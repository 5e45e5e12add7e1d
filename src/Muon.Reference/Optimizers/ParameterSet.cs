using System.Collections;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Optimizers;

/// <summary>
/// An ordered, immutable set of named matrix parameters (e.g. <c>P</c> and <c>Q</c> of a matrix
/// factorization). Gradients and momentum buffers are parameter sets with the same names and shapes.
/// The set itself is immutable, but the matrices are not copied: treat them as read-only. This project's code never
/// mutates a matrix it receives or returns (objectives copy their inputs; optimizers build new matrices).
/// </summary>
public sealed class ParameterSet : IReadOnlyList<KeyValuePair<string, Matrix<double>>>
{
    private readonly KeyValuePair<string, Matrix<double>>[] _items;

    /// <summary>Creates a set from (name, matrix) pairs; names must be distinct, matrices finite.</summary>
    public ParameterSet(IEnumerable<KeyValuePair<string, Matrix<double>>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.Select(kv => new KeyValuePair<string, Matrix<double>>(kv.Key, kv.Value)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, m) in _items)
        {
            if (!seen.Add(name)) throw new ArgumentException($"parameter '{name}' appears twice.", nameof(items));
            ArgumentNullException.ThrowIfNull(m, name);
        }
    }

    /// <summary>Creates a set from (name, matrix) tuples.</summary>
    public static ParameterSet Of(params (string Name, Matrix<double> Value)[] items)
        => new(items.Select(t => new KeyValuePair<string, Matrix<double>>(t.Name, t.Value)));

    /// <summary>The matrix named <paramref name="name"/>.</summary>
    public Matrix<double> this[string name]
    {
        get
        {
            foreach (var (k, v) in _items)
                if (k == name) return v;
            throw new KeyNotFoundException($"no parameter named '{name}' (have: {string.Join(", ", Names)}).");
        }
    }

    /// <inheritdoc />
    public KeyValuePair<string, Matrix<double>> this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>Parameter names in order.</summary>
    public IEnumerable<string> Names => _items.Select(kv => kv.Key);

    /// <summary>Applies <paramref name="f"/> to each (name, matrix).</summary>
    public ParameterSet Map(Func<string, Matrix<double>, Matrix<double>> f)
        => new(_items.Select(kv => new KeyValuePair<string, Matrix<double>>(kv.Key, f(kv.Key, kv.Value))));

    /// <summary>Combines this set with <paramref name="other"/> name by name (same names and shapes required).</summary>
    public ParameterSet Zip(ParameterSet other, Func<string, Matrix<double>, Matrix<double>, Matrix<double>> f)
    {
        RequireSameLayout(other, nameof(other));
        return new(_items.Select((kv, i) => new KeyValuePair<string, Matrix<double>>(kv.Key, f(kv.Key, kv.Value, other._items[i].Value))));
    }

    /// <summary>Throws with a message naming the first difference unless <paramref name="other"/> has the same names and shapes.</summary>
    public void RequireSameLayout(ParameterSet other, string what)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count)
            throw new ArgumentException($"{what} has {other.Count} parameters ({string.Join(", ", other.Names)}) but {Count} were expected ({string.Join(", ", Names)}).", what);
        for (int i = 0; i < Count; i++)
        {
            var (name, m) = _items[i];
            var (otherName, o) = other._items[i];
            if (name != otherName)
                throw new ArgumentException($"{what}: parameter {i} is '{otherName}' but '{name}' was expected.", what);
            if (m.RowCount != o.RowCount || m.ColumnCount != o.ColumnCount)
                throw new ArgumentException($"{what}: '{name}' is {o.RowCount}×{o.ColumnCount} but {m.RowCount}×{m.ColumnCount} was expected.", what);
        }
    }

    /// <summary>Throws naming the parameter and entry if any matrix has a NaN or infinite entry.</summary>
    public ParameterSet RequireFinite(string what)
    {
        foreach (var (name, m) in _items) Guard.Finite(m, $"{what}['{name}']");
        return this;
    }

    /// <summary>A set of zero matrices with the same layout.</summary>
    public ParameterSet ZerosLike() => Map((_, m) => Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount));

    /// <summary>Sum of squared Frobenius norms over all parameters, as one vector's squared norm.</summary>
    public double SquaredNorm() => _items.Sum(kv => Math.Pow(kv.Value.FrobeniusNorm(), 2));

    /// <summary>Inner product over all parameters.</summary>
    public double Inner(ParameterSet other)
    {
        RequireSameLayout(other, nameof(other));
        return _items.Select((kv, i) => MatrixFunctions.Inner(kv.Value, other._items[i].Value)).Sum();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Matrix<double>>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, Matrix<double>>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
