using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// Calibrated optimizer-step tolerances for an implementation whose parameters and momentum (format P) or whose iteration
/// (format I) are narrower than float64. On every case the oracle runs the float64 reference Muon and its own emulation of
/// the same step in P (<see cref="EmulatedMuon"/>, every variant) around the <em>same</em> orthogonalizer — the
/// implementation's own <c>orthogonalize</c> when it has one, so the scale holds the optimizer's arithmetic and the
/// orthogonalizer's sensitivity to it, not the orthogonalizer's distance from the float64 one; else the oracle's emulation
/// of the declared orthogonalizer in I, against the declared one in float64. The round-off scale of parameter i after step
/// t is sᵢ,ₜ = maxᵥ ‖P_v − P_ref‖_F + (t + 1)·u_P·‖P_ref‖_F (the floor: one rounding to P per step). A correct
/// implementation differs from the reference by about as much as the emulation does; the tolerance is
/// <see cref="Factor"/> × s (docs/conformance.md, "Low-precision optimizers"; evidence from <c>OptimizerCalibrationTests</c>).
/// </summary>
public sealed class OptimizerCalibration
{
    /// <summary>
    /// The calibrated factor, the laws' (<see cref="LawCalibration.DefaultFactor"/>). Statistic: a correct peer's
    /// ‖P − P_ref‖_F / s per parameter and step. Over 119 764 judged values of four independent peers (torch.optim.Muon with
    /// bfloat16 parameters, declared and measured; muon.py with float32 parameters and O·s in bfloat16; NVIDIA's float32
    /// Muon) the largest ratio was 1.39 and none exceeded 8: 95 % upper bound 2.5e-5 per value. Broken twins reach 20
    /// (the aliased momentum buffer) to 4e4 (docs/conformance.md, "Low-precision optimizers").
    /// </summary>
    public const double DefaultFactor = LawCalibration.DefaultFactor;

    /// <summary>Calibrates an implementation with parameters in <paramref name="parameters"/> iterating in <paramref name="iteration"/>.</summary>
    public OptimizerCalibration(FloatFormat parameters, FloatFormat iteration, FloatFormat? normalization = null, double factor = DefaultFactor)
    {
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Iteration = iteration ?? throw new ArgumentNullException(nameof(iteration));
        Normalization = normalization ?? iteration;
        if (!(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be > 0.");
        Factor = factor;
    }

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
    /// The relative round-off of one step's update when nothing else differs: one rounding to P, one to I (O·s in O's format),
    /// one float32 rounding of a scalar — the bound of the derived (not calibrated) checks, u_P + u_I + u₃₂.
    /// </summary>
    public double StepRoundOff => Parameters.UnitRoundoff + Iteration.UnitRoundoff + FloatFormat.Float32.UnitRoundoff;

    /// <summary>
    /// Runs the reference and every emulation variant over <paramref name="steps"/> steps. <paramref name="orthogonalizer"/>
    /// is the reference's; when it is a declared (spectral) one and I is narrower than float64, the emulations use
    /// <see cref="EmulatedOrthogonalizer.Variants"/> of it instead. Every orthogonalizer call is memoized on its input.
    /// </summary>
    public Trajectory Run(OptimizerOptions options, IOrthogonalizer orthogonalizer, ShapeScale scale, IReadOnlyList<Matrix<double>> p0, Func<int, IReadOnlyList<Matrix<double>>> gradients, int steps)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(orthogonalizer);
        ArgumentNullException.ThrowIfNull(p0);
        ArgumentNullException.ThrowIfNull(gradients);
        var o = new Memo(orthogonalizer);
        IReadOnlyList<IOrthogonalizer> emulated = orthogonalizer is ISpectralOrthogonalizer declared && Iteration != FloatFormat.Float64
            ? EmulatedOrthogonalizer.Variants(declared, Iteration, Normalization)
            : [o];
        var optimizers = new List<IOptimizer> { new MuonOptimizer(options, o, scale) };
        foreach (var e in emulated) optimizers.AddRange(EmulatedMuon.Variants(options, e, scale, Parameters, Iteration));
        var sets = optimizers.Select(_ => ParameterSet.Of([.. p0.Select((p, i) => ($"p{i}", p))])).ToArray();
        var states = optimizers.Select((opt, k) => opt.Start(sets[k])).ToArray();
        var reference = new List<Matrix<double>[]>();
        var scales = new List<double[]>();
        for (int t = 0; t < steps; t++)
        {
            var g = ParameterSet.Of([.. gradients(t).Select((x, i) => ($"p{i}", x))]);
            for (int k = 0; k < optimizers.Count; k++)
            {
                var step = optimizers[k].Step(sets[k], g, states[k]);
                (sets[k], states[k]) = (step.Parameters, step.State);
            }
            var r = Enumerable.Range(0, p0.Count).Select(i => sets[0][i].Value).ToArray();
            int stepNumber = t + 1;
            reference.Add(r);
            scales.Add([.. r.Select((ri, i) =>
            {
                double worst = 0;
                for (int k = 1; k < optimizers.Count; k++)
                {
                    double e = (sets[k][i].Value - ri).FrobeniusNorm();
                    if (double.IsFinite(e) && e > worst) worst = e;
                }
                return worst + stepNumber * Parameters.UnitRoundoff * ri.FrobeniusNorm();
            })]);
        }
        return new Trajectory(reference, scales);
    }

    /// <summary>The tolerance for a subject's error against a round-off scale, reported to <see cref="Observer"/>.</summary>
    public double Tolerance(string property, double error, double scale)
    {
        Observer?.Invoke(property, error, scale);
        return Factor * scale;
    }

    /// <summary>The float64 reference's parameters and the round-off scale, per step (outer) and parameter (inner).</summary>
    public sealed record Trajectory(IReadOnlyList<Matrix<double>[]> Reference, IReadOnlyList<double[]> Scale);

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
