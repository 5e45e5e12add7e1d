using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Specs.SpecSupport;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// B1 — grid confinement of exact-polar Muon with a fixed step on <c>L(W) = ½‖W‖²_F</c> (Gonon, Muşat, Boumal,
/// <i>Insights on Muon from Simple Quadratics</i>, arXiv 2602.11948; statements as derived and checked in
/// <c>shared/theory/quadratics.md</c> B1). Draws: m, n ∈ [2, 30], W₀ ~ N(0, 1/n) (or a constructed spectrum
/// where the hypothesis needs one), a log-uniform in [0.02, 0.5]. Every tolerance is the round-off bound δ_t of
/// <see cref="GridOrbit"/> (≈ 1e-11 at the largest draws), never a tuned constant. The optional <c>u</c> of the
/// factories is the unit roundoff of the subject's arithmetic (float64 by default; the conformance oracle passes 2⁻²⁴
/// for an implementation that declares float32).
/// </summary>
public static class GridConfinementSpecs
{
    /// <summary>Cases per spec in a standard run (each runs up to ~250 SVD steps on ≤ 30×30, ≈ 20 ms).</summary>
    public const int StandardCases = 50;

    /// <summary>
    /// Each singular value follows <c>s ← |s − a|</c>: sorted σ(W_t) matches the sorted scalar orbit for t ≤ K + 4,
    /// K = maxᵢ⌊sᵢ(0)/a⌋. Tolerance δ_t (see <see cref="GridOrbit.Run"/>; sheet: 1e-10). Subject: the fixed-step optimizer.
    /// </summary>
    public static PropertySpec SingularValueOrbit(OptimizerSubject subject, double u = Laws.Tolerances.U) => new PropertySpec(
        "b1/singular-value-orbit",
        "With W ← W − a·polar(W) on ½‖W‖²_F every singular value follows s ← |s − a| (sorted σ(W_t) = sorted scalar orbit).",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "δ_t = B(‖W₀‖_F + ‖W_t‖_F + 3Σ(‖W_j‖_F + a√k)), B = 8·max(m,n)·u: backward-stable SVDs, 1-Lipschitz scalar map",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            var (orbit, s0, k) = RunFixed(subject, c, extra: 4, u);
            var s = s0;
            for (int t = 0; t <= k + 4; t++)
            {
                double err = MaxAbsDiff(orbit.Sigma[t], Descending(s));
                AtMost(err, orbit.Delta[t], $"max|σ(W_t) − scalar orbit| at t = {t}", Ctx(c, s0, $"K = {k}"), roundOff: true, scale: s0.Max());
                s = s.Select(x => x == 0 ? 0 : Math.Abs(x - c.Step)).ToArray();
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// Loss floor: <c>L(W_t) ≥ ½Σ dist(sᵢ(0), aℤ)²</c> for t ≤ K + 6. Tolerance: the loss error of
    /// <see cref="GridOrbit.LossError"/> plus δ_t·Σ distᵢ for the measured s(0) entering the floor.
    /// <paramref name="floor"/> replaces the predicted floor (negative control: <c>BrokenClaims.FloorModulo</c>).
    /// </summary>
    public static PropertySpec LossFloor(OptimizerSubject subject, Func<IReadOnlyList<double>, double, double>? floor = null, double u = Laws.Tolerances.U) => new PropertySpec(
        "b1/loss-floor",
        "L(W_t) ≥ L_floor = ½Σᵢ dist(sᵢ(0), aℤ)² for all t (fixed-step exact-polar Muon cannot go below the grid's floor).",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "L_floor − L̂_t ≤ δ_t·Σσ̂ᵢ + ½kδ_t² + mn·u·L̂_t + δ_t·Σdistᵢ (sheet: relative 1e-12)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            var (orbit, s0, k) = RunFixed(subject, c, extra: 6, u);
            double predicted = (floor ?? Floor)(s0, c.Step);
            double distSum = s0.Sum(x => Dist(x, c.Step));
            for (int t = 0; t <= k + 6; t++)
                AtLeast(orbit.Loss[t], predicted - orbit.LossError(t) - orbit.Delta[t] * distSum,
                    $"L(W_t) at t = {t} against L_floor = {R(predicted)} minus round-off", Ctx(c, s0, $"K = {k}"));
        })) with { Subject = subject.Name + (floor is null ? "" : " (predicted floor replaced)") };

