using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// The oracle's emulation of a Muon step as PyTorch code performs it with parameters and momentum held in a narrower
/// format P (<see cref="Parameters"/>): every elementwise result computed exactly and rounded once to P (PyTorch computes
/// in float32 "opmath" and rounds once; the difference is below float32's unit roundoff), Python scalars taken as float32.
/// Per parameter: the buffer update (EMA <c>buf.lerp_(g, 1 − β)</c> or heavy ball <c>β·buf + g</c>), the Nesterov input, O
/// = the orthogonalizer's output cast to P, decoupled decay <c>p·(1 − ηλ)</c>, then <c>p − η·s·O</c>. It shares no code with
/// any peer it judges.
/// <para>
/// Correct implementations differ in two choices the declaration does not fix (<see cref="Variants"/>): the shape scale
/// folded into the step (<c>p.add_(O, alpha = −η·s)</c>, torch.optim.Muon) or multiplied into O in O's own format first
/// (<c>O *= s</c>, muon.py); and how the buffer and the Nesterov input are evaluated (<see cref="BufferArithmetic"/>).
/// </para>
/// </summary>
public sealed class EmulatedMuon : IOptimizer
{
    private readonly IOrthogonalizer _orthogonalizer;
    private readonly ShapeScale _scale;

    /// <summary>Emulates Muon with <paramref name="options"/> around <paramref name="orthogonalizer"/>, parameters in <paramref name="parameters"/>.</summary>
    /// <param name="options">Step size, momentum convention, β, Nesterov, weight decay.</param>
    /// <param name="orthogonalizer">The orthogonalizer (the implementation's own, or the oracle's emulation of the declared one).</param>
    /// <param name="scale">The shape scale s(rows, cols).</param>
    /// <param name="parameters">P, the format of parameters, gradients and momentum.</param>
    /// <param name="scaleFormat">Null: s folded into the step; else <c>O·s</c> rounded to this format (O's) first.</param>
    /// <param name="buffer">How the buffer and the Nesterov input are evaluated.</param>
    /// <param name="roundParameters">Round the parameters to P (false: only the buffer and the Nesterov input are held in P, the
    /// step itself is float64 — the oracle's reference for a low-precision implementation).</param>
    public EmulatedMuon(OptimizerOptions options, IOrthogonalizer orthogonalizer, ShapeScale scale, FloatFormat parameters, FloatFormat? scaleFormat = null, BufferArithmetic buffer = BufferArithmetic.Exact, bool roundParameters = true)
    {
        RoundsParameters = roundParameters;
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _orthogonalizer = orthogonalizer ?? throw new ArgumentNullException(nameof(orthogonalizer));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _scale = scale;
        ScaleFormat = scaleFormat;
        Buffer = buffer;
    }

    /// <summary>The eight variants: the scale folded or applied in <paramref name="iteration"/>, times the four <see cref="BufferArithmetic"/> forms.</summary>
    public static IReadOnlyList<EmulatedMuon> Variants(OptimizerOptions options, IOrthogonalizer orthogonalizer, ShapeScale scale, FloatFormat parameters, FloatFormat iteration)
        => [.. from folded in new[] { true, false } from buffer in Enum.GetValues<BufferArithmetic>() select new EmulatedMuon(options, orthogonalizer, scale, parameters, folded ? null : iteration, buffer)];

    /// <summary>The orthogonalizer the step uses.</summary>
    public IOrthogonalizer Orthogonalizer => _orthogonalizer;

    /// <summary>This variant around another orthogonalizer.</summary>
    public EmulatedMuon With(IOrthogonalizer orthogonalizer) => new(Options, orthogonalizer, _scale, Parameters, ScaleFormat, Buffer, RoundsParameters);

    /// <summary>The reference for an implementation holding its momentum in <paramref name="parameters"/>: the buffer and the
    /// Nesterov input rounded once to P (<see cref="BufferArithmetic.Exact"/>), the step in float64.</summary>
    public static EmulatedMuon Reference(OptimizerOptions options, IOrthogonalizer orthogonalizer, ShapeScale scale, FloatFormat parameters)
        => new(options, orthogonalizer, scale, parameters, null, BufferArithmetic.Exact, roundParameters: false);

    /// <summary>Whether the parameters (not only the buffer) are rounded to P.</summary>
    public bool RoundsParameters { get; }

    /// <summary>The emulated options.</summary>
    public OptimizerOptions Options { get; }

    /// <summary>P.</summary>
    public FloatFormat Parameters { get; }

    /// <summary>Where <c>O·s</c> is rounded before the step (null: s folded into the step).</summary>
    public FloatFormat? ScaleFormat { get; }

    /// <summary>How the buffer and the Nesterov input are evaluated.</summary>
    public BufferArithmetic Buffer { get; }

    /// <inheritdoc />
    public string Name => $"muon[{_orthogonalizer.Name}] with parameters in {Parameters}" + (ScaleFormat is { } f ? $", O·s in {f}" : "") + (Buffer == BufferArithmetic.Exact ? "" : $", buffer {Buffer}");

