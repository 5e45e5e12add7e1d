using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Conformance;

/// <summary>
/// The arithmetic an optimizer computes in, as <em>measured</em>: its parameters and momentum (P: the format of the parameters
/// it returns) and its orthogonalizer's output (I: the format of what <c>orthogonalize</c> returns), each falling back to the
/// declaration (<c>param_dtype</c>, <c>dtype</c>) only when it cannot be measured; a declaration the outputs contradict is a
/// FINDING, and the verdict follows the behaviour, never the declaration. When either is narrower than float64 the
/// optimizer-step properties are judged with calibrated or derived low-precision tolerances (<see cref="Calibration"/>).
/// </summary>
/// <param name="Parameters">P.</param>
/// <param name="Iteration">I.</param>
/// <param name="Normalization">The normalization's format (declared; I when not).</param>
/// <param name="Declared">The orthogonalizer the calibration emulates: the declared one, or Keller's quintic as a stand-in.</param>
/// <param name="Account">How P and I were established (declared, measured, findings), for the report's mode line.</param>
public sealed record OptimizerArithmetic(FloatFormat Parameters, FloatFormat Iteration, FloatFormat Normalization, ISpectralOrthogonalizer Declared, string Account)
{
    /// <summary>Parameters per probe step and their shape: 2 × 8×7 = 112 entries, above <see cref="PrecisionObservation.MinimumEntries"/>.</summary>
    private const int ProbeParameters = 2, ProbeRows = 8, ProbeCols = 7;

    /// <summary>Whether anything is narrower than float64 (the low-precision tolerances apply).</summary>
    public bool LowPrecision => Parameters != FloatFormat.Float64 || Iteration != FloatFormat.Float64;

    /// <summary>Whether P is a 16-bit format (its unit roundoff exceeds the smallest ηλ of the standard cases).</summary>
    public bool SixteenBitParameters => Parameters.Precision <= FloatFormat.Float16.Precision;

    /// <summary>The calibration in low precision (reporting to <see cref="Observer"/>); null in float64.</summary>
    public OptimizerCalibration? Calibration => LowPrecision ? new OptimizerCalibration(Declared, Parameters, Iteration, Normalization) { Observer = Observer } : null;

    /// <summary>Receives every calibrated judgement (calibration runs); null otherwise.</summary>
    public Action<string, double, double>? Observer { get; init; }

    /// <summary>
    /// Measures P from one probe step (two 8×7 float64 parameters, lr 0.01, no momentum, no decay: the returned entries are
    /// P numbers) and I from one <c>orthogonalize</c> of a 12×10 Gaussian (when offered). Requests: 2 + 1. A non-fatal probe
    /// failure leaves the declaration (or float64) and says so.
    /// </summary>
    public static OptimizerArithmetic Measure(ProtocolClient client, HelloReply hello)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hello);
        var d = hello.Declares;
        var declaredIteration = d.Dtype is null ? null : FloatFormat.Parse(d.Dtype);
        var declaredParameters = d.ParamDtype is null ? null : FloatFormat.Parse(d.ParamDtype);
        var declared = d.Orthogonalizer.ToReference() as ISpectralOrthogonalizer;
        var emulated = declared ?? NewtonSchulz.KellerQuintic();
        string standIn = declared is null ? "; schedule undeclared: the scale emulates Keller's quintic (a stand-in, not validated for other schedules)" : "";
        if (!hello.HasOptimizer || client.Fatal is not null)
        {
            var p = declaredParameters ?? FloatFormat.Float64;
            var i = declaredIteration ?? FloatFormat.Float64;
            return new(p, i, (d.NormalizationDtype is null ? null : FloatFormat.Parse(d.NormalizationDtype)) ?? i, emulated,
                $"param dtype {p}, iteration {i} (not measured: {(client.Fatal is null ? "no optimizer capability" : "the session broke earlier")}){standIn}");
        }
        var parameters = Probe(client, declaredParameters, "param dtype", "parameters returned", (c, rng) =>
        {
            var p0 = Enumerable.Range(0, ProbeParameters).Select(_ => MatrixFunctions.Gaussian(ProbeRows, ProbeCols, 1.0, rng)).ToArray();
            var g = Enumerable.Range(0, ProbeParameters).Select(_ => MatrixFunctions.Gaussian(ProbeRows, ProbeCols, 1.0, rng)).ToArray();
            return c.OptimizerStep(c.OptimizerNew(new OptimizerHyper(0.01, 0, false, 0), p0), g);
        });
        var iteration = hello.CanOrthogonalize
            ? Probe(client, declaredIteration, "iteration", "orthogonalize outputs", (c, rng) => [c.Orthogonalize(MatrixFunctions.Gaussian(12, 10, 1.0, rng))])
            : (Format: declaredIteration ?? FloatFormat.Float64, Account: $"iteration {declaredIteration ?? FloatFormat.Float64} ({(declaredIteration is null ? "undeclared" : "declared")}; no orthogonalize to measure it)");
        return new(parameters.Format, iteration.Format, (d.NormalizationDtype is null ? null : FloatFormat.Parse(d.NormalizationDtype)) ?? iteration.Format, emulated, $"{parameters.Account}; {iteration.Account}{standIn}");
    }

    private static (FloatFormat Format, string Account) Probe(ProtocolClient client, FloatFormat? declared, string what, string outputs, Func<ProtocolClient, Rng, IReadOnlyList<Matrix<double>>> probe)
    {
        var observation = new PrecisionObservation();
        try
        {
            foreach (var x in probe(client, new Rng(0x9A7A3D7E))) observation.Observe(x);
        }
        catch (ProtocolException e) when (!e.IsFatal)
        {
            var fallback = declared ?? FloatFormat.Float64;
            return (fallback, $"{what} {fallback} ({(declared is null ? "undeclared" : "declared")}; probe failed: {e.Detail})");
        }
        if (observation.Measured is not { } measured)
        {
            var fallback = declared ?? FloatFormat.Float64;
            return (fallback, $"{what} {fallback} ({(declared is null ? "undeclared" : "declared")}; not measured: {observation.Entries} nonzero entries)");
        }
        string account = declared is null || declared == measured
            ? $"{what} {measured} (measured, {observation.Entries} entries{(declared is null ? "" : ", as declared")})"
            : $"{what} {measured} (measured, {observation.Entries} entries; FINDING: declared {declared}, but the {outputs} are {measured} numbers — judged as measured)";
        return (measured, account);
    }

    /// <summary>Rounds a matrix to P (identity in float64).</summary>
    public Matrix<double> InParameters(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Parameters == FloatFormat.Float64 ? x : x.Map(Parameters.Round);
    }
}