    /// <summary>
    /// Exact 2-cycle: <c>W_{t+2} = W_t</c> for K ≤ t ≤ K + 3. Tolerance per draw (sheet: 1e-11): each step's error
    /// η_j = a(4B‖W_j‖_F/σ_min(W_j) + B√k) + B(‖W_j‖_F + a√k) (Li's polar perturbation bound 4‖ΔW‖/σ_min, as in
    /// <c>Tolerances.PolarForward</c>), the first amplified by the second polar, (1 + 4a/σ_min(W_{t+1})); ×2 for second order.
    /// </summary>
    public static PropertySpec TwoCycle(OptimizerSubject subject, double u = Laws.Tolerances.U) => new PropertySpec(
        "b1/two-cycle",
        "After K = maxᵢ⌊sᵢ(0)/a⌋ steps the iterates cycle exactly: W_{t+2} = W_t.",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "2[η_t(1 + 4a/σ_min(W_{t+1})) + η_{t+1}], η_j = a(4B‖W_j‖_F/σ_min(W_j) + B√k) + B(‖W_j‖_F + a√k)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            var (orbit, s0, k) = RunFixed(subject, c, extra: 5, u);
            int kk = c.MinDim;
            double b = Laws.Tolerances.Backward(c.Rows, c.Cols, u), a = c.Step;
            double StepError(int j)
            {
                double norm = orbit.W[j].FrobeniusNorm();
                return a * (4 * b * norm / orbit.Sigma[j][^1] + b * Math.Sqrt(kk)) + b * (norm + a * Math.Sqrt(kk));
            }
            for (int t = k; t <= k + 3; t++)
            {
                double bound = 2 * (StepError(t) * (1 + 4 * a / orbit.Sigma[t + 1][^1]) + StepError(t + 1));
                AtMost((orbit.W[t + 2] - orbit.W[t]).FrobeniusNorm(), bound, $"‖W_{{t+2}} − W_t‖_F at t = {t}",
                    Ctx(c, s0, $"K = {k}, σ_min(W_t) = {Short(orbit.Sigma[t][^1])}"), roundOff: true, scale: orbit.W[t].FrobeniusNorm());
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// Worst case <c>sᵢ(0) = (kᵢ + ½)a</c> (built into the draw): <c>L_t = r a²/8</c> for K ≤ t ≤ K + 3, and the speed
    /// limit σ_max(W_t) ≥ s₁(0) − t·a before — together: a guarantee L ≤ ε needs a ≤ √(8ε/r) and T ≥ s₁(0)/a steps,
    /// Θ(ε^{−1/2}). Tolerances: <see cref="GridOrbit.LossError"/> and δ_t.
    /// </summary>
    public static PropertySpec WorstCasePlateau(OptimizerSubject subject) => new PropertySpec(
        "b1/worst-case-plateau",
        "From sᵢ(0) = (kᵢ + ½)a the loss sits at r·a²/8 from step K on, and σ_max(W_t) ≥ s₁(0) − t·a before (Θ(ε^−½) steps for L ≤ ε).",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "|L̂_t − r a²/8| ≤ δ_t·Σσ̂ + ½kδ_t² + mn·u·L̂_t; speed limit within δ_t",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.HalfGrid), c =>
        {
            var (orbit, s0, k) = RunFixed(subject, c, extra: 3);
            double plateau = c.Rank * c.Step * c.Step / 8;
            for (int t = 0; t < k; t++)
                AtLeast(orbit.Sigma[t][0], s0.Max() - t * c.Step - orbit.Delta[t], $"σ_max(W_t) at t = {t} (speed limit s₁(0) − t·a)", Ctx(c, s0, $"K = {k}"));
            for (int t = k; t <= k + 3; t++)
                AtMost(Math.Abs(orbit.Loss[t] - plateau), orbit.LossError(t), $"|L(W_t) − r a²/8| at t = {t} (r a²/8 = {R(plateau)})", Ctx(c, s0, $"K = {k}"), roundOff: true, scale: plateau);
        })) with { Subject = subject.Name };

