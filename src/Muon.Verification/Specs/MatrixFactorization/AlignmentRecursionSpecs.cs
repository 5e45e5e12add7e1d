using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;
using MfObjective = Muon.Reference.Objectives.MatrixFactorization;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// E — alignment recursions (arXiv 2606.30509; theory sheet §E): the exact one-step maps of Muon on a rank-1 block
/// (inner alignment, ⇒ 1 − cos²θ ~ t⁻⁴) and on a width-1 factorization (outer alignment, rⱼ ~ t^{−(1 − sⱼ/s₁)}).
/// </summary>
public static class AlignmentRecursionSpecs
{
    /// <summary>Cases per spec (≤ 300 steps each).</summary>
    public const int StandardCases = 100;

    /// <summary>
    /// Rank-1 blocks: m, n ∈ [1,8], d ∈ [2,12], s ∈ logU[0.1,10], ρ₀ ∈ √s·logU[1e-4,0.3], θ₀ ∈ U[0.05, π − 0.05],
    /// η ∈ √s·logU[1e-3,0.1].
    /// </summary>
    public static Arbitrary<RankOneBlockCase> RankOneBlocks()
    {
        var gen =
            from m in Gen.Choose(1, 8)
            from n in Gen.Choose(1, 8)
            from d in Gen.Choose(2, 12)
            from s in LogUniform(0.1, 10)
            from rho in LogUniform(1e-4, 0.3)
            from theta in Uniform(0.05, Math.PI - 0.05)
            from eta in LogUniform(1e-3, 0.1)
            from seed in Seed()
            select new RankOneBlockCase(m, n, d, s, rho * Math.Sqrt(s), theta, eta * Math.Sqrt(s), seed);
        return Arb.From(gen, c => ShrinkBlock(c));
    }

    private static IEnumerable<RankOneBlockCase> ShrinkBlock(RankOneBlockCase c)
    {
        if (c.M > 1) yield return c with { M = 1 };
        if (c.N > 1) yield return c with { N = 1 };
        if (c.D > 2) yield return c with { D = 2 };
    }

