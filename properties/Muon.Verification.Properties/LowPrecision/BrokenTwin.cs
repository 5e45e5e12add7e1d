using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Harness;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>A realistic 16-bit peer with one structural defect, declared as its correct sibling, and the law that must catch it.</summary>
internal sealed record BrokenTwin(string Name, CalibrationProbe DeclaredAs, IOrthogonalizer Subject, string CaughtBy, FailureKind By = FailureKind.Law)
{
    public override string ToString() => Name;

    public static IReadOnlyList<BrokenTwin> All { get; } =
    [
        // Keller's muon.py at 4 steps while declaring 5 (in float64 the spectral map fails by 0.39).
        new("keller bf16, one step short", CalibrationProbe.All[0], RealisticPeer.KellerBf16(steps: 4), "orthogonalizer/spectral-map"),
        // The dominant singular direction's sign flipped (as NVIDIA's AOL set after a Frobenius normalization does to a near-rank-1 gradient).
        new("keller bf16, top direction flipped", CalibrationProbe.All[0], new FlippedTop(RealisticPeer.KellerBf16()), "orthogonalizer/spectral-map"),
        // The normalization left out (X₀ = G): the quintic overflows bfloat16 on a large gradient, a non-finite output.
        new("keller bf16, no normalization", CalibrationProbe.All[0], RealisticPeer.KellerBf16() with { Name = "keller bf16 unnormalized", Cushion = 0, Eps = 1 }, "orthogonalizer/positive-scale-invariance", FailureKind.Contract),
        // A wrong output scale (√2, as a misplaced shape factor would give).
        new("polar express bf16, output scaled by √2", CalibrationProbe.All[2], new Scaled(RealisticPeer.PolarExpressBf16(), Math.Sqrt(2)), "orthogonalizer/spectral-map"),
        // An off-by-one in the copy-out loop: the last output column is never written (stays 0). Left rotations commute with
        // dropping a column, right rotations do not.
        new("keller bf16, last output column not written", CalibrationProbe.All[0], new LastColumnDropped(RealisticPeer.KellerBf16()), "orthogonalizer/right-orthogonal-equivariance"),
        // An exact polar factor 20 % too long: ⟨O(G), G⟩ = 1.2‖G‖_*.
        new("exact polar bf16 ×1.2", CalibrationProbe.All[5], new ExactPolarBf16Peer(1.2), "exact-polar/nuclear-norm-pairing"),
        new("keller f16, one step short", CalibrationProbe.All[3], RealisticPeer.KellerF16AfterF32() with { Steps = [.. RealisticPeer.KellerF16AfterF32().Steps.Take(4)] }, "orthogonalizer/spectral-map"),
    ];

    private sealed record FlippedTop(IOrthogonalizer Inner) : IOrthogonalizer
    {
        public string Name => $"{Inner.Name}, top direction flipped";

        public Matrix<double> Orthogonalize(Matrix<double> g)
        {
            var o = Inner.Orthogonalize(g);
            var svd = g.Svd();
            var u1 = svd.U.Column(0);
            var v1 = svd.VT.Row(0);
            double along = u1 * o * v1;
            return o - 2 * along * u1.OuterProduct(v1);
        }
    }

    private sealed record LastColumnDropped(IOrthogonalizer Inner) : IOrthogonalizer
    {
        public string Name => $"{Inner.Name}, last column not written";

        public Matrix<double> Orthogonalize(Matrix<double> g)
        {
            var o = Inner.Orthogonalize(g);
            for (int i = 0; i < o.RowCount; i++) o[i, o.ColumnCount - 1] = 0;
            return o;
        }
    }

    private sealed record Scaled(IOrthogonalizer Inner, double Factor) : IOrthogonalizer
    {
        public string Name => $"{Inner.Name} ×{Factor:R}";

        public Matrix<double> Orthogonalize(Matrix<double> g) => Inner.Orthogonalize(g).Map(x => (double)PeerArithmetic.Bf16((float)(x * Factor)));
    }
}
