using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// The hypotheses of the two-step alignment claim, each switchable so that the documented failure modes can be run
/// as negative controls.
/// </summary>
/// <param name="Init">Orthogonal (the claim) or Gaussian (failure mode).</param>
/// <param name="FirstStepFactor">η₁ = factor·α; the claim needs exactly 1 (failure mode: 1.5).</param>
/// <param name="WidthRatios">d/n drawn from these; the claim needs d ≥ n (failure modes: 0.25, 0.5).</param>
/// <param name="OrientationMatch">At d = n, flip column 0 of P₀ when det(P₀)det(Q₀)det(M*) &lt; 0 (failure mode: off).</param>
public sealed record TwoStepHypotheses(MfInit Init, double FirstStepFactor, IReadOnlyList<double> WidthRatios, bool OrientationMatch)
{
    /// <summary>The claim's hypotheses: orthogonal init, η₁ = α, d/n ∈ {1, 2, 4}, orientation-matched.</summary>
    public static TwoStepHypotheses Claim { get; } = new(MfInit.Orthogonal, 1, [1, 2, 4], true);

    /// <inheritdoc />
    public override string ToString()
        => $"init={Init}, η₁={R(FirstStepFactor)}α, d/n∈{{{string.Join(", ", WidthRatios.Select(R))}}}, orientation-match={OrientationMatch}";
}

/// <summary>
/// F — two-step alignment (arXiv 2606.30509; theory sheet §F). Orthogonal init at scale α, d ≥ n (orientation-matched
/// at d = n), <c>η₁ = α</c> exactly, then <c>η₂ = √s₁</c>: step 1 co-aligns (P₁ = U X, Q₁ = V X; the α-parts cancel
/// only when η₁ = α), step 2 aligns the product: <c>μ_out ≤ 1.82·α/√s₁</c> after two steps — stated as a rate, in at
/// least 99% of draws.
/// </summary>
/// <remarks>
/// Generator: m = n ∈ [2,8], d = (d/n)·n with d/n from the hypotheses, s₁ ∈ logU[0.1,10], κ ∈ logU[1.5,100]
/// (log-uniform interior), α ∈ √s₁·logU[1e-8, 1e-3] (the sheet does not state its α range; the bound is linear in α, and
/// D3's schedule uses α = 1e-8√s₁).
/// </remarks>
public static class TwoStepAlignmentSpecs
{
    /// <summary>Batches per standard run (one FsCheck case each; deep runs use ten).</summary>
    public const int StandardCases = 1;

    /// <summary>Draws per batch (two Muon steps each, ≈ 0.1 ms a draw).</summary>
    public const int DrawsPerBatch = 2000;

    /// <summary>The sheet's constant C of μ_out ≤ C·α/√s₁ (the maximum it observed over 1000 draws).</summary>
    public const double BoundConstant = 1.82;

    /// <summary>The claimed rate: μ_out ≤ C·α/√s₁ in at least this fraction of draws (99% Clopper–Pearson lower bound).</summary>
    public const double ClaimedRate = 0.99;

    /// <summary>The F generator under hypotheses <paramref name="h"/>.</summary>
    public static Arbitrary<MfCase> Cases(TwoStepHypotheses h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var gen =
            from n in Gen.Choose(2, 8)
            from ratio in Gen.Elements(h.WidthRatios.ToArray())
            from s1 in LogUniform(0.1, 10)
            from kappa in LogUniform(1.5, 100)
            from alphaUnit in LogUniform(1e-8, 1e-3)
            from seed in Seed()
            let d = Math.Max(1, (int)Math.Round(ratio * n))
            select new MfCase(n, n, d, n, s1, kappa, SpectrumShape.LogUniform, h.Init, alphaUnit * Math.Sqrt(s1), 0, 0, Math.Sqrt(s1), h.OrientationMatch, seed);
        return Arbitrary(gen, c => c.M == c.N && h.WidthRatios.Any(x => Math.Max(1, (int)Math.Round(x * c.N)) == c.D));
    }

