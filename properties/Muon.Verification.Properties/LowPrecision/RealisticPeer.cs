using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// A Newton–Schulz orthogonalizer as published PyTorch code writes it, in its own arithmetic (<see cref="PeerArithmetic"/>):
/// the float64 input cast to float32, normalized <c>X / (c·‖X‖ + eps)</c> in <paramref name="Normalize"/>'s format
/// (float32 when the iteration casts only afterwards), cast to the iteration format, then per step (a, b, c):
/// <c>A = X Xᵀ; B = b·A + c·A·A; X = a·X + B·X</c> on the wide orientation. Written from the published algorithms
/// (Keller Jordan's muon.py, the Polar Express reference, gram-newton-schulz), not from their code.
/// </summary>
/// <remarks><see cref="Float32Coefficients"/>: a, b, c stay float32 scalars (not rounded to the iteration format);
/// <see cref="MuonPyOrder"/>: <c>c * A @ A</c> evaluated as Python does, (c·A)·A.</remarks>
internal sealed record RealisticPeer(string Name, (double A, double B, double C)[] Steps, double Cushion, double Eps,
    Func<float, float> Round, Func<float, float> Normalize, bool Float32Coefficients = false, bool MuonPyOrder = false) : IOrthogonalizer
{
    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        bool tall = g.RowCount > g.ColumnCount;
        int m = tall ? g.ColumnCount : g.RowCount, n = tall ? g.RowCount : g.ColumnCount;
        var x = new float[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) x[i, j] = Normalize((float)(tall ? g[j, i] : g[i, j]));
        float squares = 0;
        foreach (float v in x) squares += v * v;
        float norm = Normalize(MathF.Sqrt(squares));
        float denominator = Normalize(Normalize(Normalize((float)Cushion) * norm) + Normalize((float)Eps));
        if (denominator == 0) return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount); // a zero gradient without eps: 0, not 0/0
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) x[i, j] = Round(Normalize(x[i, j] / denominator));
        foreach (var (a, b, c) in Steps)
        {
            Func<float, float> scalar = Float32Coefficients ? v => v : Round;
            float fa = scalar((float)a), fb = scalar((float)b), fc = scalar((float)c);
            var gram = PeerArithmetic.MatMul(x, x, transposeB: true, Round);
            float[,] quartic;
            if (MuonPyOrder)
            {
                var cGram = new float[m, m];
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++) cGram[i, j] = Round(fc * gram[i, j]);
                quartic = PeerArithmetic.MatMul(cGram, gram, transposeB: false, Round);
            }
            else
            {
                var gram2 = PeerArithmetic.MatMul(gram, gram, transposeB: false, Round);
                quartic = new float[m, m];
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++) quartic[i, j] = Round(fc * gram2[i, j]);
            }
            var poly = new float[m, m];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) poly[i, j] = Round(Round(fb * gram[i, j]) + quartic[i, j]);
            var px = PeerArithmetic.MatMul(poly, x, transposeB: false, Round);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) x[i, j] = Round(Round(fa * x[i, j]) + px[i, j]);
        }
        return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, (i, j) => tall ? x[j, i] : x[i, j]);
    }

    private static readonly (double, double, double) Keller = (3.4445, -4.7750, 2.0315);

    /// <summary>Keller Jordan's quintic ×<paramref name="steps"/> in bfloat16 after <c>X / (‖X‖ + 1e-7)</c> (muon.py).</summary>
    public static RealisticPeer KellerBf16(int steps = 5, double eps = 1e-7)
        => new($"keller-quintic×{steps} bf16 (‖X‖ + {eps:R})", Enumerable.Repeat(Keller, steps).ToArray(), 1, eps, PeerArithmetic.Bf16, PeerArithmetic.Bf16);

    /// <summary>muon.py as PyTorch evaluates it with float32 scalars: Keller ×5 in bfloat16, (c·A)·A, coefficients not rounded to bfloat16.</summary>
    public static RealisticPeer KellerBf16MuonPy()
        => KellerBf16() with { Name = "keller-quintic×5 bf16 (muon.py order, float32 coefficients)", Float32Coefficients = true, MuonPyOrder = true };

    /// <summary>The Polar Express reference: 8 steps, <c>X / (1.01·‖X‖ + 1e-7)</c>, bfloat16 (arXiv 2505.16932; coefficients from the paper, steps 1–7 divided by 1.01, 1.01³, 1.01⁵).</summary>
    public static RealisticPeer PolarExpressBf16() => new("polar-express×8 bf16 (1.01‖X‖ + 1e-7)", PolarExpressSteps, 1.01, 1e-7, PeerArithmetic.Bf16, PeerArithmetic.Bf16);

    /// <summary>Keller's quintic ×5 in float16 after a float32 normalization (gram-newton-schulz's arithmetic).</summary>
    public static RealisticPeer KellerF16AfterF32()
        => new("keller-quintic×5 f16 (normalized in f32)", Enumerable.Repeat(Keller, 5).ToArray(), 1, 1e-7, PeerArithmetic.F16, f => f);

    private static readonly (double, double, double)[] PolarExpressSteps = [.. new (double, double, double)[]
    {
        (8.28721201814563, -23.595886519098837, 17.300387312530933),
        (4.107059111542203, -2.9478499167379106, 0.5448431082926601),
        (3.9486908534822946, -2.908902115962949, 0.5518191394370137),
        (3.3184196573706015, -2.488488024314874, 0.51004894012372),
        (2.300652019954817, -1.6689039845747493, 0.4188073119525673),
        (1.891301407787398, -1.2679958271945868, 0.37680408948524835),
        (1.8750014808534479, -1.2500016453999487, 0.3750001645474248),
        (1.875, -1.25, 0.375),
    }.Select((s, k) => k < 7 ? (s.Item1 / 1.01, s.Item2 / Math.Pow(1.01, 3), s.Item3 / Math.Pow(1.01, 5)) : s)];
}
