using Muon.Reference.Orthogonalizers;
using Muon.Verification.Specs.Preconditioning;
using Setting = Muon.Verification.Specs.Preconditioning.SpectralSetting;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

public static partial class ControlTable
{
    /// <summary>The preconditioning controls (theory sheet C1–C3): a fixed step, a too-small budget, a hidden decay, a non-aligned init, the GD map, Newton–Schulz, a wrong target.</summary>
    public static IReadOnlyList<Control> Preconditioning { get; } =
    [
        new("C1 κ-free with a fixed step", "c1/muon-kappa-free-iterations", () => KappaFreeSpecs.MuonIterationsKappaFree(BrokenSubjects.FixedStep(OptimizerSubject.ReferenceMuon))),
        // η₀/(1 − ρ) = 0.2·0.2/(1 − ρ) ∈ [0.4, 0.8] < √λ_max = 1 for ρ ∈ [0.9, 0.95].
        new("C1 κ-free with a too-small budget (step × 0.2)", "c1/muon-kappa-free-iterations", () => KappaFreeSpecs.MuonIterationsKappaFree(BrokenSubjects.ScaledStep(OptimizerSubject.ReferenceMuon, 0.2))),
        // Constant lr secretly decayed by 0.9ᵗ: a fast (preconditioned) method the claim must reject.
        new("C1 GD slowness claimed for Muon with a hidden decay 0.9ᵗ", "c1/gd-iterations-grow-with-kappa", () => KappaFreeSpecs.GdIterationsGrowWithKappa(BrokenSubjects.HiddenDecay(OptimizerSubject.ReferenceMuon, 0.9))),
        .. Decoupling(Setting.SymmetricMatrixFactorization, "c2/decoupling-symmetric-mf"),
        .. Decoupling(Setting.InContextRegression, "c2/decoupling-in-context-regression"),
        .. Decoupling(Setting.Quadratic, "c2/decoupling-quadratic"),
        new("C2 the wrong in-context target 1/s²", "c2/decoupling-in-context-regression", () => SpectralDecouplingSpecs.Decoupling(OptimizerSubject.ReferenceMuon, Setting.InContextRegression, iclTarget: BrokenClaims.IclTargetInverseSquare)),
        new("C3 log κ with a fixed step", "c3/muon-log-kappa", () => InContextRegressionSpecs.MuonLogKappa(BrokenSubjects.FixedStep(OptimizerSubject.ReferenceMuon))),
        // η₀/(1 − ρ) = 0.4·2κ(1 − ρ)/(1 − ρ) = 0.8κ < 1/s_min = κ.
        new("C3 log κ with a too-small budget (step × 0.4)", "c3/muon-log-kappa", () => InContextRegressionSpecs.MuonLogKappa(BrokenSubjects.ScaledStep(OptimizerSubject.ReferenceMuon, 0.4))),
        // Constant lr secretly decayed by 0.95ᵗ: budget 0.9/0.05 = 18 ≥ κ = 10, a fast method the claim must reject.
        new("C3 GD poly-κ claimed for Muon with a hidden decay 0.95ᵗ", "c3/gd-poly-kappa", () => InContextRegressionSpecs.GdPolyKappa(BrokenSubjects.HiddenDecay(OptimizerSubject.ReferenceMuon, 0.95))),
    ];

    private static Control[] Decoupling(Setting setting, string id) =>
    [
        new($"C2 {setting}: non-aligned init (noise 1e-3)", id, () => SpectralDecouplingSpecs.Decoupling(OptimizerSubject.ReferenceMuon, setting, initNoise: 1e-3)),
        new($"C2 {setting}: the GD map", id, () => SpectralDecouplingSpecs.Decoupling(OptimizerSubject.GradientDescent, setting)),
        new($"C2 {setting}: quintic Newton–Schulz", id, () => SpectralDecouplingSpecs.Decoupling(OptimizerSubject.Muon(NewtonSchulz.KellerQuintic()), setting)),
    ];
}
