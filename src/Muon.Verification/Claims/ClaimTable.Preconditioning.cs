using Muon.Verification.Specs.Preconditioning;
using Scope = Muon.Verification.Claims.OrthogonalizerScope;
using static Muon.Verification.Harness.Formatting;
using Muon.Verification.Subjects;

namespace Muon.Verification.Claims;

public static partial class ClaimTable
{
    private static readonly OptimizerSubject CMuon = OptimizerSubject.Muon();
    private static readonly OptimizerSubject CGd = OptimizerSubject.GradientDescent;

    /// <summary>The preconditioning claims (theory sheet preconditioning.md, C1–C3; adopted reconstructions).</summary>
    public static IReadOnlyList<Claim> Preconditioning { get; } =
    [
        new("c1/kappa-free", Paper.Preconditioning, "C1",
            "On symmetric matrix factorization, annealed Muon converges linearly in a κ-independent number of iterations; GD's count grows with κ.",
            [
                Run(() => KappaFreeSpecs.MuonIterationsKappaFree(CMuon)),
                Run(() => KappaFreeSpecs.GdIterationsGrowWithKappa(CGd)),
            ], Scope.ExactPolar, Precisions.Float64)
        {
            Figures = ["preconditioning-iterations-vs-kappa.svg"],
            Dynamics = [new("dynamics/c1-kappa-free-convergence", s => KappaFreeSpecs.MuonIterationsKappaFree(s.Muon), 3, NotExact)
            {
                OutOfPrecision = (dtype, u) => $"declared dtype {dtype}: the convergence target ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F is within ≈ {Short(1e-6 / u)}u of {dtype} round-off, so missing it does not show a κ-dependence (the spec has no round-off term to scale).",
            }],
        },
        new("c2/decoupling", Paper.Preconditioning, "C2",
            "From an aligned init, Muon decouples into scalar sign recursions, one per singular value (symmetric MF, in-context regression, quadratic).",
            [
                Run(() => SpectralDecouplingSpecs.Decoupling(CMuon, SpectralSetting.SymmetricMatrixFactorization)),
                Run(() => SpectralDecouplingSpecs.Decoupling(CMuon, SpectralSetting.InContextRegression)),
                Run(() => SpectralDecouplingSpecs.Decoupling(CMuon, SpectralSetting.Quadratic)),
            ], Scope.ExactPolar, Precisions.Float64),
        new("c3/in-context-regression", Paper.Preconditioning, "C3",
            "On in-context linear regression, annealed Muon needs O(log κ) iterations, GD more than κ³.",
            [
                Run(() => InContextRegressionSpecs.MuonLogKappa(CMuon)),
                Run(() => InContextRegressionSpecs.GdPolyKappa(CGd)),
            ], Scope.ExactPolar, Precisions.Float64),
    ];
}
