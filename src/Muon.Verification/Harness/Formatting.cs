using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Harness;

/// <summary>Full-precision (round-trip) rendering of numbers and matrices for counterexamples and reports.</summary>
public static class Formatting
{
    /// <summary>A number in invariant round-trip form.</summary>
    public static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number in short invariant scientific form (for human summaries, never for replay).</summary>
    public static string Short(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A vector as <c>[a, b, …]</c> in round-trip form.</summary>
    public static string R(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(R)) + "]";

    /// <summary>A matrix as nested rows <c>[[a, b], [c, d]]</c> in round-trip form (pasteable into NumPy).</summary>
    public static string R(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var sb = new StringBuilder("[");
        for (int i = 0; i < m.RowCount; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(R(m.Row(i)));
        }
        return sb.Append(']').ToString();
    }
}
