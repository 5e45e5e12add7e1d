using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using Muon.Verification.Statistics;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Specs.SpecSupport;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// B2 — inexact polar (Newton–Schulz) leaves the grid but does not converge (Gonon–Muşat–Boumal 2602.11948;
/// quadratics sheet B2). Setting of B1 (<c>½‖W‖²_F</c>, m, n ∈ [2, 30], W₀ ~ N(0, 1/n), a ∈ logU[0.02, 0.5]) with
/// Muon's direction NS(W) = U φ(Σ/‖W‖_F) Vᵀ. The subject is the optimizer; the declared
/// <see cref="NewtonSchulz"/> supplies φ for the predictions.
/// </summary>
public static class InexactPolarSpecs
{
    /// <summary>Cases per per-draw spec in a standard run.</summary>
    public const int StandardCases = 25;

    /// <summary>Draws per batch of a rate spec (one batch per FsCheck case; deep runs use ten batches).</summary>
    public const int DrawsPerBatch = 100;

    /// <summary>
    /// Coupled recursion <c>sᵢ ← |sᵢ − a·φ(sᵢ/‖s‖₂)|</c> over 30 steps (with a declared eps and cushion c, φ is applied to
    /// sᵢ/(c‖s‖₂ + eps) exactly as the implementation normalizes — <see cref="NewtonSchulz.SpectralMap"/>). δ_{t+1} = Λ_t·δ_t + e_t with the coupled map's
    /// ∞-norm Lipschitz constant Λ_t = 1 + a·maxᵢ|φ'(xᵢ)|(1 + xᵢ√k)/‖s‖₂ (xᵢ = sᵢ/‖s‖₂; the row of the Jacobian of
    /// φ(sᵢ/‖s‖) is φ'(xᵢ)(eᵢ/‖s‖ − xᵢ x/‖s‖)) and e_t = a·NSForward(m, n) + B(‖W_t‖_F + a√k) (declared NS forward
    /// error, <see cref="Tolerances.NewtonSchulzForward"/>, and the update's rounding); the measuring SVD adds B‖W_t‖_F.
    /// </summary>
    public static PropertySpec CoupledRecursion(OptimizerSubject subject, NewtonSchulz declared, double u = Tolerances.U) => new PropertySpec(
        "b2/coupled-recursion",
        $"With Newton–Schulz ({declared.Name}) the singular values follow the coupled recursion sᵢ ← |sᵢ − a·φ(sᵢ/‖s‖₂)|.",
        "quadratics sheet B2 (Gonon–Muşat–Boumal 2602.11948)",
        "δ_t propagated with the coupled map's Lipschitz constant and the declared NS forward error (sheet: 1e-9 over 30 steps)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            const int steps = 30;
            var w0 = c.W0;
            var s = Sigma(w0);
            var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(c.Step)), w0, steps, _ => c.Step, c.ToString(), u);
            var delta = CoupledDelta(declared, c, orbit, s, steps, u);
            for (int t = 0; t <= steps; t++)
            {
                AtMost(MaxAbsDiff(orbit.Sigma[t], Descending(s)), delta[t], $"max|σ(W_t) − coupled recursion| at t = {t}", $"{c}; φ = {declared.Name}", roundOff: true, scale: orbit.Sigma[0][0]);
                s = Step(declared, s, c.Step);
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// Leaves the grid: in ≥ 90% of draws (99% Clopper–Pearson lower bound, <see cref="DrawsPerBatch"/> draws) some
    /// singular value is farther than 1e-6 from the grid ∪ⱼ{|sⱼ(0) − ka|} within 40 steps (sheet: cubic 99.3%,
    /// quintic 100%, exact polar 0%). 1e-6 is five orders above the round-off δ_40 ≲ 1e-11 of B1.
    /// </summary>
    public static PropertySpec LeavesGrid(OptimizerSubject subject) => RateSpec(
        "b2/leaves-grid",
        "Newton–Schulz Muon leaves the grid ∪ⱼ{|sⱼ(0) − ka|} (deviation > 1e-6 within 40 steps) in ≥ 90% of draws.",
        "99% Clopper–Pearson lower bound ≥ 0.9; deviation threshold 1e-6 ≫ δ_40 ≲ 1e-11",
        subject, 40,
        (draws, ctx) => StatAssert.RateAtLeast("leaves the grid", draws.Count(d => d.MaxGridDeviation > 1e-6), draws.Count, 0.9, ctx));

    /// <summary>
    /// Below the floor, as a rate: the loss drops below L_floor (by more than the round-off of
    /// <see cref="GridOrbit.LossError"/>) within 100 steps in a fraction of draws that is neither negligible nor
    /// "always": the 99% Clopper–Pearson interval must lie inside [0.2, 0.9]. Measured on 300 draws: cubic 31% / 57% / 59%
    /// and quintic 24% / 49% / 65% within 40 / 100 / 200 steps — the rate depends on the horizon, which the sheet
    /// (cubic ~62%, quintic ~72%) does not state.
    /// </summary>
    public static PropertySpec BelowFloorRate(OptimizerSubject subject) => RateSpec(
        "b2/below-floor-rate",
        "Newton–Schulz Muon gets below the exact-polar floor ½Σdist(sᵢ(0), aℤ)² within 100 steps in some draws but not in all (rate in [0.2, 0.9]).",
        "99% Clopper–Pearson bounds inside [0.2, 0.9]; 'below' means below L_floor minus the loss round-off bound",
        subject, 100,
        (draws, ctx) =>
        {
            int below = draws.Count(d => d.BelowFloor);
            StatAssert.RateAtLeast("below the floor", below, draws.Count, 0.2, ctx);
            StatAssert.RateAtMost("below the floor", below, draws.Count, 0.9, ctx);
        });

    /// <summary>
    /// No convergence: max(L_t, L_{t+1}) ≥ a²φ_min²/8 − round-off for every t &lt; 60, φ_min = min φ on [1/√k, 1]
    /// (4001-point grid, ×(1 − 1e-3) for the grid). Derivation: x₁ = s₁/‖s‖ ≥ 1/√k; if s₁(t) &lt; aφ_min/2 then
    /// s₁(t+1) ≥ aφ(x₁) − s₁(t) ≥ aφ_min/2; either way one of the two losses has ½(aφ_min/2)².
    /// </summary>
    public static PropertySpec NoConvergence(OptimizerSubject subject, ISpectralOrthogonalizer declared) => new PropertySpec(
        "b2/no-convergence",
        "With a fixed step the loss never converges: max(L_t, L_{t+1}) ≥ a²φ_min²/8 for all t (φ_min = min φ on [1/√k, 1]).",
        "quadratics sheet B2 ('never converges, loss stays ≈ 0.5a²'); bound derived in the XML docs",
        "bound a²φ_min²/8 minus GridOrbit.LossError (round-off); φ_min on a 4001-point grid × (1 − 1e-3)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            const int steps = 60;
            var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(c.Step)), c.W0, steps, _ => c.Step, c.ToString());
            double phiMin = PhiMin(declared, 1 / Math.Sqrt(c.MinDim)) * (1 - 1e-3);
            double bound = c.Step * c.Step * phiMin * phiMin / 8;
            for (int t = 0; t < steps; t++)
                AtLeast(Math.Max(orbit.Loss[t], orbit.Loss[t + 1]), bound - orbit.LossError(t) - orbit.LossError(t + 1),
                    $"max(L_t, L_{{t+1}}) at t = {t} against a²φ_min²/8", $"{c}; φ_min = {R(phiMin)}");
        })) with { Subject = subject.Name };

    /// <summary>
    /// Rank-1 W₀ under the cubic follows the exact-polar orbit: φ(1) = 1 for the cubic (x/‖x‖ = 1 for a single
    /// singular value), so σ₁ ← |σ₁ − a| and the zero singular values stay zero up to round-off. Tolerance: the
    /// coupled-recursion bound δ_t of <see cref="CoupledRecursion"/> on s = (s₁, 0, …, 0) — it includes the growth of
    /// round-off in the null directions, which Newton–Schulz repels from 0 with slope a·φ'(0)/s₁ per step (φ'(0) = 1.5⁵).
    /// </summary>
    public static PropertySpec RankOneFollowsExactOrbit(OptimizerSubject subject, NewtonSchulz declared) => new PropertySpec(
        "b2/rank-one-exact-orbit",
        "From a rank-1 W₀ the cubic Newton–Schulz orbit is the exact-polar orbit s ← |s − a| (φ(1) = 1), other σ stay 0.",
        "quadratics sheet B2 (Gonon–Muşat–Boumal 2602.11948)",
        "δ_t of the coupled recursion (Lipschitz 1 + a·max|φ'(xᵢ)|(1 + xᵢ√k)/‖s‖ per step, NS forward error, rounding)",
        StandardCases,
        () => Prop.ForAll(RankOne(), c =>
        {
            var w0 = c.W0;
            var s = new double[c.MinDim];
            s[0] = Sigma(w0)[0];
            int steps = (int)Math.Floor(s[0] / c.Step) + 4;
            var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(c.Step)), w0, steps, _ => c.Step, c.ToString());
            var delta = CoupledDelta(declared, c, orbit, s, steps);
            for (int t = 0; t <= steps; t++)
            {
                AtMost(Math.Abs(orbit.Sigma[t][0] - s[0]), delta[t], $"|σ₁(W_t) − exact orbit| at t = {t}", $"{c}; s(0) = {R(Sigma(w0)[0])}", roundOff: true, scale: orbit.Sigma[0][0]);
                if (orbit.Sigma[t].Length > 1)
                    AtMost(orbit.Sigma[t][1], delta[t], $"σ₂(W_t) at t = {t}", c.ToString(), roundOff: true, scale: orbit.Sigma[0][0]);
                s[0] = Math.Abs(s[0] - c.Step);
            }
        })) with { Subject = subject.Name };

    /// <summary>The coupled-recursion round-off bound δ_t along the predicted orbit from <paramref name="s0"/> (see <see cref="CoupledRecursion"/>).</summary>
    private static double[] CoupledDelta(NewtonSchulz declared, GridCase c, GridOrbit orbit, IReadOnlyList<double> s0, int steps, double u = Tolerances.U)
    {
        int k = c.MinDim;
        double b = Tolerances.Backward(c.Rows, c.Cols, u), nsForward = Tolerances.NewtonSchulzForward(declared, c.Rows, c.Cols, u);
        var s = s0.ToArray();
        var delta = new double[steps + 1];
        double d = b * orbit.W[0].FrobeniusNorm();
        for (int t = 0; t <= steps; t++)
        {
            delta[t] = d + b * orbit.W[t].FrobeniusNorm();
            double norm = Math.Sqrt(s.Sum(x => x * x));
            double lipschitz = 1 + c.Step * s.Max(x => Math.Abs(PhiDerivative(declared, x / norm)) * (1 + x / norm * Math.Sqrt(k))) / norm;
            d = lipschitz * d + c.Step * nsForward + b * (orbit.W[t].FrobeniusNorm() + c.Step * Math.Sqrt(k));
            s = Step(declared, s, c.Step);
        }
        return delta;
    }

    /// <summary>
    /// One step of the coupled recursion sᵢ ← |sᵢ − a·f(s)ᵢ| with the declared spectral map f (φ of sᵢ/(c‖s‖₂ + eps):
    /// the declared cushion c and eps enter exactly as in the implementation's normalization; for eps = 0 this is
    /// φ(sᵢ/‖s‖₂)).
    /// </summary>
    private static double[] Step(NewtonSchulz declared, double[] s, double a)
    {
        var f = declared.SpectralMap(s);
        return s.Select((x, i) => Math.Abs(x - a * f[i])).ToArray();
    }

    /// <summary>
    /// Explicit 2-cycle: W₀ = (a·φ(1/√r)/2)·Q for a full-rank partial isometry Q (Haar, m×n, r = min(m, n)) gives
    /// W₁ = −W₀, W₂ = W₀. Tolerance: e = a·NSForward(m, n) + B(‖W₀‖_F + a√r) per step; the first error passes
    /// through the second NS with Lipschitz ≤ 2·max|φ'|/‖W₁‖_F (divided differences of an odd spectral map and the
    /// normalization), so ‖W₂ − W₀‖ ≤ e(1 + a·2max|φ'|/‖W₀‖_F) + e; ×2 for second order.
    /// </summary>
    public static PropertySpec ExplicitTwoCycle(OptimizerSubject subject, NewtonSchulz declared) => new PropertySpec(
        "b2/explicit-two-cycle",
        "W₀ = (a·φ(1/√r)/2)·Q (Q a full-rank partial isometry) is a 2-cycle: W₁ = −W₀, W₂ = W₀.",
        "quadratics sheet B2 (Gonon–Muşat–Boumal 2602.11948)",
        "2[e(1 + 2a·max|φ'|/‖W₀‖_F) + e], e = a·NSForward(m, n) + B(‖W₀‖_F + a√r)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            int r = c.MinDim;
            var q = Orthonormal.Haar(Math.Max(c.Rows, c.Cols), r, new Rng(c.Seed));
            if (c.Rows < c.Cols) q = q.Transpose();
            var w0 = (c.Step * declared.Phi(1 / Math.Sqrt(r)) / 2) * q;
            var w = Iterates(Muon.Reference.Objectives.Quadratic.Centered(Matrix<double>.Build.DenseIdentity(c.Rows), c.Cols),
                subject.Create(StepSize.Constant(c.Step)), Muon.Reference.Objectives.Quadratic.W, w0, 2, c.ToString());
            double e = c.Step * Tolerances.NewtonSchulzForward(declared, c.Rows, c.Cols) + Backward(c.Rows, c.Cols) * (w0.FrobeniusNorm() + c.Step * Math.Sqrt(r));
            double e2 = e * (1 + 2 * c.Step * MaxPhiDerivative(declared) / w0.FrobeniusNorm()) + e;
            AtMost((w[1] + w0).FrobeniusNorm(), 2 * e, "‖W₁ + W₀‖_F", $"{c}; φ(1/√r) = {R(declared.Phi(1 / Math.Sqrt(r)))}", roundOff: true, scale: w0.FrobeniusNorm());
            AtMost((w[2] - w0).FrobeniusNorm(), 2 * e2, "‖W₂ − W₀‖_F", $"{c}; φ(1/√r) = {R(declared.Phi(1 / Math.Sqrt(r)))}", roundOff: true, scale: w0.FrobeniusNorm());
        })) with { Subject = subject.Name };

    /// <summary>φ'(x) by the chain rule through the schedule's polynomials.</summary>
    public static double PhiDerivative(NewtonSchulz ns, double x)
    {
        ArgumentNullException.ThrowIfNull(ns);
        double y = x / ns.Schedule.InputCushion, d = 1 / ns.Schedule.InputCushion;
        for (int k = 0; k < ns.Steps; k++)
        {
            var p = ns.Schedule.At(k);
            d *= p.Derivative(y);
            y = p.Apply(y);
        }
        return d;
    }

    private static double MaxPhiDerivative(NewtonSchulz ns)
        => Enumerable.Range(0, 4001).Max(i => Math.Abs(PhiDerivative(ns, i / 4000.0)));

    private static double PhiMin(ISpectralOrthogonalizer declared, double from)
        => Enumerable.Range(0, 4001).Min(i => declared is NewtonSchulz ns ? ns.Phi(from + (1 - from) * i / 4000.0) : 1.0);

    private static FsCheck.Arbitrary<GridCase> RankOne() => FsCheck.Fluent.Arb.From(
        from c in GridCase.Arbitrary(GridStart.RankDeficient).Generator
        select c with { Rank = 1 });

    /// <summary>A rate spec: each case is a batch of <see cref="DrawsPerBatch"/> draws from its seed.</summary>
    private static PropertySpec RateSpec(string id, string claim, string tolerance, OptimizerSubject subject, int steps, Action<IReadOnlyList<GridDraw>, string> judge) => new PropertySpec(
        id, claim, "quadratics sheet B2 (Gonon–Muşat–Boumal 2602.11948)", tolerance, 1,
        () => Prop.ForAll(FsCheck.Fluent.Arb.From(MatrixGenerators.Seed()), seed =>
        {
            var rng = new Rng(seed);
            var draws = new List<GridDraw>();
            for (int i = 0; i < DrawsPerBatch; i++)
            {
                var c = new GridCase(rng.Int(2, 30), rng.Int(2, 30), 0, rng.LogUniform(0.02, 0.5), GridStart.Gaussian, rng.NextUInt64());
                draws.Add(GridDraw.Run(subject, c with { Rank = c.MinDim }, steps));
            }
            judge(draws, $"batch seed {seed}, {DrawsPerBatch} draws, m, n ∈ [2, 30], a ∈ logU[0.02, 0.5], {steps} steps; first draw {draws[0].Case}");
        })) with { Subject = subject.Name };
}
