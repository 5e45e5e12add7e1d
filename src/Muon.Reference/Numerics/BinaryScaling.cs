using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Numerics;

/// <summary>
/// Exact rescaling by powers of two, so that SVDs and norms never overflow or underflow: a matrix whose largest
/// entry is 1e±170 is decomposed as 2^e·(a matrix with largest entry in [1, 2)), and multiplying by 2^±e is exact.
/// </summary>
public static class BinaryScaling
{
    /// <summary>e = ⌊log₂ max|gᵢⱼ|⌋ (0 for the zero matrix).</summary>
    public static int ExponentOf(Matrix<double> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        double max = 0;
        if (g is MathNet.Numerics.LinearAlgebra.Double.DenseMatrix dense)
        {
            foreach (double x in dense.Values) max = Math.Max(max, Math.Abs(x));
        }
        else
        {
            foreach (double x in g.Enumerate()) max = Math.Max(max, Math.Abs(x));
        }
        return max == 0 ? 0 : Math.ILogB(max);
    }

    /// <summary>2^<paramref name="exponent"/>·<paramref name="g"/>, exactly (entries that would become subnormal lose only their lowest bits).</summary>
    public static Matrix<double> Scale(Matrix<double> g, int exponent)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (exponent == 0) return g;
        var values = g.ToColumnMajorArray();
        for (int i = 0; i < values.Length; i++) values[i] = Math.ScaleB(values[i], exponent);
        return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, values);
    }

    /// <summary>(2^−e·g, e) with e = <see cref="ExponentOf"/>(g): the largest entry of the result lies in [1, 2).</summary>
    public static (Matrix<double> Scaled, int Exponent) Normalize(Matrix<double> g)
    {
        int e = ExponentOf(g);
        return (Scale(g, -e), e);
    }
}
