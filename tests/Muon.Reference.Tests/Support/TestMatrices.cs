using MathNet.Numerics.LinearAlgebra;

namespace Muon.Reference.Tests.Support;

/// <summary>Small matrices for input-validation tests (import with <c>using static</c>).</summary>
internal static class TestMatrices
{
    /// <summary>An r×c matrix of ones: finite, nonzero, and of any shape the test needs.</summary>
    public static Matrix<double> Ones(int r, int c) => Matrix<double>.Build.Dense(r, c, 1.0);

    /// <summary>A copy of <paramref name="m"/> with entry (i, j) set to <paramref name="x"/> (e.g. a NaN at a named place).</summary>
    public static Matrix<double> With(Matrix<double> m, int i, int j, double x)
    {
        var c = m.Clone();
        c[i, j] = x;
        return c;
    }
}