    private double R(double x) => Parameters.Round(x);

    private double RP(double x) => RoundsParameters ? Parameters.Round(x) : x;

    private static double F32(double x) => FloatFormat.Float32.Round(x);

    /// <inheritdoc />
    public OptimizerState Start(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return OptimizerState.Initial(Options.Convention == MomentumConvention.None ? null : parameters.ZerosLike());
    }

    /// <inheritdoc />
    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(state);
        parameters.RequireSameLayout(gradients, "gradients");
        double beta = F32(Options.Momentum), eta = Options.StepSize.At(state.T);
        var momentum = state.Momentum;
        var inputs = new List<(string, Matrix<double>)>();
        var buffers = new List<(string, Matrix<double>)>();
        foreach (var (name, g0) in gradients.Select(kv => (kv.Key, kv.Value)))
        {
            var g = g0.Map(R);
            Matrix<double> input = g;
            if (Options.Convention != MomentumConvention.None)
            {
                var m = (momentum ?? throw new InvalidOperationException("the state has no buffer: create it with Start()."))[name].Map(R);
                bool ema = Options.Convention == MomentumConvention.Ema;
                var buf = ema
                    ? m.Map2((a, b) => Mix(a, b, 1 - Options.Momentum, beta), g)
                    : m.Map2((a, b) => Buffer == BufferArithmetic.TwoOps ? R(R(beta * a) + b) : R(Fma(beta, a, b)), g);
                buffers.Add((name, buf));
                input = !Options.Nesterov ? buf
                    : ema ? g.Map2((a, b) => Mix(a, b, Options.Momentum, 1 - Options.Momentum), buf)
                    : g.Map2((a, b) => Buffer == BufferArithmetic.TwoOps ? R(a + R(beta * b)) : R(Fma(beta, b, a)), buf);
            }
            inputs.Add((name, input));
        }
        var inputSet = ParameterSet.Of([.. inputs]);
        var next = parameters.Zip(inputSet, (name, p0, u) =>
        {
            double etaP = Options.StepSizeOf(name, eta), decay = RoundsParameters ? F32(1 - etaP * Options.WeightDecay) : 1 - etaP * Options.WeightDecay;
            var p = p0.Map(RP);
            var decayed = Options.WeightDecay == 0 ? p : p.Map(x => RP(x * decay));
            var o = _orthogonalizer.Orthogonalize(u);
            if (o.RowCount != u.RowCount || o.ColumnCount != u.ColumnCount)
                throw new InvalidOperationException($"orthogonalizer '{_orthogonalizer.Name}' returned {o.RowCount}×{o.ColumnCount} for the {u.RowCount}×{u.ColumnCount} input of '{name}'.");
            double s = _scale.Factor(u.RowCount, u.ColumnCount);
            if (ScaleFormat is { } format)
            {
                double s32 = F32(s), eta32 = F32(etaP);
                var scaled = o.Map(x => format.Round(s32 * x));
                return decayed.Map2((x, v) => RP(x - eta32 * RP(v)), scaled);
            }
            double alpha = RoundsParameters ? F32(etaP * s) : etaP * s;
            return decayed.Map2((x, v) => RP(x - alpha * RP(v)), o);
        });
        return new OptimizerStep(next, new OptimizerState(state.T + 1, momentum is null ? null : ParameterSet.Of([.. buffers])), eta);
    }

    /// <summary>
    /// lerp(a, b, w) = (1 − w)·a + w·b rounded to P, in this variant's arithmetic (<paramref name="keep"/> = 1 − w, the
    /// coefficient of a in the two-op form): ATen's <c>w &lt; ½ ? a + w(b − a) : b − (b − a)(1 − w)</c> exactly, in float32, or
    /// with the last multiply-add fused; or <c>a.mul_(1 − w).add_(b, alpha = w)</c>.
    /// </summary>
    private double Mix(double a, double b, double w, double keep)
    {
        double w32 = F32(w);
        return Buffer switch
        {
            BufferArithmetic.Exact => R(w < 0.5 ? a + w32 * (b - a) : b - (b - a) * F32(1 - w32)),
            BufferArithmetic.Float32 => R(w < 0.5 ? F32(a + F32(w32 * F32(b - a))) : F32(b - F32(F32(b - a) * F32(1 - w32)))),
            BufferArithmetic.Fused => R(w < 0.5 ? F32(Math.FusedMultiplyAdd(w32, F32(b - a), a)) : F32(Math.FusedMultiplyAdd(-F32(b - a), F32(1 - w32), b))),
            _ => R(R(F32(keep) * a) + w32 * b),
        };
    }

    /// <summary>x·y + z in this variant's arithmetic (heavy ball), before the rounding to P.</summary>
    private double Fma(double x, double y, double z) => Buffer switch
    {
        BufferArithmetic.Exact => x * y + z,
        BufferArithmetic.Float32 => F32(F32(x * y) + z),
        _ => F32(Math.FusedMultiplyAdd(x, y, z)),
    };
}
