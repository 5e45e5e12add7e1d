using Muon.Verification.Experiments;

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
                null, modes, ["matrix-factorization/mode-timing"]));
        }
        progress?.Invoke("conserved quantities");
        var conserved = CanonicalExperiments.ConservedQuantities();
        figures.Add(new Figure("mf-conserved-quantities.svg",
            new ChartSpec("Δ₁ = √(PᵀP) − √(QᵀQ) and Δ₂ = PᵀP − QᵀQ along a run", "step t", "Frobenius norm",
                conserved.Series.Where(s => s.Name.Contains('Δ', StringComparison.Ordinal)).ToArray(), LogY: true),
            null, conserved, ["matrix-factorization/approximate-conservation"]));
        progress?.Invoke("grid confinement");
        var grid = CanonicalExperiments.GridConfinement();
        double floor = grid.Series.Single(s => s.Name == "loss floor").Y[0];
        figures.Add(new Figure("quadratic-grid-confinement.svg",
            new ChartSpec("Fixed-step exact-polar Muon on ½‖W‖²: the loss never goes below the grid floor", "step t", "loss",
                grid.Series.Where(s => s.Name == "loss").ToArray(), LogY: true)
            { References = [new ReferenceCurve("floor ½Σ dist(sᵢ(0), aℤ)²", _ => floor)] },
            null, grid, ["quadratics/grid-confinement"]));
        return figures;
    }
}
