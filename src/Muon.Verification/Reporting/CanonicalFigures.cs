using Muon.Verification.Claims;
using Muon.Verification.Harness;

namespace Muon.Verification.Reporting;

/// <summary>The report's figures, built from <see cref="CanonicalExperiments"/>.</summary>
public static class CanonicalFigures
{
    /// <summary>Every figure, computing each experiment once; <paramref name="progress"/> gets one call per experiment.</summary>
    public static IReadOnlyList<Figure> All(Action<string>? progress = null)
    {
        var figures = new List<Figure>();
        progress?.Invoke("mode learning (m = n = d = 32)");
        var modes = CanonicalExperiments.MatrixFactorizationModes();
        foreach (var opt in new[] { "gd", "muon" })
        {
            figures.Add(new Figure($"mf-mode-learning-{opt}.svg",
                new ChartSpec($"Mode learning under {(opt == "gd" ? "gradient descent" : "Muon")} (M* = diag(10/k))", "step t", "uₖᵀPQᵀvₖ / sₖ",
                    modes.Series.Where(s => s.Name.StartsWith(opt + " ", StringComparison.Ordinal)).Select(s => s with { Name = s.Name[(opt.Length + 1)..] }).ToArray()),
                null, modes, Checks($"mf-mode-learning-{opt}.svg")));
        }
        progress?.Invoke("conserved quantities");
        var conserved = CanonicalExperiments.ConservedQuantities();
        figures.Add(new Figure("mf-conserved-quantities.svg",
            new ChartSpec("Δ₁ = √(PᵀP) − √(QᵀQ) and Δ₂ = PᵀP − QᵀQ along a run", "step t", "Frobenius norm",
                conserved.Series.Where(s => s.Name.Contains('Δ', StringComparison.Ordinal)).ToArray(), LogY: true),
            null, conserved, Checks("mf-conserved-quantities.svg")));
        progress?.Invoke("grid confinement");
        var grid = CanonicalExperiments.GridConfinement();
        double floor = grid.Series.Single(s => s.Name == "loss floor").Y[0];
        figures.Add(new Figure("quadratic-grid-confinement.svg",
            new ChartSpec("Fixed-step exact-polar Muon on ½‖W‖²: the loss never goes below the grid floor", "step t", "loss",
                grid.Series.Where(s => s.Name == "loss").ToArray(), LogY: true)
            { References = [new ReferenceCurve("floor ½Σ dist(sᵢ(0), aℤ)²", _ => floor)] },
            null, grid, Checks("quadratic-grid-confinement.svg")));
        progress?.Invoke("two-step alignment (m = n = d = 25)");
        var twoStep = CanonicalExperiments.TwoStepAlignment();
        double muBound = 1.82e-4;
        figures.Add(new Figure("mf-two-step-alignment.svg",
            new ChartSpec("Two-step schedule: misalignment μ_out per step", "step t", "μ_out",
                twoStep.Series.Where(s => s.Name.StartsWith("μ_out", StringComparison.Ordinal)).Select(s => s with { Name = s.Name[(s.Name.IndexOf(": ", StringComparison.Ordinal) + 2)..] }).ToArray(), LogY: true)
            { References = [new ReferenceCurve("bound 1.82·α/√s₁", _ => muBound)] },
            null, twoStep, Checks("mf-two-step-alignment.svg")));
        figures.Add(new Figure("mf-two-step-loss.svg",
            new ChartSpec("Two-step schedule: relative loss per step", "step t", "L/L₀",
                twoStep.Series.Where(s => s.Name.StartsWith("L/L₀", StringComparison.Ordinal)).Select(s => s with { Name = s.Name[(s.Name.IndexOf(": ", StringComparison.Ordinal) + 2)..] }).ToArray(), LogY: true),
            null, twoStep, Checks("mf-two-step-loss.svg")));
        progress?.Invoke("rank-1 alignment");
        var rankOne = CanonicalExperiments.RankOneAlignment();
        var muonRankOne = rankOne.Series[0];
        int at = Enumerable.Range(0, muonRankOne.X.Count).First(i => muonRankOne.X[i] >= 10);
        double anchor = muonRankOne.Y[at] * Math.Pow(muonRankOne.X[at], 4);
        figures.Add(new Figure("mf-rank-one-alignment.svg",
            new ChartSpec("Alignment of rank-1 factors: Muon ~ t⁻⁴", "step t", "1 − cos²θ", rankOne.Series, LogX: true, LogY: true)
            { References = [new ReferenceCurve("c·t⁻⁴", t => anchor * Math.Pow(t, -4))] },
            null, rankOne, Checks("mf-rank-one-alignment.svg")));
        progress?.Invoke("sharpness threshold sweep");
        var sharp = CanonicalExperiments.SharpnessThreshold();
        figures.Add(new Figure("mf-sharpness-threshold.svg",
            new ChartSpec("Loss after 3000 steps against the step size c = η·s₁", "c = η·s₁ (GD threshold at 1)", "L/L₀", sharp.Series, LogX: true, LogY: true),
            null, sharp, Checks("mf-sharpness-threshold.svg")));
        progress?.Invoke("noisy sign dynamics (25 σ × 1000 paths)");
        var hitting = CanonicalExperiments.NoisySignHittingTimes();
        figures.Add(new Figure("quadratic-noisy-sign-hitting-time.svg",
            new ChartSpec("Noisy sign dynamics: median hitting time against the noise level", "σ", "median hitting time (cap 1000)", hitting.Series, LogX: true, LogY: true),
            null, hitting, Checks("quadratic-noisy-sign-hitting-time.svg")));
        progress?.Invoke("spectrum families (8 families × 5 inits × 3 optimizers)");
        var families = CanonicalExperiments.SpectrumFamilyScores();
        var familyNames = Enum.GetNames<Specs.Quadratics.SpectrumFamily>();
        figures.Add(new Figure("quadratic-spectrum-families.svg", null,
            SvgChart.Bars("Score per spectrum family at κ = 1e4 (lower is better)", "median log10(L_T/L₀)", familyNames,
                families.Series.Select(s => (s.Name, s.Y)).ToArray()),
            families, Checks("quadratic-spectrum-families.svg")));
        progress?.Invoke("iterations vs κ (symmetric MF)");
        var kappa = CanonicalExperiments.IterationsVersusKappa();
        figures.Add(new Figure("preconditioning-iterations-vs-kappa.svg",
            new ChartSpec("Iterations to 1e-6 relative error against κ (symmetric MF)", "κ", "iterations", kappa.Series, LogX: true, LogY: true),
            null, kappa, Checks("preconditioning-iterations-vs-kappa.svg")));
        return figures;
    }

    /// <summary>The specs the claim table runs under <paramref name="figure"/> (each spec under one figure only).</summary>
    private static IReadOnlyList<PropertySpec> Checks(string figure) => ClaimTable.ChecksFor(figure);
}
