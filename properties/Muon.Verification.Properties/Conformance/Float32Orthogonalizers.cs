using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// Orthogonalizers that compute in float32 (MathNet <c>Matrix&lt;float&gt;</c>): the input is rounded to float32, every
/// operation is single precision, the output is widened back. They stand for a float32 PyTorch/NumPy implementation.
/// </summary>
internal static class Float32Orthogonalizers
{
    private static readonly global::Muon.Reference.Orthogonalizers.ExactPolar Float32Threshold = new(1e-5);

    /// <summary>Newton–Schulz in float32 (Keller's layout: iterate on the wide orientation, X₀ = G/(c‖G‖_F + eps)).</summary>
    public static IOrthogonalizer NewtonSchulz(NewtonSchulz ns, string? name = null) => new Lambda(name ?? $"float32:{ns.Name}", g =>
    {
        var x = ToSingle(g);
        bool tall = x.RowCount > x.ColumnCount;
        if (tall) x = x.Transpose();
        float norm = (float)x.FrobeniusNorm();
        if (norm == 0) return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        x = x / ((float)ns.Schedule.InputCushion * norm + (float)ns.Eps);
        for (int k = 0; k < ns.Steps; k++)
        {
            var p = ns.Schedule.At(k);
            var a = x * x.Transpose();
            var b = (float)p.B * a + (float)p.C * (a * a);
            x = (float)p.A * x + b * x;
        }
        return ToDouble(tall ? x.Transpose() : x);
    });

    /// <summary>
    /// The exact polar factor with float32 input and output: the input is rounded to float32, its polar factor taken
    /// with singular values below 1e-5·σ₁ (≈ 170u₃₂) treated as zero (rounding a rank-deficient input to float32 lifts
    /// its zero singular values to ≈ u₃₂σ₁, so the float64 threshold 1e-12 would turn them into unit ones — the oracle
    /// catches that as rank-preservation), and the result rounded to float32. The SVD itself runs in float64 (MathNet's
    /// managed float32 SVD does not converge on clustered spectra); a real float32 SVD (LAPACK sgesdd) is exercised by
    /// <c>numpy_adapter.py --kind exact --dtype float32</c>.
    /// </summary>
    public static IOrthogonalizer ExactPolar { get; } = new Lambda("float32:exact-polar",
        g => ToDouble(ToSingle(Float32Threshold.Orthogonalize(ToDouble(ToSingle(g))))));

    /// <summary>Same as <see cref="ExactPolar"/> but with the float64 threshold 1e-12: broken for float32 data.</summary>
    public static IOrthogonalizer UnthresholdedExactPolar { get; } = new Lambda("float32:broken:float64-threshold-polar",
        g => ToDouble(ToSingle(global::Muon.Reference.Orthogonalizers.ExactPolar.Default.Orthogonalize(ToDouble(ToSingle(g))))));


    /// <summary>Plain normalization G/‖G‖_F in float32 (a broken implementation when declared exact).</summary>
    public static IOrthogonalizer FrobeniusNormalized { get; } = new Lambda("float32:broken:frobenius-normalized", g =>
    {
        var x = ToSingle(g);
        float norm = (float)x.FrobeniusNorm();
        return norm == 0 ? Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount) : ToDouble(x / norm);
    });

    private static Matrix<float> ToSingle(Matrix<double> g) => Matrix<float>.Build.Dense(g.RowCount, g.ColumnCount, (i, j) => (float)g[i, j]);

    private static Matrix<double> ToDouble(Matrix<float> x) => Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x[i, j]);

    private sealed class Lambda(string name, Func<Matrix<double>, Matrix<double>> f) : IOrthogonalizer
    {
        public string Name => name;

        public Matrix<double> Orthogonalize(Matrix<double> g) => f(g);
    }
}
