using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using Muon.Verification.Generators;

namespace Muon.Verification.Conformance;

/// <summary>
/// The optimizer-step level of the conformance oracle, over <c>optimizer.new</c> / <c>optimizer.step</c>.
/// The reference is <see cref="MuonOptimizer"/> under the declared (or measured) conventions, built around
/// the implementation's <em>own</em> orthogonalizer (its <c>orthogonalize</c> op) when it has one — so an
/// approximate orthogonalizer is not mistaken for an optimizer defect — or else the declared one.
/// <para>
/// Tolerance (<see cref="Discrimination"/> = 1e-6, relative to the size of the parameters and updates): the
/// implementation and the reference differ only by float64 rounding of a few vector operations (≤ 1e-15
/// relative) amplified by the orthogonalizer's condition number on Gaussian inputs (κ ≤ 1e6 except with
/// probability ≲ 1e-6 per draw), i.e. ≤ 1e-9; every convention error changes the update by a factor of
/// order β, 1 − β, λ·η or a shape ratio ≥ √(7/6), far above 1e-6.
/// </para>
/// <para>
/// When the measured parameters or iteration are narrower than float64 (<see cref="OptimizerArithmetic"/>), the reference
/// holds its momentum buffer in the parameters' format (<see cref="Arithmetic.EmulatedMuon.Reference"/>), the trajectory
/// tolerance is calibrated (<see cref="Arithmetic.OptimizerCalibration"/>) and the other bounds add the step round-off ρ
/// (docs/conformance.md, "Low-precision optimizers").
/// </para>
/// </summary>
public static class OptimizerConformance
{
    /// <summary>Relative discrimination threshold (see the class remarks).</summary>
    public const double Discrimination = 1e-6;

    /// <summary>Cases per property in a standard run (each case is several requests).</summary>
    public const int StandardCases = 25;

    /// <summary>Property ids, in table order.</summary>
    public static IReadOnlyList<string> PropertyIds { get; } =
    [
        "optimizer/reference-trajectory",
        "optimizer/zero-gradient-weight-decay",
        "optimizer/shape-scale",
        "optimizer/linearity-in-lr",
        "optimizer/parameter-independence",
        "optimizer/determinism",
    ];

    /// <summary>Runs the optimizer level against a greeted session; the conventions come from <see cref="ConformanceSession.Conventions"/>.</summary>
    public static LevelResult Run(ConformanceSession session, RunSettings settings, TextWriter? progress = null) => Run(session, settings, progress, null);