    /// <summary>
    /// Two Muon steps with η = [η₁, √s₁] (η₁ = α under the claim) leave μ_out(P₂Q₂ᵀ) ≤ 1.82·α/√s₁ in at least 99% of
    /// draws: the 99% Clopper–Pearson lower bound of the rate over a batch of <see cref="DrawsPerBatch"/> draws must be
    /// ≥ <see cref="ClaimedRate"/>.
    /// <para>
    /// Why a rate: 1.82 is the largest ratio the sheet observed in 1000 draws, not a derived bound, and random-seed
    /// deep runs found 1.856 and 1.908 (both d = n = 4). Measured on 25300 random draws of this generator: 4 above 1.82
    /// (rate 1.6e-4; max 1.99; all four at m = n = d = 4), p99 1.55, median 0.60. A batch of 2000 passes p = 0.99 unless
    /// it has ≥ 10 exceedances — at a rate of 1.6e-4 (0.3 expected per batch) the probability is &lt; 1e-11. The
    /// constant 1.82 is kept, so the claim still says how tight the alignment is for almost every draw.
    /// </para>
    /// <para>
    /// Why not a derived per-draw bound: to leading order in α (exact co-alignment after step 1, X = α(UᵀO_P + VᵀO_Q),
    /// Z = polar(S X) with orthonormal rows) P₂Q₂ᵀ ≈ U(s₁I + √s₁(XZᵀ + ZXᵀ))Vᵀ, so μ_out ≲ 2‖X‖_F/(√s₁√n) ≤ 4α/√s₁,
    /// which explains the mild tail; but the remainder of step 2 is amplified by 1/σ_min(S X), which is unbounded over
    /// the draws, so this is not a proof for every draw.
    /// </para>
    /// <para>
    /// The documented failure modes collapse the rate: η₁ = 1.5α (μ_out/(α/√s₁) ≈ 1e5 in every draw), Gaussian init,
    /// d/n ∈ {0.25, 0.5}, GD (every draw), orientation mismatch at d = n (about half the draws). μ_out is computed to
    /// ~1e-15, far below the smallest bound 1.82·α/√s₁ ≥ 1.8e-8, so no floating-point slack is added.
    /// </para>
    /// </summary>
    public static PropertySpec MuOutAfterTwoSteps(OptimizerSubject subject, TwoStepHypotheses? hypotheses = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var h = hypotheses ?? TwoStepHypotheses.Claim;
        var batches = FsCheck.Fluent.Arb.From(Cases(h).Generator.ArrayOf(DrawsPerBatch));
        return new PropertySpec(
            "mf/F/two-step-alignment" + (h == TwoStepHypotheses.Claim ? "" : $"[{h}]"),
            "Orthogonal init at scale α, d ≥ n, η = [α, √s₁]: after two Muon steps μ_out ≤ 1.82·α/√s₁ in at least 99% of draws.",
            "arXiv 2606.30509 (two-step alignment); theory sheet F (constant 1.82 = the sheet's observed maximum)",
            "rate ≥ 0.99 at the 99% Clopper–Pearson lower bound over 2000 draws (measured exceedance rate of 1.82: 4/25300 = 1.6e-4); "
            + "μ_out's rounding ~1e-15 is below the smallest bound 1.8e-8",
            StandardCases,
            () => Prop.ForAll(batches, cases =>
            {
                MfCase? worst = null;
                TwoStepResult? largest = null;
                MfCheck.RateAtLeast($"μ_out ≤ {R(BoundConstant)}·α/√s₁ after two steps", cases, c =>
                {
                    var m = Measure(subject, h, c);
                    if (largest is null || !(m.Ratio <= largest.Ratio))
                        (worst, largest) = (c, m);
                    return m.Ratio <= BoundConstant ? null : m.Describe(h);
                }, ClaimedRate, subject.Name, () => $"largest {largest!.Describe(h)} at {MfCheck.Draw(worst!)}");
            })) { Subject = subject.Name };
    }

    /// <summary>μ_out after the two steps, in units of α/√s₁, and μ_co after step 1.</summary>
    public sealed record TwoStepResult(double MuOut, double Ratio, double MuCo1)
    {
        /// <summary>The measured quantities and the hypotheses.</summary>
        public string Describe(TwoStepHypotheses h) => $"μ_out/(α/√s₁)={R(Ratio)}, μ_co after step 1={R(MuCo1)}, hypotheses: {h}";
    }

    /// <summary>Runs the two steps η = [η₁, √s₁] of <paramref name="h"/> on draw <paramref name="c"/>.</summary>
    public static TwoStepResult Measure(OptimizerSubject subject, TwoStepHypotheses h, MfCase c)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(c);
        var pr = c.Problem;
        var target = TargetSvd.Of(pr.Target);
        double root = Math.Sqrt(c.S1);
        var schedule = StepSize.Sequence([h.FirstStepFactor * c.Alpha, root]);
        double muCo1 = double.NaN;
        var last = MfDynamics.Run(MfDynamics.Objective(c), subject.Create(schedule), pr.P0, pr.Q0, 2, it =>
        {
            if (it.T == 1) muCo1 = MatrixFactorizationMetrics.MuCo(it.P, it.Q, target);
            return false;
        });
        double muOut = MatrixFactorizationMetrics.MuOut(last.P, last.Q, target);
        return new TwoStepResult(muOut, muOut / (c.Alpha / root), muCo1);
    }
}