    /// <summary>
    /// Muon on a rank-1 block, while a·b &lt; s: P, Q stay rank-1 (u aᵀ, v bᵀ), ‖a‖ = ‖b‖ = ρ, and one step maps
    /// <c>tan(θ'/2) = |ρ − η|/(ρ + η)·tan(θ/2)</c>, <c>ρ'² = ρ² + η² + 2ηρ cos θ</c> (a' = a + η b̂, b' = b + η â).
    /// Each step is checked from the measured iterate t to the measured iterate t+1; tan(θ/2) is computed as
    /// ‖â − b̂‖/‖â + b̂‖ (no arccos). Tolerance δ(1 + tan)² with δ = 16·Backward(max(m,n,d))·(ρ + η)/ρ': unit vectors carry
    /// an absolute error ~Backward, amplified by the cancellation (ρ + η)/ρ' in a' and by d tan/d‖x‖ = (1 + tan²)/2·… ≤ (1+tan)².
    /// The sheet checked it to 3e-7 (with arccos); the rounding-level bound here is ~1e-14.
    /// </summary>
    public static PropertySpec RankOneBlockRecursion(OptimizerSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/E/rank1-block-tan-half-angle",
            "Muon on a rank-1 block (a·b < s): tan(θ'/2) = |ρ−η|/(ρ+η)·tan(θ/2) and ρ'² = ρ² + η² + 2ηρ cos θ, exactly.",
            "arXiv 2606.30509 (inner alignment ⇒ 1 − cos²θ ~ t⁻⁴); theory sheet E",
            "δ(1 + tan θ/2)², δ = 16·Backward·(ρ+η)/ρ' (unit-vector rounding through the half-angle formula)",
            StandardCases,
            () => Prop.ForAll(RankOneBlocks(), c =>
            {
                var (target, u, v, p0, q0) = c.Build();
                var objective = new MfObjective(target, c.D);
                double backward = Tolerances.Backward(Math.Max(c.M, Math.Max(c.N, c.D)), 2);
                (double Tan, double Rho, double RhoB, double Dot, double OffBlock)? previous = null;
                string worst = "";
                double worstExcess = 0;
                var worstParts = (What: "", Error: double.NaN, Bound: double.NaN, Scale: 1.0);
                MfDynamics.Run(objective, subject.Create(StepSize.Constant(c.Eta)), p0, q0, 300, it =>
                {
                    var a = it.P.TransposeThisAndMultiply(u.ToColumnMatrix()).Column(0);
                    var b = it.Q.TransposeThisAndMultiply(v.ToColumnMatrix()).Column(0);
                    double off = (it.P - u.OuterProduct(a)).FrobeniusNorm() + (it.Q - v.OuterProduct(b)).FrobeniusNorm();
                    var ah = a / a.L2Norm();
                    var bh = b / b.L2Norm();
                    var now = (Tan: (ah - bh).L2Norm() / (ah + bh).L2Norm(), Rho: a.L2Norm(), RhoB: b.L2Norm(), Dot: a.DotProduct(b), OffBlock: off);
                    if (previous is { } pr)
                    {
                        double rho = pr.Rho;
                        double cos = (1 - pr.Tan * pr.Tan) / (1 + pr.Tan * pr.Tan);
                        double delta = 16 * backward * (rho + c.Eta) / Math.Max(now.Rho, 1e-300);
                        double predictedTan = Math.Abs(rho - c.Eta) / (rho + c.Eta) * pr.Tan;
                        double predictedRho2 = rho * rho + c.Eta * c.Eta + 2 * c.Eta * rho * cos;
                        Excess(Math.Abs(now.Tan - predictedTan), delta * Math.Pow(1 + Math.Max(now.Tan, pr.Tan), 2), $"|tan(θ'/2) − pred| at t={it.T} (pred {R(predictedTan)}, got {R(now.Tan)})", 1);
                        Excess(Math.Abs(now.Rho * now.Rho - predictedRho2), 4 * delta * Math.Pow(rho + c.Eta, 2) * (1 + pr.Tan * pr.Tan), $"|ρ'² − pred| at t={it.T} (pred {R(predictedRho2)}, got {R(now.Rho * now.Rho)})", predictedRho2);
                        Excess(Math.Abs(now.Rho - now.RhoB), delta * (now.Rho + c.Eta), $"|‖a‖ − ‖b‖| at t={it.T}", now.Rho);
                        Excess(now.OffBlock, delta * (now.Rho + c.Eta), $"‖P − u aᵀ‖ + ‖Q − v bᵀ‖ at t={it.T}", now.Rho);
                    }
                    previous = now;
                    return now.Dot >= c.S || now.Tan < 1e-12;
                });
                if (worstExcess > 1)
                {
                    // The bounds are round-off bounds (δ from Backward), on each quantity's own scale (1 for tan θ/2, ρ'² or ρ).
                    var violation = Violation.AtMost(worstParts.What, worstParts.Error, worstParts.Bound, roundOff: true, worstParts.Scale) with { Context = $"{subject.Name}; {c}" };
                    throw new SpecViolation(violation, $"{worst}: {R(worstExcess)}× its bound ({violation.Context})");
                }

                void Excess(double error, double bound, string what, double scale)
                {
                    double ratio = error / bound;
                    if (!(ratio <= worstExcess))
                    {
                        worstExcess = double.IsNaN(ratio) ? double.PositiveInfinity : ratio;
                        worst = $"{what}: error {R(error)}, bound {R(bound)}";
                        worstParts = (what, error, bound, scale);
                    }
                }
            })) { Subject = subject.Name };
    }

    /// <summary>
    /// Width-1 problems: m = n ∈ [2,8], d = 1, s₁ ∈ logU[0.1,10], κ ∈ logU[1.5,100] (log-uniform interior),
    /// x₀ = α·(positive random unit vector), α ∈ √s₁·logU[1e-3,0.3], η ∈ √s₁·logU[1e-3,0.05].
    /// </summary>
    public static Arbitrary<OuterAlignmentCase> WidthOneCases()
    {
        var gen =
            from n in Gen.Choose(2, 8)
            from s1 in LogUniform(0.1, 10)
            from kappa in LogUniform(1.5, 100)
            from alpha in LogUniform(1e-3, 0.3)
            from eta in LogUniform(1e-3, 0.05)
            from seed in Seed()
            select new OuterAlignmentCase(new MfCase(n, n, 1, n, s1, kappa, SpectrumShape.LogUniform, MfInit.Orthogonal,
                alpha * Math.Sqrt(s1), 0, 0, eta * Math.Sqrt(s1), false, seed));
        return Arb.From(gen);
    }

    /// <summary>
    /// d = 1, co-aligned init P = U x, Q = V x: Muon maps the ratios rⱼ = xⱼ/x₁ exactly by
    /// <c>rⱼ' = rⱼ (N + η(sⱼ − ‖x‖²))/(N + η(s₁ − ‖x‖²))</c>, <c>N = ‖(S − ‖x‖²)x‖</c> (polar of a vector is its
    /// normalization), hence rⱼ ~ t^{−(1 − sⱼ/s₁)}. Checked step by step in the growth phase ‖x‖² &lt; s₁/2 (≤ 300 steps), from the
    /// measured x_t = Uᵀ P_t. Why s₁/2: as ‖x‖² → s₁, N → 0 and the co-aligned set P = Ux, Q = Vx becomes transversally
    /// unstable — on one draw (n = 4, κ = 8, η = 1.8e-3) ‖x_P − x_Q‖ grew from 3e-16 to 2e-12 in five steps at t ≈ 283 with
    /// ‖x‖² = s₁ to 5 digits — so the recursion of the co-aligned map no longer describes the float64 iterate; for
    /// ‖x‖² ≤ s₁/2, N ≥ (s₁/2)|x₁|. Tolerance per j: 32·Backward(n)·(1 + |rⱼ'|)·[(‖x‖/|x₁|)·cond + η(‖x‖² + s₁)‖x‖/(N|x₁'|)] with
    /// cond = (N + η(s₁ + ‖x‖²))/|N + η(s₁ − ‖x‖²)|: the coordinates carry absolute error Backward·‖x‖, divided by x₁ and
    /// amplified by the factor's denominator; and the residual R = PQᵀ − M* is formed by cancellation (absolute error
    /// Backward·(‖x‖² + s₁)) while the direction is normalized by N = ‖RQ‖/‖x‖-scale, which is small once x has aligned.
    /// (A first version without the cancellation term failed at 1.36× on a κ = 1.74 draw at t = 265 — the term is
    /// needed, not a tolerance loosened to pass.)
    /// </summary>
    public static PropertySpec OuterAlignmentRecursion(OptimizerSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/E/d1-outer-alignment",
            "d = 1, P = U x, Q = V x: Muon maps rⱼ = xⱼ/x₁ by rⱼ' = rⱼ(N + η(sⱼ − ‖x‖²))/(N + η(s₁ − ‖x‖²)), N = ‖(S − ‖x‖²)x‖.",
            "arXiv 2606.30509 (outer alignment, rⱼ ~ t^{−(1 − sⱼ/s₁)}); theory sheet E",
            "32·Backward·(‖x‖/|x₁|)(1 + |rⱼ|)·cond(denominator): coordinate rounding through the ratio",
            StandardCases,
            () => Prop.ForAll(WidthOneCases(), oc =>
            {
                var c = oc.Case;
                var pr = c.Problem;
                var s = pr.S;
                var x0 = oc.X0();
                var p0 = pr.U * x0.ToColumnMatrix();
                var q0 = pr.V * x0.ToColumnMatrix();
                double backward = Tolerances.Backward(c.N, c.N);
                Vector<double>? prev = null;
                double worstExcess = 0;
                string worst = "";
                var worstParts = (What: "", Error: double.NaN, Bound: double.NaN, Scale: 1.0);
                MfDynamics.Run(MfDynamics.Objective(c), subject.Create(StepSize.Constant(c.Eta)), p0, q0, 300, it =>
                {
                    var x = pr.U.TransposeThisAndMultiply(it.P).Column(0);
                    if (prev is { } xp)
                    {
                        double norm2 = xp.DotProduct(xp);
                        double nn = Math.Sqrt(Enumerable.Range(0, c.N).Sum(j => Math.Pow((s[j] - norm2) * xp[j], 2)));
                        double den = nn + c.Eta * (s[0] - norm2);
                        double cond = (nn + c.Eta * (s[0] + norm2)) / Math.Abs(den);
                        for (int j = 1; j < c.N; j++)
                        {
                            double rj = xp[j] / xp[0];
                            double predicted = rj * (nn + c.Eta * (s[j] - norm2)) / den;
                            double measured = x[j] / x[0];
                            // coordinate rounding, through the ratio and the factor's denominator …
                            double coordinates = (xp.L2Norm() / Math.Abs(xp[0]) + x.L2Norm() / Math.Abs(x[0])) * cond;
                            // … plus the cancellation in R = PQᵀ − M*: absolute error Backward·(‖x‖² + s₁) against ‖RQ‖ = N·…
                            double residual = c.Eta * (norm2 + s[0]) * xp.L2Norm() / (nn * Math.Abs(x[0]));
                            double bound = 32 * backward * (coordinates + residual) * (1 + Math.Abs(measured));
                            double ratio = Math.Abs(measured - predicted) / bound;
                            if (!(ratio <= worstExcess))
                            {
                                worstExcess = double.IsNaN(ratio) ? double.PositiveInfinity : ratio;
                                worst = $"|r_{j + 1}' − pred| at t={it.T}: measured {R(measured)}, predicted {R(predicted)}, bound {R(bound)}";
                                worstParts = ($"|r_{j + 1}' − pred| at t={it.T}", Math.Abs(measured - predicted), bound, 1 + Math.Abs(measured));
                            }
                        }
                    }
                    prev = x;
                    return x.DotProduct(x) >= s[0] / 2;
                });
                if (worstExcess > 1)
                {
                    // A round-off bound (32·Backward·…) on a ratio of natural scale 1 + |rⱼ'|.
                    var violation = Violation.AtMost(worstParts.What, worstParts.Error, worstParts.Bound, roundOff: true, worstParts.Scale) with { Context = $"{subject.Name}; {MfCheck.Draw(c)}" };
                    throw new SpecViolation(violation, $"{worst}: {R(worstExcess)}× its bound ({violation.Context})");
                }
            })) { Subject = subject.Name };
    }
}
