using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// Calibrated optimizer-step tolerances for an implementation whose parameters and momentum (format P) or whose iteration
/// (format I) are narrower than float64. The implementation is compared with the reference Muon around its own
/// <c>orthogonalize</c>, its momentum buffer held in P and its step in float64 (<see cref="EmulatedMuon.Reference"/>: the
/// orthogonalizer then sees the input a P-buffer implementation gives it, not a float64 buffer it cannot hold). The round-off
/// scale comes from the oracle alone: for each variant e of the oracle's emulation of the declared orthogonalizer in I
/// (<see cref="EmulatedOrthogonalizer.Variants"/>; the declared map itself in float64), that reference around e against the
/// emulated step in P around e (<see cref="EmulatedMuon"/>, every variant).
/// Both sides of the scale use the same orthogonalizer, so it holds the optimizer's arithmetic and the declared
/// iteration's sensitivity to it — not the distance of a low-precision iteration from a float64 one, and nothing the
/// implementation controls (an <c>orthogonalize</c> noisier than its declared arithmetic is caught, not absorbed).
/// Scale of parameter i after step t: sᵢ,ₜ = max_{e,v} (‖P_{e,v} − P_{ref,e}‖_F + a_{e,v}) + (t + 1)·u_P·‖P_{ref,e}‖_F (one
/// rounding to P per step as a floor), where a_{e,v} = Σ_τ η·s·(‖e(y) − O(y)‖_F + ‖e(y′) − O(y′)‖_F) over the steps τ ≤ t at
/// which the variant's orthogonalizer input y and the reference's y′ differ after their first cast: there a low-precision
/// iteration's two outputs carry independent rounding noise of the size of its forward error against the declared map O
/// (a calibrated term motivated by the triangle inequality, not a bound — the emulation's forward error stands in for the
/// implementation's; a one-unit difference of one input entry moves a bf16 quintic's output by a few percent, and
/// which realization an implementation gets is not the emulation's — without this term correct bf16 peers reached
/// ratios 9–15). Tolerance <see cref="Factor"/> × s (docs/conformance.md, "Low-precision optimizers"; evidence
/// from <c>OptimizerCalibrationTests</c>).
/// </summary>
public sealed class OptimizerCalibration
{
    /// <summary>
    /// The calibrated factor, the laws' (<see cref="LawCalibration.DefaultFactor"/>). Statistic: a correct peer's
    /// ‖P − P_ref‖_F / s per parameter and step. Over 28 000 cases (139 391 values) of seven independent peers —
    /// torch.optim.Muon with bf16 parameters (declared, measured, conventions measured), with fp16 parameters, and with bf16
    /// parameters over a float32 iteration; muon.py with float32 parameters and O·s in bf16; NVIDIA's float32 Muon — the
    /// largest ratio was 1.20 and no case exceeded 8: 95 % upper bound 1.1e-4 per case. Broken twins reach 20 (the
    /// aliased momentum buffer) to 2.8e4 (docs/conformance.md, "Low-precision optimizers").
    /// </summary>
    public const double DefaultFactor = LawCalibration.DefaultFactor;

