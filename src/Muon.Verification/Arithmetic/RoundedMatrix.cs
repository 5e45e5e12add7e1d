using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// Matrix operations as PyTorch performs them on a low-precision tensor: every elementwise result rounded to the tensor's
/// format, and matrix products accumulated in float32 (each product of two 16-bit numbers is exact in float32; each
/// partial sum is rounded to float32) with the result rounded to the format — what cuBLAS and PyTorch's CPU kernels do
/// for bfloat16 and float16 by default. Storage is float64 holding numbers of the format.
/// </summary>
public static class RoundedMatrix
{
    /// <summary>Every entry of <paramref name="x"/> rounded to <paramref name="format"/> (a cast).</summary>
    public static Matrix<double> Cast(Matrix<double> x, FloatFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        return x.Map(format.Round);
    }

    /// <summary>A·B (A·Bᵀ with <paramref name="transposeB"/>), accumulated in float32 in increasing inner index, rounded to <paramref name="format"/>.</summary>
    public static Matrix<double> Product(Matrix<double> a, Matrix<double> b, FloatFormat format, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(format);
        int inner = a.ColumnCount, n = transposeB ? b.RowCount : b.ColumnCount;
        if ((transposeB ? b.ColumnCount : b.RowCount) != inner)
            throw new ArgumentException($"cannot multiply {a.RowCount}×{inner} by {b.RowCount}×{b.ColumnCount}{(transposeB ? "ᵀ" : "")}.", nameof(b));
        var accumulate = FloatFormat.Float32;
        return Matrix<double>.Build.Dense(a.RowCount, n, (i, j) =>
        {
            double s = 0;
            for (int p = 0; p < inner; p++)
                s = accumulate.Round(s + a[i, p] * (transposeB ? b[j, p] : b[p, j])); // one rounding per step, as an FMA
            return format.Round(s);
        });
    }

    /// <summary>
    /// α·X rounded entrywise; the scalar itself is rounded first, to <paramref name="scalarFormat"/> (default: the tensor's format, as a
    /// Python float meets a tensor; float32 where a kernel keeps its scalars in float32).
    /// </summary>
    public static Matrix<double> Scale(double alpha, Matrix<double> x, FloatFormat format, FloatFormat? scalarFormat = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        double a = (scalarFormat ?? format).Round(alpha);
        return x.Map(v => format.Round(a * v));
    }

    /// <summary>X + Y rounded entrywise.</summary>
    public static Matrix<double> Add(Matrix<double> x, Matrix<double> y, FloatFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        return x.Map2((p, q) => format.Round(p + q), y);
    }

    /// <summary>‖X‖_F accumulated in float32 (squares summed in order, square root in float32), rounded to <paramref name="format"/>.</summary>
    public static double FrobeniusNorm(Matrix<double> x, FloatFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(format);
        var accumulate = FloatFormat.Float32;
        double s = 0;
        foreach (double v in x.Enumerate()) s = accumulate.Round(s + v * v);
        return format.Round(accumulate.Round(Math.Sqrt(s)));
    }
}
