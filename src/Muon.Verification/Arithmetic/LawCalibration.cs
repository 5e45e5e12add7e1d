using MathNet.Numerics.LinearAlgebra;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// Calibrated law tolerances for a subject that computes in a low-precision arithmetic (bfloat16, float16), where the
/// first-order round-off bounds of <see cref="Laws.Tolerances"/> exceed the quantities they bound. On every case the
/// oracle evaluates its own emulation of the declared orthogonalizer in the same arithmetic
/// (<see cref="EmulatedOrthogonalizer"/>) on the inputs the law gives the subject, and measures its forward error
/// eᵢ = ‖Emu(Xᵢ) − O(Xᵢ)‖_F against the declared map in float64. Every law compares two outputs of the same map (or one
/// output with the map itself), so by the triangle inequality a subject whose forward errors are those of the emulation
/// violates the law by at most Σᵢ eᵢ — the round-off scale <see cref="RoundOffScale"/>; the emulation's own violation is
/// never larger, and can be exactly 0 (O(−G) = −O(G) holds bit for bit in any rounding to nearest), which is why the
/// scale is its forward error and not its violation. The tolerance is <see cref="Factor"/> × that scale: the factor is
/// how much larger a correct implementation's round-off may be than the emulation's, calibrated on independent correct
/// peers (docs/conformance.md, "Calibration"; measured by <c>LowPrecisionCalibrationTests</c>).
/// </summary>
public sealed class LawCalibration
{
    /// <summary>
    /// The calibrated factor. Statistic: the ratio of a correct low-precision peer's law violation to the emulation's
    /// round-off scale on the same inputs. Over 640 000 cases (five independent correct peers: bfloat16 Keller quintic with
    /// eps 1e-7, eps 0, and muon.py's evaluation order with float32 coefficients; float16 after a float32 normalization;
    /// an exact polar factor cast to bfloat16; 20 000 cases per law) the largest ratio was 1.29 and none exceeded 8: 95 %
    /// upper bound 4.7e-6 on the per-case false-alarm rate. Structural defects reach 10–170 on their law
    /// (docs/conformance.md, "16-bit arithmetic").
    /// </summary>
    public const double DefaultFactor = 8;

    /// <summary>Calibrates the laws of a subject declaring <paramref name="emulation"/>'s orthogonalizer, in its arithmetic, over every
    /// modelling variant of it (<see cref="EmulatedOrthogonalizer.Variants"/>).</summary>
    public LawCalibration(EmulatedOrthogonalizer emulation, double factor = DefaultFactor)
    {
        ArgumentNullException.ThrowIfNull(emulation);
        if (!(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be > 0.");
        Emulation = emulation;
        Emulations = EmulatedOrthogonalizer.Variants(emulation.Declared, emulation.Iteration, emulation.Normalization);
        Factor = factor;
    }

    /// <summary>The oracle's emulation of the declared orthogonalizer (its default variant, which names it in reports).</summary>
    public EmulatedOrthogonalizer Emulation { get; }

    /// <summary>Every variant the round-off scale takes the largest error over.</summary>
    public IReadOnlyList<EmulatedOrthogonalizer> Emulations { get; }

    /// <summary>The factor in use (<see cref="DefaultFactor"/> unless a calibration run sets another).</summary>
    public double Factor { get; }

    /// <summary>Receives every judged case: law id, the subject's violation, the round-off scale (for calibration runs).</summary>
    public Action<string, double, double>? Observer { get; init; }

    /// <summary>
    /// Σᵢ (maxᵥ ‖Emuᵥ(Xᵢ) − O(Xᵢ)‖_F + u·√min(m, n)) over the inputs the law evaluates: the largest forward error of the
    /// emulation's variants (a correct implementation may make any of their choices), plus the rounding of a unit-norm output
    /// of the format's unit roundoff u as a floor (so the scale is never 0). A variant that diverges (non-finite output) is
    /// left out; when every variant diverges, the declared schedule itself does not survive this arithmetic on this input,
    /// and the case cannot be judged: that is an error naming the input, never a NaN or infinite tolerance.
    /// </summary>
    public double RoundOffScale(params Matrix<double>[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        double u = Emulation.Iteration.UnitRoundoff, total = 0;
        foreach (var x in inputs)
        {
            var exact = Emulation.Declared.Orthogonalize(x);
            double worst = double.NaN;
            foreach (var e in Emulations)
            {
                double error = (e.Orthogonalize(x) - exact).FrobeniusNorm();
                if (double.IsFinite(error) && !(error <= worst)) worst = error;
            }
            if (double.IsNaN(worst))
                throw new InvalidOperationException(
                    $"the oracle's emulation of {Emulation.Declared.Name} in {Emulation.Iteration} diverges (non-finite output) on this {x.RowCount}×{x.ColumnCount} input of norm {x.FrobeniusNorm():R}: the declared schedule does not survive its declared arithmetic here, so no calibrated tolerance exists for the case.");
            total += worst + u * Math.Sqrt(Math.Min(x.RowCount, x.ColumnCount));
        }
        return total;
    }

    /// <summary>The tolerance for a violation whose round-off scale is <paramref name="scale"/>, reporting the case to <see cref="Observer"/>.</summary>
    public double Bound(string lawId, double measured, double scale)
    {
        Observer?.Invoke(lawId, measured, scale);
        return Factor * scale;
    }
}
