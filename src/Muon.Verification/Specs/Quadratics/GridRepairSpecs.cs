using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Specs.SpecSupport;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>Decaying step-size families for <see cref="GridRepairSpecs.DecayingStep"/>.</summary>
public enum DecayFamily
{
    /// <summary>a_t = a₀ρᵗ, ρ ∈ [0.5, 0.95], a₀ = c(1 − ρ)s_max(0), c ∈ [1, 3]: linear convergence.</summary>
    Geometric,
    /// <summary>a_t = a₀/√(t + 1), a₀ ∈ [0.3, 1]: L_T = O(1/T).</summary>
    InverseSqrt,
}

/// <summary>
/// B1 (repair) — a decaying step restores convergence of exact-polar Muon on <c>½‖W‖²_F</c> (quadratics sheet B1,
/// Gonon–Muşat–Boumal 2602.11948). The bound is derived here: if a_{t−1} ≤ 2a_t (ρ ≥ ½; √((t+1)/t) ≤ √2) then
/// <c>s ≤ a_{t−1}</c> implies <c>|s − a_t| ≤ a_t</c>, so the set {σ_max(W_t) ≤ a_{t−1}} is invariant; every
/// singular value enters it by the entry time t* = min{t ≥ 1 : Σ_{j&lt;t} a_j + a_{t−1} ≥ s_max(0)} (until it enters
/// it moves down by full steps). Hence <c>L_t ≤ ½ r a²_{t−1}</c> for t ≥ t*.
/// </summary>
public static class GridRepairSpecs
{
    /// <summary>Cases per family in a standard run.</summary>
    public const int StandardCases = 40;

    /// <summary>
    /// For t* ≤ t ≤ T: σ_max(W_t) ≤ a_{t−1} + δ_t and L_t ≤ ½ r (a_{t−1} + δ_t)² (+ loss rounding). T = t* + 40, and for
    /// the geometric family at most until a_t reaches 1e-6·a₀·ρ^{t*} so that δ_t (≈1e-12) stays far below a_t.
    /// Negative control: a subject that ignores the schedule (fixed step).
    /// </summary>
    public static PropertySpec DecayingStep(OptimizerSubject subject, DecayFamily family)
    {
        var arb = FsCheck.Fluent.Arb.From(
            from c in GridCase.Arbitrary(GridStart.Gaussian).Generator
            from rho in MatrixGenerators.Unit().Select(f => 0.5 + 0.45 * f)
            from scale in MatrixGenerators.Unit().Select(f => family == DecayFamily.Geometric ? 1 + 2 * f : 0.3 + 0.7 * f)
            select (c, rho, scale));
        return new PropertySpec(
            $"b1/decaying-step-{(family == DecayFamily.Geometric ? "geometric" : "inverse-sqrt")}",
            family == DecayFamily.Geometric
                ? "With a_t = a₀ρᵗ (ρ ∈ [½, 0.95], a₀ ≥ (1−ρ)s_max(0)) σ_max(W_t) ≤ a_{t−1} after the entry time: L_t ≤ ½ r a²_{t−1}, linear convergence."
                : "With a_t = a₀/√(t+1) σ_max(W_t) ≤ a_{t−1} after the entry time: L_t ≤ ½ r a₀²/t = O(1/t).",
            "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948); invariance argument in the class remarks",
            "δ_t of GridOrbit on σ_max; the loss bound adds GridOrbit.LossError",
            StandardCases,
            () => Prop.ForAll(arb, ((GridCase C, double Rho, double Scale) x) =>
            {
                var (c, rho, scale) = x;
                var w0 = c.W0;
                double sMax = Sigma(w0)[0];
                StepSize schedule = family == DecayFamily.Geometric
                    ? StepSize.Geometric(scale * (1 - rho) * sMax, rho)
                    : StepSize.InverseSqrt(scale);
                int entry = 1;
                double travelled = schedule.At(0);
                while (travelled + schedule.At(entry - 1) < sMax) travelled += schedule.At(entry++);
                int steps = entry + 40;
                if (family == DecayFamily.Geometric)
                    steps = Math.Min(steps, entry + (int)Math.Floor(Math.Log(1e-6) / Math.Log(rho)));
                var orbit = GridOrbit.Run(subject.Create(schedule), w0, steps, schedule.At, c.ToString());
                string ctx = $"{c}; schedule {schedule}; s_max(0) = {R(sMax)}; entry t* = {entry}";
                for (int t = entry; t <= steps; t++)
                {
                    double a = schedule.At(t - 1);
                    AtMost(orbit.Sigma[t][0], a + orbit.Delta[t], $"σ_max(W_t) at t = {t} against a_{{t−1}} = {R(a)}", ctx);
                    double bound = 0.5 * c.MinDim * Math.Pow(a + orbit.Delta[t], 2) + orbit.LossError(t);
                    AtMost(orbit.Loss[t], bound, $"L(W_t) at t = {t} against ½ r a²_{{t−1}}", ctx);
                }
            })) with { Subject = subject.Name };
    }
}
