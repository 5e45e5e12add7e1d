using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Arithmetic;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Conformance;

/// <summary>
/// The arithmetic an optimizer computes in: its parameters and momentum (P: declared <c>param_dtype</c>, else measured) and
/// its orthogonalizer's iteration (I: declared <c>dtype</c>). When either is narrower than float64 the optimizer-step
/// properties are judged with calibrated or derived low-precision tolerances (<see cref="Calibration"/>).
/// </summary>
/// <param name="Parameters">P.</param>
/// <param name="Iteration">I.</param>
/// <param name="Normalization">The normalization's format.</param>
/// <param name="Account">How P was established (declared, measured, a finding), for the report's mode line.</param>
public sealed record OptimizerArithmetic(FloatFormat Parameters, FloatFormat Iteration, FloatFormat Normalization, string Account)
{
    /// <summary>Parameters per probe step and their shape: 2 × 8×7 = 112 entries, above <see cref="PrecisionObservation.MinimumEntries"/>.</summary>
    private const int ProbeParameters = 2, ProbeRows = 8, ProbeCols = 7;

    /// <summary>Whether anything is narrower than float64 (the low-precision tolerances apply).</summary>
    public bool LowPrecision => Parameters != FloatFormat.Float64 || Iteration != FloatFormat.Float64;

    /// <summary>Whether P is a 16-bit format (its unit roundoff exceeds the smallest ηλ of the standard cases).</summary>
    public bool SixteenBitParameters => Parameters.Precision <= FloatFormat.Float16.Precision;

    /// <summary>The calibration in low precision (reporting to <see cref="Observer"/>); null in float64.</summary>
    public OptimizerCalibration? Calibration => LowPrecision ? new OptimizerCalibration(Parameters, Iteration, Normalization) { Observer = Observer } : null;

    /// <summary>Receives every calibrated judgement (calibration runs); null otherwise.</summary>
    public Action<string, double, double>? Observer { get; init; }

    /// <summary>
    /// I and the normalization's format from the declarations; P from <c>param_dtype</c> when declared, and measured from one
    /// probe step (two 8×7 float64 parameters, lr 0.01, no momentum, no decay: the returned entries are P numbers) whenever
    /// the implementation has the optimizer capability — a declaration the outputs contradict is a FINDING, as for the
    /// orthogonalizer. Requests: 2. A non-fatal probe failure leaves P declared or float64 and says so.
    /// </summary>
    public static OptimizerArithmetic Measure(ProtocolClient client, HelloReply hello)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hello);
        var d = hello.Declares;
        var iteration = FloatFormat.Parse(d.Dtype) ?? FloatFormat.Float64;
        var normalization = FloatFormat.Parse(d.NormalizationDtype) ?? iteration;
        var declared = d.ParamDtype is null ? null : FloatFormat.Parse(d.ParamDtype);
        if (!hello.HasOptimizer || client.Fatal is not null)
            return new(declared ?? FloatFormat.Float64, iteration, normalization,
                $"param dtype {declared ?? FloatFormat.Float64} ({(declared is null ? "undeclared" : "declared")}, not measured: {(client.Fatal is null ? "no optimizer capability" : "the session broke earlier")})");
        var observation = new PrecisionObservation();
        string? failure = null;
        try
        {
            var rng = new Rng(0x9A7A3D7E);
            var p0 = Enumerable.Range(0, ProbeParameters).Select(_ => MatrixFunctions.Gaussian(ProbeRows, ProbeCols, 1.0, rng)).ToArray();
            var g = Enumerable.Range(0, ProbeParameters).Select(_ => MatrixFunctions.Gaussian(ProbeRows, ProbeCols, 1.0, rng)).ToArray();
            var state = client.OptimizerNew(new OptimizerHyper(0.01, 0, false, 0), p0);
            foreach (var x in client.OptimizerStep(state, g)) observation.Observe(x);
        }
        catch (ProtocolException e) when (!e.IsFatal)
        {
            failure = e.Detail;
        }
        var measured = observation.Measured;
        var p = declared ?? measured ?? FloatFormat.Float64;
        string account = failure is not null
            ? $"param dtype {p} ({(declared is null ? "undeclared" : "declared")}; probe failed: {failure})"
            : declared is null
                ? $"param dtype {p} ({observation.Describe(p)})"
                : $"param dtype {p} (declared; {observation.Describe(declared)})";
        return new(p, iteration, normalization, account);
    }

    /// <summary>Rounds a matrix to P (identity in float64).</summary>
    public Matrix<double> InParameters(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Parameters == FloatFormat.Float64 ? x : x.Map(Parameters.Round);
    }
}
