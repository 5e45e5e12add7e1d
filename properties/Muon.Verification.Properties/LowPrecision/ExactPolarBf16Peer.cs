using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// An exact polar factor returned in bfloat16: the input cast to bf16 (through float32), U Vᵀ from MathNet's SVD in float64
/// over the singular values above 1e-12·σ₁, every output entry cast to bf16 — the peer's own code, not the oracle's.
/// </summary>
internal sealed class ExactPolarBf16Peer(double factor = 1) : IOrthogonalizer
{
    public string Name => factor == 1 ? "exact-polar bf16" : $"exact-polar bf16 ×{factor:R}";

    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        var x = g.Map(v => (double)PeerArithmetic.Bf16((float)v));
        if (x.FrobeniusNorm() == 0) return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        var svd = x.Svd();
        int k = Math.Min(g.RowCount, g.ColumnCount);
        var o = Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        for (int i = 0; i < k; i++)
            if (svd.S[i] > 1e-12 * svd.S[0]) o += svd.U.Column(i).OuterProduct(svd.VT.Row(i));
        return o.Map(v => (double)PeerArithmetic.Bf16((float)(factor * v)));
    }
}
