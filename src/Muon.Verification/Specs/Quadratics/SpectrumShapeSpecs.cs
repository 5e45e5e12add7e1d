using FsCheck.Fluent;
using Muon.Reference.Numerics;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Statistics;
using static Muon.Verification.Harness.Formatting;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>How much of B4 to run.</summary>
public enum SpectrumShapeScale
{
    /// <summary>CI: 6 families (max/min-spiked, uniform, geometric, u-shaped, log-uniform), 5 inits each, 4 seeds;
    /// each claim must hold in ≥ 50% of seeds at 90% (4/4 gives a lower bound 0.56).</summary>
    Reduced,
    /// <summary>The sheet's run on MUON_VERIFY_DEPTH=deep: all 8 families, 7 inits, 20 seeds; each claim in ≥ 75% of
    /// seeds at 90% (20/20 → 0.89, 19/20 → 0.82).</summary>
    Full,
}

/// <summary>
/// B4 — spectrum shape, not only κ (Gonon–Muşat–Boumal 2602.11948; quadratics sheet B4):
/// <c>L = ½⟨W − W*, A(W − W*)⟩</c>, n = 16, κ = 1e4 (λ_max = 10, λ_min = 1e-3 forced), T = 500, lr grids GD {0.1},
/// Muon {5e-3, 1e-2} (the sheet's argmax everywhere), best lr per init by final loss, score = median over inits of
/// log10(L_T/L₀), spread = max − min over families. Claims per seed: spread_subject &lt; spread_GD,
/// spread_GD &gt; 2 (orders of magnitude), spread_subject &lt; 1. The last is what separates orthogonalization from plain
/// normalization: G/‖G‖_F passes the first two and fails it. Slow (seconds per seed): the CI run is
/// <see cref="SpectrumShapeScale.Reduced"/>.
/// </summary>
public static class SpectrumShapeSpecs
{
    private static readonly SpectrumFamily[] ReducedFamilies =
    [
        SpectrumFamily.MaxSpiked, SpectrumFamily.MinSpiked, SpectrumFamily.Uniform,
        SpectrumFamily.Geometric, SpectrumFamily.UShaped, SpectrumFamily.LogUniform,
    ];

    /// <summary>The spread claims for <paramref name="subject"/> (an orthogonalized optimizer) against <paramref name="gd"/>.</summary>
    public static PropertySpec FamilySpread(OptimizerSubject subject, OptimizerSubject gd, SpectrumShapeScale scale)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(gd);
        bool full = scale == SpectrumShapeScale.Full;
        var families = full ? Enum.GetValues<SpectrumFamily>() : ReducedFamilies;
        int inits = full ? 7 : 5, seeds = full ? 20 : 4;
        double claimed = full ? 0.75 : 0.5;
        const double confidence = 0.9;
        return new PropertySpec(
            full ? "b4/family-spread-full" : "b4/family-spread",
            "Muon's score varies little across spectrum families (< 1 order), GD's by > 2 orders, and Muon's spread is below GD's.",
            "quadratics sheet B4 (Gonon–Muşat–Boumal 2602.11948)",
            $"rates over {seeds} seeds: 90% Clopper–Pearson lower bound ≥ {claimed} for each claim (scores are medians over {inits} inits)",
            1,
            () => Prop.ForAll(FsCheck.Fluent.Arb.From(MatrixGenerators.Seed()), seed =>
            {
                var rng = new Rng(seed);
                int below = 0, gdWide = 0, narrow = 0;
                var log = new List<string>();
                for (int s = 0; s < seeds; s++)
                {
                    var scores = SpectrumShapeRun.Scores([(subject, [5e-3, 1e-2]), (gd, [0.1])], families, 16, inits, 500, rng.NextUInt64());
                    double sub = SpectrumShapeRun.Spread(scores[0]), g = SpectrumShapeRun.Spread(scores[1]);
                    if (sub < g) below++;
                    if (g > 2) gdWide++;
                    if (sub < 1) narrow++;
                    log.Add($"[{Short(sub)} vs {Short(g)}]");
                }
                string ctx = $"batch seed {seed}; spreads (subject vs GD) per seed {string.Join(" ", log)}; families {string.Join(", ", families)}";
                StatAssert.RateAtLeast("spread_subject < spread_GD", below, seeds, claimed, ctx, confidence);
                StatAssert.RateAtLeast("spread_GD > 2", gdWide, seeds, claimed, ctx, confidence);
                StatAssert.RateAtLeast("spread_subject < 1", narrow, seeds, claimed, ctx, confidence);
            })) with { Subject = subject.Name };
    }
}
