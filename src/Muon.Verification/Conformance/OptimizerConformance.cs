using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
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
    public static LevelResult Run(ConformanceSession session, RunSettings settings, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var hello = session.Hello;
        if (!hello.HasOptimizer)
            return LevelResult.NotApplicable("no optimizer capability", PropertyIds, "the implementation does not list the \"optimizer\" capability.");
        if (hello.Declares.Dtype is "float32" or "bfloat16" or "float16")
            return LevelResult.NotApplicable($"dtype {hello.Declares.Dtype}", PropertyIds, $"declared dtype {hello.Declares.Dtype}: the step properties must tell convention errors as small as ηλ ≈ 1e-5 relative from round-off (threshold {R(Discrimination)}); {hello.Declares.Dtype} round-off of the orthogonalized update (≥ 1e-6 relative, up to 1e-2 through a quintic's derivative growth) does not allow that discrimination.");
        OptimizerConventions conventions;
        try
        {
            conventions = session.Conventions();
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            return LevelResult.ProtocolError("probe failed", PropertyIds, e.Message);
        }
        var o = session.ReferenceOrthogonalizer();
        string mode = conventions.Describe() + (o is ProcessOrthogonalizer ? "; reference uses the implementation's own orthogonalize" : o is null ? "; no orthogonalizer to build a reference with" : $"; reference uses the declared {o.Name}");
        var specs = Build(session.Client, hello.Name, o, conventions);
        var plan = PropertyIds.Select(id => new PlannedProperty(id, "", specs[id].Spec, specs[id].NotApplicable));
        return new LevelResult(mode, PropertyLoop.Run(plan, session.Client, settings, progress));
    }

    /// <summary>Whether a measured ratio equals the expected one within <see cref="Discrimination"/> (relative).</summary>
    internal static bool Close(double measured, double expected) => Math.Abs(measured - expected) <= Discrimination * Math.Abs(expected);

    private static Dictionary<string, (PropertySpec? Spec, string? NotApplicable)> Build(ProtocolClient client, string name, IOrthogonalizer? o, OptimizerConventions c)
    {
        double[] decays = [0.0, 0.01, 0.1];
        var specs = new Dictionary<string, (PropertySpec?, string?)>
        {
            ["optimizer/reference-trajectory"] = o is null
                ? (null, "no orthogonalize capability and no declared orthogonalizer: no reference to compare with.")
                : c.Scale is null ? (null, $"shape scale {c.ScaleSource}: the optimizer/shape-scale verdict covers it.")
                : c.DecoupledDecay is null ? (null, $"weight decay {c.DecaySource}: the zero-gradient verdict covers it.")
                : (ReferenceTrajectory(client, o, c, decays), null),
            ["optimizer/zero-gradient-weight-decay"] = (ZeroGradient(client, c), null),
            ["optimizer/shape-scale"] = o is null
                ? (null, "no orthogonalize capability and no declared orthogonalizer: O(g) is unknown.")
                : (ShapeScaleProperty(client, o, c), null),
            ["optimizer/linearity-in-lr"] = (LinearityInLr(client, c, decays), null),
            ["optimizer/parameter-independence"] = (Independence(client, c, decays), null),
            ["optimizer/determinism"] = (Determinism(client, c, decays), null),
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

    private static PropertySpec ReferenceTrajectory(ProtocolClient client, IOrthogonalizer o, OptimizerConventions conv, double[] decays) => new(
        "optimizer/reference-trajectory",
        "After 1–4 steps the parameters equal the reference Muon's under the declared momentum, Nesterov, shape-scale and weight-decay conventions.",
        "MuonOptimizer (p ← p·(1 − ηλ) − η·s·O(input)); defect classes: raw gradient orthogonalized, momentum after orthogonalization, Nesterov ignored, parameters skipped",
        $"‖P − P_ref‖_F ≤ {R(Discrimination)}·(‖P₀‖_F + t·η·s·√min(m,n)) per parameter",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(3, 4, conv.Betas, conv.NesterovValues, decays), c =>
        {
            var p0 = c.Parameters();
            var reference = new MuonOptimizer((Hyper(c) with { WeightDecay = conv.DecoupledDecay == true ? c.WeightDecay : 0 }).ToOptions(conv.Convention), o, conv.Scale!.Value);
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
                    double err = (got[i] - set[i].Value).FrobeniusNorm();
                    double bound = Discrimination * Scale(p0[i], c, conv.Scale!.Value.Factor(p0[i].RowCount, p0[i].ColumnCount));
                    if (!(err <= bound))
                        throw new SpecViolation(Violation.AtMost("‖P − P_ref‖_F", err, bound) with
                        {
                            Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount}) after step {t + 1}; P = {R(got[i])}, P_ref = {R(set[i].Value)}",
                        });
                }
            }
        }));

    private static PropertySpec ZeroGradient(ProtocolClient client, OptimizerConventions conv) => new(
        "optimizer/zero-gradient-weight-decay",
        "A zero gradient from a fresh state gives p·(1 − η·λ) (decoupled weight decay; p when declared none) — finite, no NaN.",
        "decoupled weight decay before the update; O(0) = 0; defect classes: decay not applied, decay with the wrong learning rate, NaN on a zero gradient",
        "‖P₁ − P₀(1 − ηλ)‖_F ≤ 1e-12·‖P₀‖_F (one float64 multiply per entry)",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(3, 1, conv.Betas, conv.NesterovValues, [0.01, 0.1]), c =>
        {
            var p0 = c.Parameters();
            var got = Run(client, c, p0, grads: _ => c.Shapes.Select(s => Matrix<double>.Build.Dense(s.Rows, s.Cols)).ToArray());
            double factor = conv.DecoupledDecay == false ? 1 : 1 - c.Lr * c.WeightDecay;
            for (int i = 0; i < p0.Count; i++)
            {
                double err = (got[i] - factor * p0[i]).FrobeniusNorm();
                double bound = 1e-12 * p0[i].FrobeniusNorm();
                if (!(err <= bound)) // 1e-12·‖P₀‖_F: float64 slack of one multiply per entry, a round-off bound on the scale ‖P₀‖_F
                    throw new SpecViolation(Violation.AtMost($"‖P₁ − P₀·{R(factor)}‖_F", err, bound, roundOff: true, p0[i].FrobeniusNorm()) with
                    {
                        Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount}); measured ‖P₁‖/‖P₀‖ = {R(got[i].FrobeniusNorm() / p0[i].FrobeniusNorm())}; weight decay {conv.DecaySource}",
                    });
            }
        }));

    private static PropertySpec ShapeScaleProperty(ProtocolClient client, IOrthogonalizer o, OptimizerConventions conv) => new(
        "optimizer/shape-scale",
        $"One momentum-free step moves a rows×cols parameter by η·s(rows, cols)·‖O(g)‖_F with the {(conv.Scale is { } s ? OptimizerConventions.ScaleName(s) : "declared")} shape scale (rows = out, cols = in).",
        "shape-scale conventions (implementations survey); defect classes: missing, inverted or wrong-axis scale",
        $"relative error of the measured factor ≤ {R(Discrimination)}",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(1, 1, [0.0], [false], [0.0]), c =>
        {
            var (rows, cols) = c.Shapes[0];
            var p0 = c.Parameters();
            var g = c.Gradients(0);
            var p1 = Run(client, c, p0);
            double ratio = (p0[0] - p1[0]).FrobeniusNorm() / (c.Lr * o.Orthogonalize(g[0]).FrobeniusNorm());
            var fits = Enum.GetValues<ShapeScale>().Where(s => Close(ratio, s.Factor(rows, cols))).Select(OptimizerConventions.ScaleName).ToArray();
            if (conv.Scale is not { } declared)
                throw new SpecViolation($"measured factor = {R(ratio)}, bound one of the known conventions; {conv.ScaleSource} (shape {rows}×{cols})");
            double expected = declared.Factor(rows, cols);
            if (!Close(ratio, expected))
                throw new SpecViolation(Violation.Near("measured factor", ratio, expected, Discrimination) with
                {
                    Context = $"{OptimizerConventions.ScaleName(declared)}, {conv.ScaleSource}; shape {rows}×{cols}; fits: {(fits.Length == 0 ? "no known convention" : string.Join(", ", fits))}",
                });
        }));

    private static PropertySpec LinearityInLr(ProtocolClient client, OptimizerConventions conv, double[] decays) => new(
        "optimizer/linearity-in-lr",
        "One step from a fresh state is linear in the learning rate: (P₀ − P₁)/η does not depend on η.",
        "p ← p·(1 − ηλ) − η·s·O(input): (p − p')/η = λp + s·O(input)",
        $"‖Δ(η)/η − Δ(3.7η)/(3.7η)‖_F ≤ {R(Discrimination)}·‖Δ(η)/η‖_F",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(2, 1, conv.Betas, conv.NesterovValues, decays), c =>
        {
            var p0 = c.Parameters();
            var a = Run(client, c, p0);
            var b = Run(client, c, p0, lr: 3.7 * c.Lr);
            for (int i = 0; i < p0.Count; i++)
            {
                var da = (p0[i] - a[i]) / c.Lr;
                var db = (p0[i] - b[i]) / (3.7 * c.Lr);
                double err = (da - db).FrobeniusNorm(), bound = Discrimination * da.FrobeniusNorm();
                if (!(err <= bound))
                    throw new SpecViolation(Violation.AtMost("‖Δ(η)/η − Δ(3.7η)/(3.7η)‖_F", err, bound) with { Detail = $"parameter {i} ({p0[i].RowCount}×{p0[i].ColumnCount})" });
            }
        }));

    private static PropertySpec Independence(ProtocolClient client, OptimizerConventions conv, double[] decays) => new(
        "optimizer/parameter-independence",
        "Each parameter's trajectory is the same whether it is optimized alone or together with others (no parameter skipped, no cross-talk).",
        "Muon acts per matrix; defect classes: parameters silently skipped, state shared between parameters",
        $"‖P_together − P_alone‖_F ≤ {R(Discrimination)}·(‖P₀‖_F + t·η·√max(m,n))",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(3, 3, conv.Betas, conv.NesterovValues, decays, minParams: 2, repeatShapes: true), c =>
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

    private static PropertySpec Determinism(ProtocolClient client, OptimizerConventions conv, double[] decays) => new(
        "optimizer/determinism",
        "Two fresh optimizers given the same parameters and gradients return the same parameters.",
        "reproducibility (a pure function of its inputs)",
        "‖P_a − P_b‖_F ≤ 1e-12·‖P_a‖_F (bitwise equality expected; the slack admits reduction-order jitter)",
        StandardCases,
        () => Prop.ForAll(OptimizerCases.Arbitrary(2, 3, conv.Betas, conv.NesterovValues, decays), c =>
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
