using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Conformance;

/// <summary>
/// Measures the optimizer conventions an implementation leaves undeclared, with one probe step each: the shape scale
/// (three shapes, compared with ‖O(g)‖_F — needs an orthogonalizer) and the weight-decay form (a zero gradient with λ = 0.1).
/// A session runs it once (<see cref="ConformanceSession.Conventions"/>).
/// </summary>
public static class ConventionsProbe
{
    /// <summary>
    /// <paramref name="declared"/> with undeclared scale and decay filled in by measurement (requests: scale 2 + one
    /// <c>orthogonalize</c> per shape through <paramref name="o"/>; decay 2). A non-fatal failure is recorded in the
    /// source text; a fatal one (the session broke) is thrown. In low precision (<paramref name="arithmetic"/>) the scale
    /// probe starts from zero parameters (so ‖P₁‖ = η·s·‖O(g)‖ up to one rounding), gradients and parameters are P numbers,
    /// the decay probe uses ηλ = 0.25 (decoupled 0.75 against none 1), and a factor matches within
    /// 1e-6 + 1.01·ρ relative (<see cref="Arithmetic.OptimizerCalibration.StepRoundOff"/>) — below the 8 % that separates the
    /// closest two conventions (√(7/6)) in every format the protocol names.
    /// </summary>
    public static OptimizerConventions Measure(ProtocolClient client, IOrthogonalizer? o, OptimizerConventions declared, OptimizerArithmetic? arithmetic = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(declared);
        var low = arithmetic is { LowPrecision: true } ? arithmetic : null;
        double tolerance = OptimizerConformance.Discrimination + (low is null ? 0 : 1.01 * low.Calibration!.StepRoundOff);
        bool Close(double measured, double expected) => Math.Abs(measured - expected) <= tolerance * Math.Abs(expected);
        ShapeScale? scale = null;
        string scaleProbe = "undeclared, not measurable without an orthogonalizer";
        if (declared.ScaleSource != "declared" && o is not null)
        {
            try
            {
                var ratios = ScaleRatios(client, o, [(3, 2), (2, 3), (4, 4)], 0.01, new Rng(0x5CA1E), low);
                scale = Enum.GetValues<ShapeScale>().Cast<ShapeScale?>().FirstOrDefault(s => ratios.All(r => Close(r.Ratio, s!.Value.Factor(r.Rows, r.Cols))));
                scaleProbe = scale is null
                    ? $"undeclared; measured update factors {string.Join(", ", ratios.Select(r => $"{r.Rows}×{r.Cols}: {R(r.Ratio)}"))} match no known convention"
                    : "measured";
            }
            catch (ProtocolException e) when (!e.IsFatal)
            {
                scaleProbe = "undeclared; probe failed: " + e.Detail;
            }
        }
        bool? decoupled = null;
        string decayProbe = "undeclared";
        if (declared.DecaySource != "declared")
        {
            try
            {
                var p0 = MatrixFunctions.Gaussian(3, 3, 1.0, new Rng(0xDECA1));
                double lr = low is null ? 0.05 : 0.5, decay = low is null ? 0.1 : 0.5;
                if (low is not null) p0 = low.InParameters(p0);
                var state = client.OptimizerNew(new OptimizerHyper(lr, 0, false, decay), [p0]);
                var p1 = client.OptimizerStep(state, [Matrix<double>.Build.Dense(3, 3)])[0];
                double ratio = p1.FrobeniusNorm() / p0.FrobeniusNorm();
                decoupled = Close(ratio, 1 - lr * decay) ? true : Close(ratio, 1) ? false : null;
                decayProbe = decoupled is null ? $"undeclared; zero-gradient step scaled p by {R(ratio)} (decoupled would be {R(1 - lr * decay)}, none 1)" : "measured";
            }
            catch (ProtocolException e) when (!e.IsFatal)
            {
                decayProbe = "undeclared; probe failed: " + e.Detail;
            }
        }
        return declared.WithMeasured(scale, scaleProbe, decoupled, decayProbe);
    }

    private static (int Rows, int Cols, double Ratio)[] ScaleRatios(ProtocolClient client, IOrthogonalizer o, (int Rows, int Cols)[] shapes, double lr, Rng rng, OptimizerArithmetic? low)
    {
        var p0 = shapes.Select(s => MatrixFunctions.Gaussian(s.Rows, s.Cols, 1.0, rng)).ToArray();
        var g = shapes.Select(s => MatrixFunctions.Gaussian(s.Rows, s.Cols, 1.0, rng)).ToArray();
        if (low is not null)
        {
            p0 = [.. p0.Select(p => Matrix<double>.Build.Dense(p.RowCount, p.ColumnCount))];
            g = [.. g.Select(low.InParameters)];
        }
        var state = client.OptimizerNew(new OptimizerHyper(lr, 0, false, 0), p0);
        var p1 = client.OptimizerStep(state, g);
        return shapes.Select((s, i) => (s.Rows, s.Cols, (p0[i] - p1[i]).FrobeniusNorm() / (lr * o.Orthogonalize(g[i]).FrobeniusNorm()))).ToArray();
    }
}
