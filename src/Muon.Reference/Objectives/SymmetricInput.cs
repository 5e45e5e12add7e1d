using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Objectives;

/// <summary>Validation of the symmetric matrices that define objectives (A, M*, S).</summary>
internal static class SymmetricInput
{
    /// <summary>Relative symmetry tolerance: <c>|a_ij − a_ji| ≤ 1e-12·max|a|</c>.</summary>
    public const double RelativeTolerance = 1e-12;

    /// <summary>Throws unless <paramref name="a"/> is finite, non-empty, square and symmetric to
    /// <see cref="RelativeTolerance"/>; returns a private copy.</summary>
    public static Matrix<double> Require(Matrix<double>? a, string name)
    {
        Guard.Finite(a, name);
        if (a!.RowCount != a.ColumnCount)
            throw new ArgumentException($"{name} is {a.RowCount}×{a.ColumnCount} but must be square.", name);
        double scale = a.Enumerate().Max(Math.Abs);
        for (int j = 0; j < a.ColumnCount; j++)
        {
            for (int i = j + 1; i < a.RowCount; i++)
            {
                double gap = Math.Abs(a[i, j] - a[j, i]);
                if (gap > RelativeTolerance * scale)
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} is not symmetric: |{name}[{i},{j}] − {name}[{j},{i}]| = {gap:R} exceeds {RelativeTolerance:R}·max|{name}| = {RelativeTolerance * scale:R}."), name);
            }
        }
        return a.Clone();
    }
}