    /// <summary>Calibrates an implementation declaring <paramref name="declared"/> with parameters in <paramref name="parameters"/> iterating in <paramref name="iteration"/>.</summary>
    public OptimizerCalibration(ISpectralOrthogonalizer declared, FloatFormat parameters, FloatFormat iteration, FloatFormat? normalization = null, double factor = DefaultFactor)
    {
        Declared = declared ?? throw new ArgumentNullException(nameof(declared));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Iteration = iteration ?? throw new ArgumentNullException(nameof(iteration));
        Normalization = normalization ?? iteration;
        if (!(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be > 0.");
        Factor = factor;
    }

    /// <summary>The orthogonalizer emulated for the scale (the declared one, or a stand-in when none is declared).</summary>
    public ISpectralOrthogonalizer Declared { get; }

    /// <summary>P: parameters, gradients and momentum.</summary>
    public FloatFormat Parameters { get; }

    /// <summary>I: the orthogonalizer's iteration.</summary>
    public FloatFormat Iteration { get; }

    /// <summary>The normalization's format.</summary>
    public FloatFormat Normalization { get; }

    /// <summary>The factor in use.</summary>
    public double Factor { get; }

    /// <summary>Receives every judged value: property id, the subject's error, the round-off scale (calibration runs).</summary>
    public Action<string, double, double>? Observer { get; init; }

    /// <summary>
    /// The relative round-off ρ of one step's update when nothing else differs — the bound of the derived (not calibrated)
    /// checks: O cast to P (u_P, when P is narrower than I), the update rounded to P (u_P), <c>O·s</c> rounded to O's format
    /// (u_I, muon.py), and two float32 scalars (η and s, or η·s: 2u₃₂).
    /// </summary>
    public double StepRoundOff => (Parameters.Precision < Iteration.Precision ? 2 : 1) * Parameters.UnitRoundoff + Iteration.UnitRoundoff + 2 * FloatFormat.Float32.UnitRoundoff;

    /// <summary>
    /// The round-off scale per step (outer) and parameter (inner) of a run of <paramref name="steps"/> steps from
    /// <paramref name="p0"/> (see the class remarks). Every orthogonalizer call is memoized on its input.
    /// </summary>
    public IReadOnlyList<double[]> Scale(OptimizerOptions options, ShapeScale scale, IReadOnlyList<Matrix<double>> p0, Func<int, IReadOnlyList<Matrix<double>>> gradients, int steps)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(p0);
        ArgumentNullException.ThrowIfNull(gradients);
        IReadOnlyList<IOrthogonalizer> emulations = Iteration == FloatFormat.Float64 ? [Declared] : EmulatedOrthogonalizer.Variants(Declared, Iteration, Normalization);
        var map = new Memo(Declared);
        var firstCast = Declared is NewtonSchulz ? Normalization : Iteration; // what EmulatedOrthogonalizer casts its input to first
        var scales = Enumerable.Range(0, steps).Select(_ => new double[p0.Count]).ToArray();
        foreach (var emulation in emulations)
        {
            var o = new Memo(emulation);
            var optimizers = new List<IOptimizer> { EmulatedMuon.Reference(options, new Recorder(o), scale, Parameters) };
            optimizers.AddRange(EmulatedMuon.Variants(options, o, scale, Parameters, Iteration).Select(v => v.With(new Recorder(o))));
            var recorders = optimizers.Select(opt => (Recorder)((EmulatedMuon)opt).Orthogonalizer).ToArray();
            var allowance = optimizers.Select(_ => new double[p0.Count]).ToArray();
            var sets = optimizers.Select(_ => ParameterSet.Of([.. p0.Select((p, i) => ($"p{i}", p))])).ToArray();
            var states = optimizers.Select((opt, k) => opt.Start(sets[k])).ToArray();
            for (int t = 0; t < steps; t++)
            {
                var g = ParameterSet.Of([.. gradients(t).Select((x, i) => ($"p{i}", x))]);
                for (int k = 0; k < optimizers.Count; k++)
                {
                    var step = optimizers[k].Step(sets[k], g, states[k]);
                    (sets[k], states[k]) = (step.Parameters, step.State);
                }
                double eta = options.StepSize.At(t);
                for (int i = 0; i < p0.Count; i++)
                {
                    var reference = sets[0][i].Value;
                    var referenceInput = recorders[0].Inputs[^(p0.Count - i)];
                    double worst = 0;
                    for (int k = 1; k < optimizers.Count; k++)
                    {
                        // Where the iteration's input differs from the reference's after its first cast, the two outputs carry
                        // independent rounding noise of the low-precision iteration: allow each its forward error against the map.
                        var input = recorders[k].Inputs[^(p0.Count - i)];
                        if (!input.Map(firstCast.Round).Equals(referenceInput.Map(firstCast.Round)))
                            allowance[k][i] += options.StepSizeOf($"p{i}", eta) * scale.Factor(input.RowCount, input.ColumnCount)
                                * ((o.Orthogonalize(input) - map.Orthogonalize(input)).FrobeniusNorm() + (o.Orthogonalize(referenceInput) - map.Orthogonalize(referenceInput)).FrobeniusNorm());
                        double e = (sets[k][i].Value - reference).FrobeniusNorm() + allowance[k][i];
                        if (double.IsFinite(e) && e > worst) worst = e;
                    }
                    double floor = (t + 1) * Parameters.UnitRoundoff * reference.FrobeniusNorm();
                    if (double.IsFinite(floor)) scales[t][i] = Math.Max(scales[t][i], worst + floor);
                }
            }
        }
        return scales;
    }

    /// <summary>The tolerance for a subject's error against a round-off scale, reported to <see cref="Observer"/>.</summary>
    public double Tolerance(string property, double error, double scale)
    {
        Observer?.Invoke(property, error, scale);
        return Factor * scale;
    }

    /// <summary>Records every input it is given (in call order: one per parameter per step).</summary>
    private sealed class Recorder(IOrthogonalizer inner) : IOrthogonalizer
    {
        public List<Matrix<double>> Inputs { get; } = [];

        public string Name => inner.Name;

        public Matrix<double> Orthogonalize(Matrix<double> g)
        {
            Inputs.Add(g.Clone());
            return inner.Orthogonalize(g);
        }
    }

    private sealed class Memo(IOrthogonalizer inner) : IOrthogonalizer
    {
        private readonly List<(Matrix<double> Input, Matrix<double> Output)> _seen = [];

        public string Name => inner.Name;

        public Matrix<double> Orthogonalize(Matrix<double> g)
        {
            foreach (var (input, output) in _seen)
                if (input.Equals(g)) return output.Clone();
            var o = inner.Orthogonalize(g);
            _seen.Add((g.Clone(), o.Clone()));
            return o;
        }
    }
}