    /// <summary>As <see cref="Run(ConformanceSession, RunSettings, TextWriter?)"/>, reporting every calibrated judgement (property, error, round-off scale) to <paramref name="observer"/> (calibration runs).</summary>
    public static LevelResult Run(ConformanceSession session, RunSettings settings, TextWriter? progress, Action<string, double, double>? observer)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var hello = session.Hello;
        if (!hello.HasOptimizer)
            return LevelResult.NotApplicable("no optimizer capability", PropertyIds, "the implementation does not list the \"optimizer\" capability.");
        OptimizerConventions conventions;
        OptimizerArithmetic arithmetic;
        try
        {
            arithmetic = session.Arithmetic();
            conventions = session.Conventions();
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            return LevelResult.ProtocolError("probe failed", PropertyIds, e.Message);
        }
        var o = session.ReferenceOrthogonalizer();
        string mode = conventions.Describe() + (o is ProcessOrthogonalizer ? "; reference uses the implementation's own orthogonalize" : o is null ? "; no orthogonalizer to build a reference with" : $"; reference uses the declared {o.Name}")
            + $"; {arithmetic.Account}"
            + (arithmetic.LowPrecision ? $"; low precision (parameters {arithmetic.Parameters}, iteration {arithmetic.Iteration}): trajectory tolerance calibrated against the oracle's emulation (factor {R(OptimizerCalibration.DefaultFactor)}), the others derived from the step round-off ρ = {R(arithmetic.Calibration!.StepRoundOff)}" : "");
        var specs = Build(session.Client, hello.Name, o, conventions, arithmetic with { Observer = observer });
        var plan = PropertyIds.Select(id => new PlannedProperty(id, "", specs[id].Spec, specs[id].NotApplicable));
        return new LevelResult(mode, PropertyLoop.Run(plan, session.Client, settings, progress));
    }

    /// <summary>Whether a measured ratio equals the expected one within <paramref name="tolerance"/> (relative; default <see cref="Discrimination"/>).</summary>
    internal static bool Close(double measured, double expected, double tolerance = Discrimination) => Math.Abs(measured - expected) <= tolerance * Math.Abs(expected);

    /// <summary>The relative tolerance of a ratio of one step's update: <see cref="Discrimination"/>, plus 1.01·ρ in low precision (<see cref="OptimizerCalibration.StepRoundOff"/>; 1 % for second-order terms).</summary>
    internal static double RelativeTolerance(OptimizerArithmetic a) => Discrimination + (a.LowPrecision ? 1.01 * a.Calibration!.StepRoundOff : 0);

    private static Dictionary<string, (PropertySpec? Spec, string? NotApplicable)> Build(ProtocolClient client, string name, IOrthogonalizer? o, OptimizerConventions c, OptimizerArithmetic a)
    {
        double[] decays = [0.0, 0.01, 0.1];
        var f = a.LowPrecision ? a.Parameters : null;
        var specs = new Dictionary<string, (PropertySpec?, string?)>
        {
            ["optimizer/reference-trajectory"] = o is null
                ? (null, "no orthogonalize capability and no declared orthogonalizer: no reference to compare with.")
                : c.Scale is null ? (null, $"shape scale {c.ScaleSource}: the optimizer/shape-scale verdict covers it.")
                : c.DecoupledDecay is null ? (null, $"weight decay {c.DecaySource}: the zero-gradient verdict covers it.")
                : (ReferenceTrajectory(client, o, c, decays, a), null),
            ["optimizer/zero-gradient-weight-decay"] = (ZeroGradient(client, c, a), null),
            ["optimizer/shape-scale"] = o is null
                ? (null, "no orthogonalize capability and no declared orthogonalizer: O(g) is unknown.")
                : (ShapeScaleProperty(client, o, c, a), null),
            ["optimizer/linearity-in-lr"] = (LinearityInLr(client, c, decays, a), null),
            ["optimizer/parameter-independence"] = (Independence(client, c, decays, a), null),
            ["optimizer/determinism"] = (Determinism(client, c, decays, f), null),
        };
        return specs.ToDictionary(kv => kv.Key, kv => (kv.Value.Item1 is { } s ? s with { Subject = name } : null, kv.Value.Item2));
    }

    private static OptimizerHyper Hyper(OptimizerCase c, double? lr = null) => new(lr ?? c.Lr, c.Beta, c.Nesterov, c.WeightDecay);

    private static IReadOnlyList<Matrix<double>> Run(ProtocolClient client, OptimizerCase c, IReadOnlyList<Matrix<double>> p0, double? lr = null, Func<int, IReadOnlyList<Matrix<double>>>? grads = null)
    {
        var state = client.OptimizerNew(Hyper(c, lr), p0);
        IReadOnlyList<Matrix<double>> p = p0;
        for (int t = 0; t < c.Steps; t++) p = client.OptimizerStep(state, (grads ?? c.Gradients)(t));
        return p;
    }

    /// <summary>The size against which parameter differences are judged: ‖P₀‖_F + t·η·s·√min(m, n) (each orthogonalized update has ‖O‖_F ≤ √min(m, n)).</summary>
    private static double Scale(Matrix<double> p0, OptimizerCase c, double factor)
        => p0.FrobeniusNorm() + c.Steps * c.Lr * factor * Math.Sqrt(Math.Min(p0.RowCount, p0.ColumnCount));

    private static PropertySpec ReferenceTrajectory(ProtocolClient client, IOrthogonalizer o, OptimizerConventions conv, double[] decays, OptimizerArithmetic a) => new(
        "optimizer/reference-trajectory",
        "After 1–4 steps the parameters equal the reference Muon's under the declared momentum, Nesterov, shape-scale and weight-decay conventions.",
        "MuonOptimizer (p ← p·(1 − ηλ) − η·s·O(input)); defect classes: raw gradient orthogonalized, momentum after orthogonalization, Nesterov ignored, parameters skipped, momentum buffer overwritten",
        a.LowPrecision
            ? $"‖P − P_ref‖_F ≤ max({R(Discrimination)}·(‖P₀‖_F + t·η·s·√min(m,n)), {R(OptimizerCalibration.DefaultFactor)}·s_t), s_t the round-off scale of the oracle's emulation in {a.Parameters}/{a.Iteration} (OptimizerCalibration){(a.SixteenBitParameters ? "; P₀ scaled by η so that updates exceed the rounding of P" : "")}"
            : $"‖P − P_ref‖_F ≤ {R(Discrimination)}·(‖P₀‖_F + t·η·s·√min(m,n)) per parameter",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(3, 4, conv.Betas, conv.NesterovValues, decays, format: a.LowPrecision ? a.Parameters : null, parametersScaledByLr: a.SixteenBitParameters), c =>
        {
            var p0 = c.Parameters();
            var options = (Hyper(c) with { WeightDecay = conv.DecoupledDecay == true ? c.WeightDecay : 0 }).ToOptions(conv.Convention);
            var calibration = a.Calibration;
            var scales = calibration?.Scale(options, conv.Scale!.Value, p0, c.Gradients, c.Steps);
            IOptimizer reference = a.LowPrecision ? EmulatedMuon.Reference(options, o, conv.Scale!.Value, a.Parameters) : new MuonOptimizer(options, o, conv.Scale!.Value);
            var set = ParameterSet.Of(p0.Select((p, i) => ($"p{i}", p)).ToArray());
            var state = reference.Start(set);
            var handle = client.OptimizerNew(Hyper(c), p0);
            for (int t = 0; t < c.Steps; t++)
            {
                var g = c.Gradients(t);
                var step = reference.Step(set, ParameterSet.Of(g.Select((x, i) => ($"p{i}", x)).ToArray()), state);
                (set, state) = (step.Parameters, step.State);
                var got = client.OptimizerStep(handle, g);
                for (int i = 0; i < p0.Count; i++)
                {
                    var want = set[i].Value;
                    double err = (got[i] - want).FrobeniusNorm();
                    double floor = Discrimination * Scale(p0[i], c, conv.Scale!.Value.Factor(p0[i].RowCount, p0[i].ColumnCount));
                    double bound = scales is null ? floor : Math.Max(floor, calibration!.Tolerance("optimizer/reference-trajectory", err, scales[t][i]));
                    if (!(err <= bound))
                        throw new SpecViolation(Violation.AtMost("‖P − P_ref‖_F", err, bound) with
                        {
                            Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount}) after step {t + 1}; P = {R(got[i])}, P_ref = {R(want)}"
                                + (scales is null ? "" : $"; round-off scale of the oracle's emulation ({a.Declared.Name} in {a.Iteration}, parameters in {a.Parameters}) {R(scales[t][i])}, ratio {R(err / scales[t][i])}"),
                        });
                }
            }
        }));

    private static PropertySpec ZeroGradient(ProtocolClient client, OptimizerConventions conv, OptimizerArithmetic a) => new(
        "optimizer/zero-gradient-weight-decay",
        "A zero gradient from a fresh state gives p·(1 − η·λ) (decoupled weight decay; p when declared none) — finite, no NaN.",
        "decoupled weight decay before the update; O(0) = 0; defect classes: decay not applied, decay with the wrong learning rate, NaN on a zero gradient",
        a.LowPrecision
            ? $"‖P₁ − P₀(1 − ηλ)‖_F ≤ (1e-12 + 1.01·(u_P + u₃₂))·‖P₀‖_F = {R(1e-12 + 1.01 * (a.Parameters.UnitRoundoff + FloatFormat.Float32.UnitRoundoff))}·‖P₀‖_F (P₀ in {a.Parameters}: one rounding of the product, one of the float32 scalar){(a.SixteenBitParameters ? "; η ∈ [0.05, 0.5], λ ∈ {0.1, 0.5} so that ηλ ≥ 5e-3 exceeds u_P" : "")}"
            : "‖P₁ − P₀(1 − ηλ)‖_F ≤ 1e-12·‖P₀‖_F (one float64 multiply per entry)",
        StandardCases,
        () => Prop.ForAll(a.SixteenBitParameters
            ? OptimizerCases.Arbitrary(3, 1, conv.Betas, conv.NesterovValues, [0.1, 0.5], format: a.Parameters, lrRange: (0.05, 0.5))
            : OptimizerCases.Arbitrary(3, 1, conv.Betas, conv.NesterovValues, [0.01, 0.1], format: a.LowPrecision ? a.Parameters : null), c =>
        {
            var p0 = c.Parameters();
            var got = Run(client, c, p0, grads: _ => c.Shapes.Select(s => Matrix<double>.Build.Dense(s.Rows, s.Cols)).ToArray());
            double factor = conv.DecoupledDecay == false ? 1 : 1 - c.Lr * c.WeightDecay;
            for (int i = 0; i < p0.Count; i++)
            {
                double err = (got[i] - factor * p0[i]).FrobeniusNorm();
                // 1e-12·‖P₀‖_F: float64 slack of one multiply per entry; in low precision one rounding to P of p·(1 − ηλ) (≤ u_P
                // relative, as 1 − ηλ ≤ 1) and of the float32 scalar 1 − ηλ (≤ u₃₂), with 1 % for second-order terms: round-off bounds on the scale ‖P₀‖_F.
                double bound = (1e-12 + (a.LowPrecision ? 1.01 * (a.Parameters.UnitRoundoff + FloatFormat.Float32.UnitRoundoff) : 0)) * p0[i].FrobeniusNorm();
                if (!(err <= bound))
                    throw new SpecViolation(Violation.AtMost($"‖P₁ − P₀·{R(factor)}‖_F", err, bound, roundOff: true, p0[i].FrobeniusNorm()) with
                    {
                        Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount}); measured ‖P₁‖/‖P₀‖ = {R(got[i].FrobeniusNorm() / p0[i].FrobeniusNorm())}; weight decay {conv.DecaySource}",
                    });
            }
        }));

    private static PropertySpec ShapeScaleProperty(ProtocolClient client, IOrthogonalizer o, OptimizerConventions conv, OptimizerArithmetic a) => new(
        "optimizer/shape-scale",
        $"One momentum-free step moves a rows×cols parameter by η·s(rows, cols)·‖O(g)‖_F with the {(conv.Scale is { } s ? OptimizerConventions.ScaleName(s) : "declared")} shape scale (rows = out, cols = in).",
        "shape-scale conventions (implementations survey); defect classes: missing, inverted or wrong-axis scale",
        a.LowPrecision
            ? $"relative error of the measured factor ≤ {R(Discrimination)} + 1.01·ρ = {R(RelativeTolerance(a))} (P₀ = 0, g in {a.Parameters}: P₁ = −η·s·O(g) up to the step round-off ρ: O cast to P, the update rounded to P, O·s in O's format, two float32 scalars)"
            : $"relative error of the measured factor ≤ {R(Discrimination)}",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(1, 1, [0.0], [false], [0.0], format: a.LowPrecision ? a.Parameters : null), c =>
        {
            var (rows, cols) = c.Shapes[0];
            IReadOnlyList<Matrix<double>> p0 = a.LowPrecision ? [Matrix<double>.Build.Dense(rows, cols)] : c.Parameters();
            var g = c.Gradients(0);
            var p1 = Run(client, c, p0);
            double ratio = (p0[0] - p1[0]).FrobeniusNorm() / (c.Lr * o.Orthogonalize(g[0]).FrobeniusNorm());
            double tolerance = RelativeTolerance(a);
            var fits = Enum.GetValues<ShapeScale>().Where(s => Close(ratio, s.Factor(rows, cols), tolerance)).Select(OptimizerConventions.ScaleName).ToArray();
            if (conv.Scale is not { } declared)
                throw new SpecViolation($"measured factor = {R(ratio)}, bound one of the known conventions; {conv.ScaleSource} (shape {rows}×{cols})");
            double expected = declared.Factor(rows, cols);
            if (!Close(ratio, expected, tolerance))
                throw new SpecViolation(Violation.Near("measured factor", ratio, expected, tolerance) with
                {
                    Context = $"{OptimizerConventions.ScaleName(declared)}, {conv.ScaleSource}; shape {rows}×{cols}; fits: {(fits.Length == 0 ? "no known convention" : string.Join(", ", fits))}",
                });
        }));

    private static PropertySpec LinearityInLr(ProtocolClient client, OptimizerConventions conv, double[] decays, OptimizerArithmetic a) => new(
        "optimizer/linearity-in-lr",
        "One step from a fresh state is linear in the learning rate: (P₀ − P₁)/η does not depend on η.",
        "p ← p·(1 − ηλ) − η·s·O(input): (p − p')/η = λp + s·O(input)",
        a.LowPrecision
            ? $"‖Δ(η)/η − Δ(3.7η)/(3.7η)‖_F ≤ {R(Discrimination)}·‖Δ(η)/η‖_F + 1.01·ρ·(‖Δ(η)/η‖_F + ‖Δ(3.7η)/(3.7η)‖_F) (P₀ = 0 in low precision: each Δ/η is s·O(input) up to the step round-off ρ; decay is judged by the zero-gradient property)"
            : $"‖Δ(η)/η − Δ(3.7η)/(3.7η)‖_F ≤ {R(Discrimination)}·‖Δ(η)/η‖_F",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(2, 1, conv.Betas, conv.NesterovValues, decays, format: a.LowPrecision ? a.Parameters : null), c =>
        {
            IReadOnlyList<Matrix<double>> p0 = a.LowPrecision ? c.Shapes.Select(s => Matrix<double>.Build.Dense(s.Rows, s.Cols)).ToArray() : c.Parameters();
            var first = Run(client, c, p0);
            var second = Run(client, c, p0, lr: 3.7 * c.Lr);
            for (int i = 0; i < p0.Count; i++)
            {
                var da = (p0[i] - first[i]) / c.Lr;
                var db = (p0[i] - second[i]) / (3.7 * c.Lr);
                double err = (da - db).FrobeniusNorm(), bound = Discrimination * da.FrobeniusNorm()
                    + (a.LowPrecision ? 1.01 * a.Calibration!.StepRoundOff * (da.FrobeniusNorm() + db.FrobeniusNorm()) : 0);
                if (!(err <= bound))
                    throw new SpecViolation(Violation.AtMost("‖Δ(η)/η − Δ(3.7η)/(3.7η)‖_F", err, bound) with { Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount})" });
            }
        }));

    private static PropertySpec Independence(ProtocolClient client, OptimizerConventions conv, double[] decays, OptimizerArithmetic a) => new(
        "optimizer/parameter-independence",
        "Each parameter's trajectory is the same whether it is optimized alone or together with others (no parameter skipped, no cross-talk).",
        "Muon acts per matrix; defect classes: parameters silently skipped, state shared between parameters",
        $"‖P_together − P_alone‖_F ≤ {R(Discrimination)}·(‖P₀‖_F + t·η·√max(m,n))" + (a.LowPrecision ? $" in every arithmetic (the same per-parameter operations give the same bits; every correct low-precision peer measured exactly 0)" : "") + (a.SixteenBitParameters ? "; P₀ scaled by η so that updates exceed the rounding of P" : ""),
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(3, 3, conv.Betas, conv.NesterovValues, decays, minParams: 2, repeatShapes: true, format: a.LowPrecision ? a.Parameters : null, parametersScaledByLr: a.SixteenBitParameters), c =>
        {
            var p0 = c.Parameters();
            var together = Run(client, c, p0);
            for (int i = 0; i < p0.Count; i++)
            {
                int k = i;
                var single = c with { Shapes = [c.Shapes[k]] };
                var alone = Run(client, single, [p0[k]], grads: t => [c.Gradients(t)[k]])[0];
                double err = (together[k] - alone).FrobeniusNorm();
                double bound = Discrimination * (p0[k].FrobeniusNorm() + c.Steps * c.Lr * Math.Sqrt(Math.Max(p0[k].RowCount, p0[k].ColumnCount)));
                if (!(err <= bound))
                    throw new SpecViolation(Violation.AtMost("‖P_together − P_alone‖_F", err, bound) with
                    {
                        Detail = $"parameter {k} of {p0.Count} ({p0[k].RowCount}×{p0[k].ColumnCount}); moved together {R((together[k] - p0[k]).FrobeniusNorm())}, alone {R((alone - p0[k]).FrobeniusNorm())}",
                    });
            }
        }));

    private static PropertySpec Determinism(ProtocolClient client, OptimizerConventions conv, double[] decays, FloatFormat? format) => new(
        "optimizer/determinism",
        "Two fresh optimizers given the same parameters and gradients return the same parameters.",
        "reproducibility (a pure function of its inputs)",
        "‖P_a − P_b‖_F ≤ 1e-12·‖P_a‖_F (bitwise equality expected; the slack admits reduction-order jitter)",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(2, 3, conv.Betas, conv.NesterovValues, decays, format: format), c =>
        {
            var p0 = c.Parameters();
            var a = Run(client, c, p0);
            var b = Run(client, c, p0);
            for (int i = 0; i < p0.Count; i++)
            {
                double err = (a[i] - b[i]).FrobeniusNorm(), bound = 1e-12 * a[i].FrobeniusNorm();
                if (!(err <= bound)) // 1e-12·‖P_a‖_F: float64 reduction-order slack, a round-off bound on the scale ‖P_a‖_F
                    throw new SpecViolation(Violation.AtMost("‖P_a − P_b‖_F", err, bound, roundOff: true, a[i].FrobeniusNorm()) with { Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount})" });
            }
        }));
}
