using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.NegativeControls;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// A realistic low-precision Muon (<see cref="RealisticMuon"/>) as it would be served: its own orthogonalizer behind the
/// <c>orthogonalize</c> op, the Newton–Schulz schedule it declares, the iteration dtype and (optionally) the parameter dtype.
/// </summary>
internal sealed record OptimizerPeer(string Name, RealisticPeer Orthogonalizer, string Dtype, string? ParamDtype, Func<OptimizerHyper, RealisticMuon> Create, bool DeclaresConventions = true)
{
    /// <summary>The schedule the peer declares: exactly its own coefficients, cushion and eps.</summary>
    public NewtonSchulz Declared => (NewtonSchulz)CalibrationProbe.Of(Orthogonalizer, Arithmetic.FloatFormat.Float64, Arithmetic.FloatFormat.Float64).Declared;

    /// <summary>The protocol server for this peer, or for <paramref name="create"/> declared as this peer.</summary>
    public ProtocolServer Server(Func<OptimizerHyper, RealisticMuon>? create = null, string? name = null, IOrthogonalizer? op = null)
        => new(name ?? Name, op ?? Orthogonalizer, OrthogonalizerDeclaration.Of(Declared),
            DeclaresConventions ? RealisticMuon.Served(create ?? Create) : RealisticMuon.Served(create ?? Create) with { Scale = null, WeightDecay = null })
        {
            Dtype = Dtype,
            ParamDtype = ParamDtype,
        };

    private static RealisticPeer TorchNs => RealisticPeer.KellerBf16MuonPy() with { Name = "keller-quintic×5 bf16 (torch: X / max(‖X‖, 1e-7))", Eps = 0 };

    private static RealisticPeer Float32Ns => RealisticPeer.KellerBf16(eps: 0) with { Name = "keller-quintic×5 f32 (F.normalize)", Round = static f => f, Normalize = static f => f };

    /// <summary>muon.py: float32 parameters, bf16 quintic, O·s in bf16.</summary>
    public static OptimizerPeer KellerStyle { get; } = new("muon.py (f32 params, bf16 NS, O·s in bf16)", RealisticPeer.KellerBf16MuonPy(), "bfloat16", "float32", RealisticMuon.KellerStyle);

    /// <summary>torch.optim.Muon with bf16 parameters (the aliasing fixed).</summary>
    public static OptimizerPeer TorchBf16 { get; } = new("torch.optim.Muon (bf16 params)", TorchNs, "bfloat16", "bfloat16", h => RealisticMuon.TorchBf16(h));

    /// <summary>torch.optim.Muon with bf16 parameters, param_dtype left for the oracle to measure.</summary>
    public static OptimizerPeer TorchBf16Undeclared { get; } = TorchBf16 with { Name = "torch.optim.Muon (bf16 params, param_dtype undeclared)", ParamDtype = null };

    /// <summary>torch.optim.Muon with bf16 parameters declaring neither its shape scale nor its weight decay: the probes measure them in bf16.</summary>
    public static OptimizerPeer TorchBf16Measured { get; } = TorchBf16 with { Name = "torch.optim.Muon (bf16 params, scale and decay undeclared)", DeclaresConventions = false };

    /// <summary>torch.optim.Muon with bf16 parameters around a float32 iteration (P narrower than I: O is cast to bf16 before the step).</summary>
    public static OptimizerPeer Bf16OverFloat32 { get; } = new("torch-style Muon (bf16 params, f32 NS)", Float32Ns, "float32", "bfloat16", h => RealisticMuon.TorchBf16(h) with { Orthogonalizer = Float32Ns });

    /// <summary>torch.optim.Muon with float16 parameters around the bf16 iteration (no aliasing: <c>.bfloat16()</c> copies an fp16 buffer).</summary>
    public static OptimizerPeer TorchF16 { get; } = new("torch.optim.Muon (fp16 params)", TorchNs, "bfloat16", "float16", h => RealisticMuon.TorchBf16(h) with { Name = "torch.optim.Muon (fp16 params)", Bf16Parameters = false, ParameterRound = PeerArithmetic.F16 });