    /// <summary>
    /// GD's exact geometric decay <c>L_t = (1 − η)^{2t} L₀</c> on ½‖W‖²_F (50 steps, η = the draw's a ∈ [0.02, 0.5]):
    /// log(1/ε) steps, against Muon's Θ(ε^{−½}). Relative tolerance: each entry update w − ηw has relative error
    /// ≤ u(2 + η)/(1 − η) per step, the loss doubles it and adds mn·u; ×2 safety.
    /// </summary>
    public static PropertySpec GdGeometricDecay(OptimizerSubject subject) => new PropertySpec(
        "b1/gd-geometric-decay",
        "Gradient descent with step η on ½‖W‖²_F decays exactly geometrically: L_t = (1 − η)^{2t} L₀.",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "relative 2(2t·u(2 + η)/(1 − η) + 2mn·u) + 8u",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.Gaussian), c =>
        {
            const int steps = 50;
            double eta = c.Step, u = Laws.Tolerances.U;
            var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(eta)), c.W0, steps, _ => eta, c.ToString());
            for (int t = 0; t <= steps; t++)
            {
                double predicted = Math.Pow(1 - eta, 2 * t) * orbit.Loss[0];
                double rel = 2 * (2 * t * u * (2 + eta) / (1 - eta) + 2 * c.Rows * c.Cols * u) + 8 * u;
                AtMost(Math.Abs(orbit.Loss[t] / predicted - 1), rel, $"|L_t/((1−η)^{{2t}}L₀) − 1| at t = {t}", $"{c}, η = {R(eta)}", roundOff: true);
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// Rank preservation: a rank-r W₀ (r &lt; min(m, n), singular values (kᵢ + fᵢ)a with fᵢ ∈ [0.05, 0.95] built in)
    /// keeps rank r for t ≤ K + 4. Ranks count σ above θ = √(δ_T·0.05a): genuine σ stay ≥ 0.05a
    /// (the orbit visits s mod a and a − s mod a), round-off ones ≤ δ_T, θ is their geometric mean.
    /// </summary>
    public static PropertySpec RankPreservation(OptimizerSubject subject) => new PropertySpec(
        "b1/rank-preservation",
        "A rank-deficient W₀ keeps its rank along the fixed-step orbit (thresholded polar).",
        "quadratics sheet B1 (Gonon–Muşat–Boumal 2602.11948)",
        "rank counted above θ = √(δ_T·0.05a), the geometric mean of round-off (≤ δ_T) and the genuine minimum (≥ 0.05a)",
        StandardCases,
        () => Prop.ForAll(GridCase.Arbitrary(GridStart.RankDeficient), c =>
        {
            var (orbit, s0, k) = RunFixed(subject, c, extra: 4);
            double theta = Math.Sqrt(orbit.Delta[^1] * 0.05 * c.Step);
            for (int t = 0; t < orbit.W.Count; t++)
            {
                int rank = orbit.Sigma[t].Count(x => x > theta);
                if (rank != c.Rank)
                {
                    var v = Violation.Equal($"rank W_t at t = {t}", rank, c.Rank) with { Context = Ctx(c, s0, $"K = {k}") };
                    throw new SpecViolation(v, $"rank W_t = {R(v.Measured)} at t = {t}, rank W₀ = {R(v.Bound)} (threshold {R(theta)}; σ(W_t) = {R(orbit.Sigma[t])}) ({v.Context})");
                }
            }
        })) with { Subject = subject.Name };

    /// <summary>The loss floor ½Σᵢ dist(sᵢ, aℤ)².</summary>
    public static double Floor(IReadOnlyList<double> s0, double a)
    {
        ArgumentNullException.ThrowIfNull(s0);
        return 0.5 * s0.Sum(s => Math.Pow(Dist(s, a), 2));
    }

    /// <summary>dist(s, aℤ).</summary>
    public static double Dist(double s, double a)
    {
        double r = s - a * Math.Floor(s / a);
        return Math.Min(r, a - r);
    }

    /// <summary>Runs K + <paramref name="extra"/> fixed steps; s(0) is the constructed spectrum (padded with exact zeros) or the measured one.</summary>
    internal static (GridOrbit Orbit, double[] S0, int K) RunFixed(OptimizerSubject subject, GridCase c, int extra, double u = Laws.Tolerances.U)
    {
        var w0 = c.W0;
        double[] s0 = c.Start == GridStart.Gaussian
            ? Sigma(w0)
            : Descending(Sigma(w0).Take(c.Rank)).Concat(Enumerable.Repeat(0.0, c.MinDim - c.Rank)).ToArray();
        int k = (int)Math.Floor(s0.Max() / c.Step);
        var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(c.Step)), w0, k + extra, _ => c.Step, c.ToString(), u);
        return (orbit, s0, k);
    }

    internal static string Ctx(GridCase c, IReadOnlyList<double> s0, string extra) => $"{c}; s(0) = {R(s0)}; {extra}";
}
