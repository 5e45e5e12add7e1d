using FsCheck.Fluent;
using Muon.Reference.Optimizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Specs.SpecSupport;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Preconditioning;

/// <summary>
/// C2 — spectral decoupling of simplified Muon (no momentum, exact polar) into independent scalar sign recursions
/// (Ma, Huang, Chi, Chen, <i>Preconditioning Benefits of Spectral Orthogonalization in Muon</i>, arXiv 2601.13474;
/// statement C2 of <c>shared/theory/preconditioning.md</c>). The settings — the reduced in-context objective, the
/// aligned parametrizations — are <b>adopted reconstructions</b>: only the paper's abstract could be read.
/// Draws: d ≤ 30 (ICL: d ≤ 12, Q is d×d), r ≤ 10, spectrum log-uniform in [1e-3, 1], constant η log-uniform in
/// [0.01, 0.1], x(0) at distance (5 + 40U)η from its target. Checked only during the approach phase
/// T = minᵢ⌊|xᵢ(0) − xᵢ*|/η⌋: afterwards the aligned set is invariant but transversally unstable (the sheet
/// measured commutators ~1e-2 even in 60-digit arithmetic), so no float64 claim is made there.
/// </summary>
public static class SpectralDecouplingSpecs
{
    /// <summary>Cases per setting in a standard run.</summary>
    public const int StandardCases = 40;

    /// <summary>
    /// ‖X_t − L diag(x_t) Rᵀ‖_F ≤ δ_t for t ≤ T, where x_t follows the scalar recursion. δ_t is propagated along the
    /// run: δ_{t+1} = δ_t + η·4(J·δ_t + B‖G_t‖_F)/g_min(t) + B(‖X_t‖_F + η√r) + (reconstruction) B‖X_{t+1}‖_F — the
    /// gradient moves by J·δ_t (J its Lipschitz constant), the computed polar by 4‖ΔG‖_F/σ_min(G) (Li), and
    /// g_min(t) = minᵢ|gᵢ| ≥ η·(…) is bounded away from 0 before T by construction. B = 8·max(d, r)·u.
    /// <paramref name="initNoise"/> (negative control) adds N(0, noise²) entries to X₀; <paramref name="iclTarget"/>
    /// (negative control) replaces the target 1/s of the in-context recursion.
    /// </summary>
    public static PropertySpec Decoupling(OptimizerSubject subject, SpectralSetting setting, double initNoise = 0, Func<double, double>? iclTarget = null)
    {
        bool icl = setting == SpectralSetting.InContextRegression;
        var arb = FsCheck.Fluent.Arb.From(
            from d in Gen.Choose(2, icl ? 12 : 30)
            from r in Gen.Choose(1, Math.Min(d, 10))
            from eta in MatrixGenerators.LogUniform(0.01, 0.1)
            from seed in MatrixGenerators.Seed()
            select new DecouplingCase(setting, d, r, eta, seed));
        string id = setting switch
        {
            SpectralSetting.SymmetricMatrixFactorization => "c2/decoupling-symmetric-mf",
            SpectralSetting.InContextRegression => "c2/decoupling-in-context-regression",
            _ => "c2/decoupling-quadratic",
        };
        return new PropertySpec(
            id,
            "During the approach phase simplified Muon's matrix iterate equals the aligned reconstruction of independent scalar sign recursions.",
            "preconditioning sheet C2 (Ma–Huang–Chi–Chen 2601.13474; adopted reconstruction)",
            "δ_t propagated with the polar's perturbation bound 4‖ΔG‖_F/σ_min(G) and the gradient's Lipschitz constant (sheet: 1e-12·max(1, ‖x‖_∞))",
            StandardCases,
            () => Prop.ForAll(arb, c =>
            {
                var p = AlignedProblem.Build(c.Setting, c.Dim, c.Rank, c.Eta, c.Seed);
                var targets = p.Targets(iclTarget);
                int steps = p.X0.Select((x, i) => (int)Math.Floor(Math.Abs(x - targets[i]) / c.Eta)).Min();
                var x0 = p.Reconstruct(p.X0);
                if (initNoise > 0)
                {
                    var rng = new Muon.Reference.Numerics.Rng(c.Seed ^ 0x0A11CEUL);
                    x0 += Muon.Reference.Numerics.MatrixFunctions.Gaussian(x0.RowCount, x0.ColumnCount, initNoise, rng);
                }
                var iterates = Iterates(p.Objective, subject.Create(StepSize.Constant(c.Eta)), p.Parameter, x0, steps, c.ToString());
                double b = Backward(x0.RowCount, x0.ColumnCount), delta = 0;
                var x = p.X0.ToArray();
                for (int t = 0; t <= steps; t++)
                {
                    var expected = p.Reconstruct(x);
                    double bound = delta + b * expected.FrobeniusNorm();
                    AtMost((iterates[t] - expected).FrobeniusNorm(), bound, $"‖X_t − L diag(x_t) Rᵀ‖_F at t = {t} of T = {steps}",
                        $"{c}; spectrum = {R(p.Spectrum)}; x(0) = {R(p.X0)}; x* = {R(targets)}", roundOff: true, scale: expected.FrobeniusNorm());
                    var (gMin, lipschitz) = p.GradientScale(x);
                    double gNorm = p.Objective.Gradient(Muon.Reference.Optimizers.ParameterSet.Of((p.Parameter, expected))).SquaredNorm();
                    delta += c.Eta * 4 * (lipschitz * delta + b * Math.Sqrt(gNorm)) / gMin + b * (expected.FrobeniusNorm() + c.Eta * Math.Sqrt(x.Length));
                    for (int i = 0; i < x.Length; i++) x[i] -= c.Eta * ScalarSign(p, x[i], i, targets[i]);
                }
            })) with
        {
            Subject = subject.Name
                + (initNoise > 0 ? $" (init noise {R(initNoise)})" : "") + (iclTarget is null ? "" : " (ICL target replaced)"),
        };
    }

    /// <summary>The sheet's scalar maps: MF sign((u² − λ)u), ICL sign(q − q*) with q* = 1/s (= sign(sq − 1)), quadratic sign(w).</summary>
    private static int ScalarSign(AlignedProblem p, double x, int i, double target) => p.Setting switch
    {
        SpectralSetting.SymmetricMatrixFactorization => Math.Sign((x * x - p.Spectrum[i]) * x),
        SpectralSetting.InContextRegression => Math.Sign(x - target),
        _ => Math.Sign(x),
    };
}

/// <summary>One C2 draw: setting, dimension d, rank r, constant step η, seed (the problem is rebuilt from these).</summary>
public sealed record DecouplingCase(SpectralSetting Setting, int Dim, int Rank, double Eta, ulong Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Setting} d={Dim} r={Rank} η={R(Eta)} seed={Seed}";
}
