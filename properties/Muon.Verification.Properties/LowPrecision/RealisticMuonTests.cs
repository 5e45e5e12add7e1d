using System.Globalization;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// The realistic Muon peers are what they claim: their parameters are numbers of their dtype, the correct ones follow the
/// float64 reference Muon (Keller's quintic, EMA, √max(1, rows/cols), decoupled decay) up to round-off, and the aliased
/// twin's defect shows exactly where torch's does (bf16 parameters, no Nesterov) and nowhere else.
/// </summary>
public sealed class RealisticMuonTests(ITestOutputHelper output)
{
    private static readonly (int Rows, int Cols)[] Shapes = [(4, 6), (6, 4)];

    public static TheoryData<string, bool> Peers => new()
    {
        { "keller", false }, { "keller", true }, { "torch-bf16", false }, { "torch-bf16", true }, { "float32", false }, { "float32", true },
    };

    private static RealisticMuon Peer(string kind, OptimizerHyper h) => kind switch
    {
        "keller" => RealisticMuon.KellerStyle(h),
        "torch-bf16" => RealisticMuon.TorchBf16(h),
        "torch-bf16-aliased" => RealisticMuon.TorchBf16(h, aliased: true),
        "float32" => RealisticMuon.Float32(h),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(Peers))]
    public void Parameters_and_buffers_are_numbers_of_the_declared_dtype(string kind, bool nesterov)
    {
        var peer = Peer(kind, new OptimizerHyper(0.02, 0.95, nesterov, 0.1));
        var (trajectory, states) = Run(peer, Start(peer.Round, 11), Gradients(12), 3);
        Func<double, bool> represents = peer.Bf16Parameters ? v => PeerArithmetic.Bf16((float)v) == v : v => (float)v == v;
        foreach (var set in trajectory.Concat(states.Select(s => s.Momentum!)))
            foreach (var (name, m) in set)
                Assert.All(m.Enumerate(), v => Assert.True(represents(v), $"{peer.Name}: {name} holds {v:R}"));
    }

    /// <summary>
    /// Three steps, η = 0.02, β = 0.95, λ = 0.1, parameters N(0, 0.2²), gradients N(0, 1); distance to the float64 reference
    /// (Keller's quintic) relative to the reference's displacement ‖P_t − P₀‖, worst over t ≤ 3 and both shapes. The bf16
    /// quintic alone is 3.4 % from float64 Keller in median, 8.7 % at worst (muon.py order, 200 Gaussian 4×6 inputs,
    /// measured; its coefficients rounded to bf16: 5.5 % / 19 %) — the coefficient error is amplified by the quintic's slope
    /// of up to 3.4445⁵ near 0, so u = 2⁻⁸ does not bound it. bf16 parameters add up to u·|p| ≈ 0.0008 per entry per step
    /// (|p| ≈ 0.2) against an update η·|O| ≈ 0.008. Bounds: 0.10 (float32 parameters, bf16 iteration), 0.15 (bf16 parameters),
    /// 1e-5 (float32 throughout: u = 2⁻²⁴ through the same amplification); measured values are printed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Peers))]
    public void A_correct_peer_follows_the_float64_reference_up_to_round_off(string kind, bool nesterov)
    {
        var h = new OptimizerHyper(0.02, 0.95, nesterov, 0.1);
        var peer = Peer(kind, h);
        var reference = new MuonOptimizer(h.ToOptions(), NewtonSchulz.KellerQuintic(), ShapeScale.SqrtMax1RowsOverCols);
        var p0 = Start(peer.Round, 21);
        var gradients = Gradients(22);
        var (ours, _) = Run(peer, p0, gradients, 3);
        var (theirs, _) = Run(reference, p0, gradients, 3);
        double worst = 0;
        for (int t = 1; t <= 3; t++)
            foreach (var (name, _) in p0)
                worst = Math.Max(worst, (ours[t][name] - theirs[t][name]).FrobeniusNorm() / (theirs[t][name] - p0[name]).FrobeniusNorm());
        double bound = kind == "float32" ? 1e-5 : peer.Bf16Parameters ? 0.15 : 0.10;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{peer.Name}, nesterov {nesterov}: max relative distance {worst:G3} (bound {bound})"));
        Assert.InRange(worst, 0, bound);
    }

    /// <summary>
    /// torch.optim.Muon with bf16 parameters and nesterov = False: after one step the stored buffer is the routine's normalized
    /// input (‖buf‖ = 1 up to the bf16 rounding of each entry and of the norm: within 2⁻⁷), where the correct twin keeps
    /// (1 − β)·g. The first step's parameters are bitwise the same (the routine sees the same values); at step 2 the twins
    /// differ by a large part of the update (measured 0.65 and 0.59 of it) and by several times the correct twin's own
    /// distance from the float64 reference, its realized round-off (measured 4.1× and 6.8×; that round-off is mostly the
    /// bf16 quintic's, ≈ 15 % of an update, so an orthogonalized step cannot differ by much more). Gradients N(0, 0.2²), ‖g‖ ≈ 1.
    /// </summary>
    [Fact]
    public void The_aliased_twin_stores_a_normalized_buffer_and_drifts_from_step_two()
    {
        var h = new OptimizerHyper(0.02, 0.95, false, 0.1);
        var correct = RealisticMuon.TorchBf16(h);
        var aliased = RealisticMuon.TorchBf16(h, aliased: true);
        var reference = new MuonOptimizer(h.ToOptions(), NewtonSchulz.KellerQuintic(), ShapeScale.SqrtMax1RowsOverCols);
        var p0 = Start(correct.Round, 31);
        var gradients = Gradients(32, 0.2);
        var (good, goodStates) = Run(correct, p0, gradients, 2);
        var (bad, badStates) = Run(aliased, p0, gradients, 2);
        var (exact, _) = Run(reference, p0, gradients, 2);
        foreach (var (name, g) in gradients[0])
        {
            double expected = (1 - h.Momentum) * g.FrobeniusNorm(), kept = goodStates[1].Momentum![name].FrobeniusNorm(), normalized = badStates[1].Momentum![name].FrobeniusNorm();
            Assert.InRange(kept / expected, 1 - 1.0 / 128, 1 + 1.0 / 128);
            Assert.InRange(normalized, 1 - 1.0 / 128, 1 + 1.0 / 128);
            Assert.True(good[1][name].Equals(bad[1][name]), $"{name}: step 1 differs");
            double gap = (good[2][name] - bad[2][name]).FrobeniusNorm();
            double roundOff = (good[2][name] - exact[2][name]).FrobeniusNorm();
            double update = (good[2][name] - good[1][name]).FrobeniusNorm();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: ‖buf₁‖ correct {kept:G4} ((1 − β)‖g₁‖ = {expected:G4}), aliased {normalized:G4}; ‖P₂ aliased − P₂ correct‖ = {gap:G3} = {gap / update:G3} × the step-2 update, {gap / roundOff:G3} × the correct twin's distance from float64 ({roundOff:G3})"));
            Assert.True(gap > 3 * roundOff && gap > 0.3 * update, $"{name}: gap {gap:G3} is within 3× the round-off {roundOff:G3} or under 0.3 of the update {update:G3}");
        }
    }

    /// <summary>The defect needs bf16 parameters and no Nesterov: elsewhere the flag changes no bit of the trajectory.</summary>
    [Theory]
    [InlineData("torch-bf16", true)]
    [InlineData("keller", false)]
    [InlineData("keller", true)]
    [InlineData("float32", false)]
    public void The_aliasing_flag_is_inert_with_nesterov_or_float32_parameters(string kind, bool nesterov)
    {
        var correct = Peer(kind, new OptimizerHyper(0.02, 0.95, nesterov, 0.1));
        var aliased = correct with { AliasedBuffer = true };
        Assert.False(aliased.Aliases);
        var p0 = Start(correct.Round, 41);
        var gradients = Gradients(42);
        var (a, aStates) = Run(correct, p0, gradients, 3);
        var (b, bStates) = Run(aliased, p0, gradients, 3);
        for (int t = 1; t <= 3; t++)
            foreach (var (name, _) in p0)
            {
                Assert.True(a[t][name].Equals(b[t][name]), $"{name}, step {t}: parameters differ");
                Assert.True(aStates[t].Momentum![name].Equals(bStates[t].Momentum![name]), $"{name}, step {t}: buffers differ");
            }
    }

    [Fact]
    public void Served_peers_declare_the_conventions_they_implement()
    {
        var served = RealisticMuon.Served(h => RealisticMuon.TorchBf16(h, aliased: true));
        Assert.Equal(("ema", "sqrt-max-1-rows-over-cols", "decoupled"), (served.Momentum, served.Scale, served.WeightDecay));
        var optimizer = Assert.IsType<RealisticMuon>(served.Create(new OptimizerHyper(0.01, 0.9, false, 0), ExactPolar.Default));
        Assert.True(optimizer.Aliases);
        Assert.IsType<RealisticPeer>(optimizer.Orthogonalizer); // its own routine, not the served one
    }

    private static ParameterSet Start(Func<float, float> round, ulong seed)
    {
        var rng = new Rng(seed);
        return ParameterSet.Of([.. Shapes.Select(s => ($"W{s.Rows}x{s.Cols}", MatrixFunctions.Gaussian(s.Rows, s.Cols, 0.2, rng).Map(v => (double)round((float)v))))]);
    }

    private static ParameterSet[] Gradients(ulong seed, double std = 1)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, 3).Select(_ => ParameterSet.Of([.. Shapes.Select(s => ($"W{s.Rows}x{s.Cols}", MatrixFunctions.Gaussian(s.Rows, s.Cols, std, rng)))]))];
    }

    /// <summary>Parameters P₀…P_steps and states S₀…S_steps.</summary>
    private static (ParameterSet[] Parameters, OptimizerState[] States) Run(IOptimizer optimizer, ParameterSet p0, ParameterSet[] gradients, int steps)
    {
        var ps = new ParameterSet[steps + 1];
        var ss = new OptimizerState[steps + 1];
        ps[0] = p0;
        ss[0] = optimizer.Start(p0);
        for (int t = 0; t < steps; t++)
        {
            var step = optimizer.Step(ps[t], gradients[t], ss[t]);
            (ps[t + 1], ss[t + 1]) = (step.Parameters, step.State);
        }
        return (ps, ss);
    }
}