    /// <summary>NVIDIA's float32 Muon.</summary>
    public static OptimizerPeer Float32 { get; } = new("nvidia muon (f32)", Float32Ns, "float32", "float32", RealisticMuon.Float32);

    /// <summary>Every correct peer.</summary>
    public static IReadOnlyList<OptimizerPeer> All { get; } = [KellerStyle, TorchBf16, TorchBf16Undeclared, TorchBf16Measured, Bf16OverFloat32, TorchF16, Float32];
}

/// <summary>A broken low-precision Muon declared as its correct sibling, and the optimizer property that must fail.</summary>
internal sealed record OptimizerTwin(string Name, OptimizerPeer DeclaredAs, Func<OptimizerHyper, RealisticMuon> Create, string CaughtBy)
{
    /// <summary>The broken twins of docs/conformance.md's low-precision optimizer table.</summary>
    public static IReadOnlyList<OptimizerTwin> All { get; } =
    [
        new("torch bf16, momentum buffer normalized in place (bf16 params, nesterov=False)", OptimizerPeer.TorchBf16, h => RealisticMuon.TorchBf16(h, aliased: true), "optimizer/reference-trajectory"),
        new("torch bf16, weight decay missing", OptimizerPeer.TorchBf16, h => RealisticMuon.TorchBf16(h with { WeightDecay = 0 }), "optimizer/zero-gradient-weight-decay"),
        new("muon.py, raw gradient orthogonalized", OptimizerPeer.KellerStyle, h => RealisticMuon.KellerStyle(h) with { Defect = OptimizerDefect.OrthogonalizesRawGradient }, "optimizer/reference-trajectory"),
        new("muon.py, shape scale missing", OptimizerPeer.KellerStyle, h => RealisticMuon.KellerStyle(h) with { Defect = OptimizerDefect.MissingShapeScale }, "optimizer/shape-scale"),
        new("nvidia f32, weight decay missing", OptimizerPeer.Float32, h => RealisticMuon.Float32(h with { WeightDecay = 0 }), "optimizer/zero-gradient-weight-decay"),
        new("nvidia f32, momentum ignored (β sent, 0 used)", OptimizerPeer.Float32, h => RealisticMuon.Float32(h with { Momentum = 0 }), "optimizer/reference-trajectory"),
    ];

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The optimizer catalogue (<see cref="ControlTable.ProtocolOptimizers"/>) redone in low precision: each defect in NVIDIA's float32 Muon, muon.py (float32 parameters, bf16 iteration, O·s in bf16) and torch.optim.Muon with bf16 parameters.</summary>
internal static class LowPrecisionCatalogue
{
    /// <summary>The peers each defect is redone in.</summary>
    public static IReadOnlyList<OptimizerPeer> Peers { get; } = [OptimizerPeer.Float32, OptimizerPeer.KellerStyle, OptimizerPeer.TorchBf16];

    /// <summary>The defect in <paramref name="peer"/>'s arithmetic (weight decay in the peer's own form).</summary>
    public static Func<OptimizerHyper, RealisticMuon> Broken(OptimizerPeer peer, OptimizerDefect defect) => h => peer.Create(h) with { Defect = defect };
}

/// <summary>
/// An orthogonalizer whose output carries deterministic noise of ±<paramref name="amplitude"/> per entry, hashed from the
/// input's bits (discontinuous: a one-unit change of the input redraws it), rounded to bf16 — noisier than its declared
/// arithmetic. With the scale taken around the implementation's own op, it widened its own optimizer tolerance.
/// </summary>
internal sealed class HashedNoise(IOrthogonalizer inner, double amplitude) : IOrthogonalizer
{
    public string Name => $"{inner.Name} + hashed noise ±{amplitude}";

    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        var o = inner.Orthogonalize(g);
        if (g.FrobeniusNorm() == 0) return o;
        ulong h = 1469598103934665603UL;
        foreach (double v in g.Enumerate()) h = (h ^ BitConverter.DoubleToUInt64Bits(v)) * 1099511628211UL;
        var rng = new Random((int)(h ^ (h >> 32)));
        return o.Map(x => (double)PeerArithmetic.Bf16((float)(x + amplitude * (2 * rng.NextDouble() - 1))));
    }
}
