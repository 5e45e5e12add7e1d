using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.NegativeControls;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// A Muon step as published PyTorch code performs it, in the peers' own arithmetic (<see cref="PeerArithmetic"/>): parameters
/// and momentum held in float32 or bfloat16 (P), every elementwise op computed in float32 ("opmath", Python scalars cast to
/// float32) and rounded once to its tensor's dtype. Per parameter: <c>buf.lerp_(g, 1 − β)</c>; input
/// <c>g.lerp(buf, β)</c> (Nesterov) or <c>buf</c>; O = the orthogonalizer's output in P; <c>p.mul_(1 − η·λ)</c>; then
/// either <c>p.add_(O, alpha = −η·s)</c> (torch.optim.Muon, s = √max(1, rows/cols) folded into alpha) or
/// <c>O *= s</c> in O's own dtype followed by <c>p.add_(O, alpha = −η)</c> (muon.py, NVIDIA). Written from the published
/// code (torch/optim/_muon.py, KellerJordan/Muon muon.py, NVIDIA Emerging-Optimizers), not from the oracle's emulation.
/// </summary>
/// <remarks>
/// <c>lerp</c> is ATen's scalar formula (aten/src/ATen/native/Lerp.h): <c>|w| &lt; ½ ? a + w(b − a) : b − (b − a)(1 − w)</c>
/// with w cast to float32 (its vectorized CPU kernel fuses the last multiply-add into an FMA: one float32 rounding fewer,
/// not modelled); <c>add</c> with alpha is <c>p + alpha·O</c> as two float32 operations, then the rounding to P.
/// </remarks>
/// <param name="Name">Configuration, for reports.</param>
/// <param name="Hyper">η, β, Nesterov, λ (constant over the run).</param>
/// <param name="Orthogonalizer">The Newton–Schulz routine; its output is converted to P.</param>
/// <param name="Bf16Parameters">P = bfloat16 (else float32).</param>
/// <param name="ScaleIn">Keller style: the rounding of <c>O·s</c> (O's dtype); null: torch style, s folded into alpha.</param>
/// <param name="AliasedBuffer">
/// The torch.optim.Muon / dion defect: with bf16 parameters and no Nesterov, <c>.bfloat16()</c> returns the momentum buffer
/// itself and the routine's in-place <c>X /= max(‖X‖_F, 1e-7)</c> (norm accumulated in float32, rounded to bf16 as
/// <c>Tensor.norm</c> returns it; quotient rounded to bf16) normalizes the stored buffer. No effect otherwise.
/// </param>
/// <param name="DecayByAdd">Weight decay as <c>p.add_(p, alpha = −η·λ)</c> (NVIDIA) instead of <c>p.mul_(1 − η·λ)</c>.</param>
/// <param name="ParameterRound">Another parameter format than bf16/float32 (float16: <see cref="PeerArithmetic.F16"/>); overrides <paramref name="Bf16Parameters"/>'s rounding.</param>
/// <param name="Defect">One of the optimizer catalogue's defects (<see cref="OptimizerDefect"/>), done in this arithmetic; null: none.</param>
internal sealed record RealisticMuon(string Name, OptimizerHyper Hyper, IOrthogonalizer Orthogonalizer, bool Bf16Parameters,
    Func<float, float>? ScaleIn = null, bool AliasedBuffer = false, bool DecayByAdd = false, OptimizerDefect? Defect = null, Func<float, float>? ParameterRound = null) : IOptimizer
{
    private static int _noiseSeed;

    /// <summary>Rounding to P.</summary>
    public Func<float, float> Round => ParameterRound ?? (Bf16Parameters ? PeerArithmetic.Bf16 : static f => f);

    /// <summary>Whether the aliasing defect is active for these settings.</summary>
    public bool Aliases => AliasedBuffer && Bf16Parameters && !Hyper.Nesterov;

    public OptimizerState Start(ParameterSet parameters) => OptimizerState.Initial(parameters.ZerosLike());

    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        var momentum = state.Momentum ?? throw new InvalidOperationException("no momentum buffer: create the state with Start().");
        var round = Round;
        float w = (float)(1 - Hyper.Momentum), beta = (float)Hyper.Momentum;
        var buffers = new List<(string, Matrix<double>)>();
        var next = new List<(string, Matrix<double>)>();
        float[,]? shared = null;
        for (int k = 0; k < parameters.Count; k++)
        {
            var (name, p0) = parameters[k];
            int rows = p0.RowCount, cols = p0.ColumnCount;
            var p = Cast(p0, round);
            var g = Cast(gradients[name], round);
            var m = Defect == OptimizerDefect.SharedMomentumBuffer && shared is not null && shared.GetLength(0) == rows && shared.GetLength(1) == cols ? shared : Cast(momentum[name], round);
            float[,] buf, input;
            Matrix<double> o;
            if (Defect == OptimizerDefect.MomentumAfterOrthogonalization)
            {
                var og = Cast(Orthogonalizer.Orthogonalize(ToMatrix(g)), round);
                buf = Map(m, og, (a, b) => round(Lerp(a, b, w)));
                input = buf;
                o = ToMatrix(buf);
            }
            else
            {
                buf = Map(m, g, (a, b) => round(Lerp(a, b, w)));
                input = Defect == OptimizerDefect.OrthogonalizesRawGradient ? g
                    : Hyper.Nesterov && Defect != OptimizerDefect.NesterovIgnored ? Map(g, buf, (a, b) => round(Lerp(a, b, beta))) : buf;
                o = Orthogonalizer.Orthogonalize(ToMatrix(input));
            }
            if (o.RowCount != rows || o.ColumnCount != cols) throw new InvalidOperationException($"{Orthogonalizer.Name} returned {o.RowCount}×{o.ColumnCount} for {rows}×{cols}.");
            if (Defect == OptimizerDefect.NaNOnZeroGradient)
            {
                float n = 0;
                foreach (float v in input) n += v * v;
                o *= n / n; // "normalize" without a zero check: NaN on a zero input, exactly 1 otherwise
            }
            shared = buf;
            // The routine normalizes its own copy of the same values, so the step is unchanged; aliasing changes only what is stored.
            buffers.Add((name, ToMatrix(Aliases ? NormalizedInPlace(buf) : buf)));

            double s = Defect switch
            {
                OptimizerDefect.MissingShapeScale => 1,
                OptimizerDefect.WrongAxisShapeScale => Math.Sqrt(Math.Max(1.0, (double)cols / rows)),
                _ => Math.Sqrt(Math.Max(1.0, (double)rows / cols)),
            };
            double lr = Defect == OptimizerDefect.LearningRateSquared ? Hyper.Lr * Hyper.Lr : Hyper.Lr;
            double lrDecay = Defect switch { OptimizerDefect.WeightDecayNotApplied => 0, OptimizerDefect.WeightDecayWrongLr => 1, _ => Hyper.Lr };
            float decay = (float)(DecayByAdd ? -lrDecay * Hyper.WeightDecay : 1 - lrDecay * Hyper.WeightDecay);
            float alpha = (float)(ScaleIn is null ? -(lr * s) : -lr);
            var raw = Cast(o, static f => f);
            // muon.py: `update *= s` on the routine's own output (s a Python float: float32 opmath), rounded back to its dtype.
            var update = ScaleIn is { } scaleIn ? Map(raw, raw, (x, _) => round(scaleIn((float)s * x))) : Map(raw, raw, (x, _) => round(x));
            var result = Map(p, update, (x, u) =>
            {
                float decayed = round(DecayByAdd ? x + decay * x : x * decay);
                return round(decayed + alpha * u);
            });
            if (Defect == OptimizerDefect.SkipsLaterParameters && k > 0) result = p;
            if (Defect == OptimizerDefect.Nondeterministic)
            {
                float rms = 0;
                foreach (float v in result) rms += v * v;
                rms = MathF.Sqrt(rms / (rows * cols));
                var noise = new Random(Interlocked.Increment(ref _noiseSeed)); // a new stream per call: run-to-run different, reproducible in sequence
                result = Map(result, result, (x, _) => round(x + 1e-4f * rms * (float)(noise.NextDouble() * 2 - 1)));
            }
            next.Add((name, ToMatrix(result)));
        }
        return new OptimizerStep(ParameterSet.Of([.. next]), new OptimizerState(state.T + 1, ParameterSet.Of([.. buffers])), Hyper.Lr);
    }

    /// <summary>Keller Jordan's muon.py (SingleDeviceMuon): float32 parameters, quintic ×5 in bf16 as muon.py evaluates it, <c>O *= s</c> in bf16.</summary>
    public static RealisticMuon KellerStyle(OptimizerHyper hyper)
        => new("muon.py (f32 params, bf16 NS, scale in bf16)", hyper, RealisticPeer.KellerBf16MuonPy(), false, PeerArithmetic.Bf16);

    /// <summary>
    /// torch.optim.Muon with bfloat16 parameters and the default "original" adjust_lr; its routine is muon.py's quintic in bf16
    /// with <c>X / max(‖X‖, 1e-7)</c>, modelled as eps = 0 (identical whenever ‖X‖ ≥ 1e-7; a zero input gives 0 either way).
    /// <paramref name="aliased"/>: the in-place normalization of the momentum buffer (see <see cref="AliasedBuffer"/>).
    /// </summary>
    public static RealisticMuon TorchBf16(OptimizerHyper hyper, bool aliased = false)
        => new($"torch.optim.Muon (bf16 params{(aliased ? ", buffer aliased" : "")})", hyper,
            RealisticPeer.KellerBf16MuonPy() with { Name = "keller-quintic×5 bf16 (torch: X / max(‖X‖, 1e-7))", Eps = 0 }, true, AliasedBuffer: aliased);

    /// <summary>
    /// NVIDIA Emerging-Optimizers' Muon in float32 (coefficient_type "simple" = Keller's quintic ×5, fp32_matmul_prec "highest",
    /// scale_mode "shape_scaling"): <c>F.normalize</c> (eps 1e-7, a clamp: eps = 0 here), the iteration and <c>O·s</c> in float32,
    /// weight decay <c>p.add_(p, alpha = −η·λ)</c>.
    /// </summary>
    public static RealisticMuon Float32(OptimizerHyper hyper)
        => new("nvidia muon (f32 params, f32 NS)", hyper,
            RealisticPeer.KellerBf16(eps: 0) with { Name = "keller-quintic×5 f32 (F.normalize)", Round = static f => f, Normalize = static f => f },
            false, static f => f, DecayByAdd: true);

    /// <summary>
    /// The peer served over the protocol, declaring EMA momentum, √max(1, rows/cols) and decoupled decay. The served
    /// orthogonalizer is ignored: a peer brings its own (the one its published code hard-wires), so it is self-contained.
    /// </summary>
    public static ServedOptimizer Served(Func<OptimizerHyper, RealisticMuon> peer)
        => new((h, _) => peer(h), "ema", "sqrt-max-1-rows-over-cols", "decoupled");

    /// <summary>ATen's scalar lerp in float32.</summary>
    public static float Lerp(float start, float end, float weight)
        => MathF.Abs(weight) < 0.5f ? start + weight * (end - start) : end - (end - start) * (1f - weight);

    /// <summary>torch's <c>X.div_(X.norm().clamp(min = 1e-7))</c> on a bf16 tensor.</summary>
    private static float[,] NormalizedInPlace(float[,] x)
    {
        float squares = 0;
        foreach (float v in x) squares += v * v;
        float d = PeerArithmetic.Bf16(MathF.Max(PeerArithmetic.Bf16(MathF.Sqrt(squares)), 1e-7f));
        return Map(x, x, (v, _) => PeerArithmetic.Bf16(v / d));
    }

    private static float[,] Cast(Matrix<double> m, Func<float, float> round)
    {
        var x = new float[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++) x[i, j] = round((float)m[i, j]);
        return x;
    }

    private static float[,] Map(float[,] a, float[,] b, Func<float, float, float> f)
    {
        var c = new float[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) c[i, j] = f(a[i, j], b[i, j]);
        return c;
    }

    private static Matrix<double> ToMatrix(float[,] x) => Matrix<double>.Build.Dense(x.GetLength(0), x.GetLength(1), (i, j) => x[i, j]);
}
