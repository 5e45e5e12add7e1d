using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Numerics;

/// <summary>Input validation with messages that name the problem (NaN, ∞, shape mismatch, empty input).</summary>
public static class Guard
{
    /// <summary>Throws when <paramref name="m"/> is null, empty, or has a NaN or infinite entry.</summary>
    public static Matrix<double> Finite(Matrix<double>? m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.RowCount == 0 || m.ColumnCount == 0)
            throw new ArgumentException($"{name} is empty ({m.RowCount}×{m.ColumnCount}); a matrix needs at least one row and one column.", name);
        if (m is MathNet.Numerics.LinearAlgebra.Double.DenseMatrix dense && AllFinite(dense.Values))
            return m; // fast path; the slow loop below only runs to name the first bad entry
        for (int j = 0; j < m.ColumnCount; j++)
        {
            for (int i = 0; i < m.RowCount; i++)
            {
                double x = m[i, j];
                if (double.IsNaN(x))
                    throw new ArgumentException($"{name} has NaN at ({i}, {j}) ({m.RowCount}×{m.ColumnCount}).", name);
                if (double.IsInfinity(x))
                    throw new ArgumentException($"{name} has {(double.IsPositiveInfinity(x) ? "+∞" : "−∞")} at ({i}, {j}) ({m.RowCount}×{m.ColumnCount}).", name);
            }
        }
        return m;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double x in values)
            if (!double.IsFinite(x)) return false;
        // Stryker disable once Boolean : false only sends finite input through the naming loop (same result, slower).
        return true;
    }

    /// <summary>Throws unless <paramref name="m"/> is <paramref name="rows"/>×<paramref name="cols"/>.</summary>
    public static void Shape(Matrix<double> m, int rows, int cols, string name)
    {
        if (m.RowCount != rows || m.ColumnCount != cols)
            throw new ArgumentException($"{name} is {m.RowCount}×{m.ColumnCount} but {rows}×{cols} was expected.", name);
    }

    /// <summary>Throws unless <paramref name="x"/> is finite.</summary>
    public static double Finite(double x, string name)
    {
        if (!double.IsFinite(x))
            throw new ArgumentException($"{name} must be finite but is {x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", name);
        return x;
    }

    /// <summary>Throws unless <paramref name="x"/> is finite and strictly positive.</summary>
    public static double Positive(double x, string name)
    {
        if (!double.IsFinite(x) || x <= 0)
            throw new ArgumentOutOfRangeException(name, x, $"{name} must be finite and > 0.");
        return x;
    }

    /// <summary>Throws unless <paramref name="x"/> is finite and ≥ 0.</summary>
    public static double NonNegative(double x, string name)
    {
        if (!double.IsFinite(x) || x < 0)
            throw new ArgumentOutOfRangeException(name, x, $"{name} must be finite and ≥ 0.");
        return x;
    }
}
