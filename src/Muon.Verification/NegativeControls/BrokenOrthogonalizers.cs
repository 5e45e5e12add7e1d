using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// Deliberately broken orthogonalizers: the negative controls of the laws and the defects seen in public
/// implementations. <see cref="ControlTable"/> says which law or property must catch each. Never use them for anything else.
/// </summary>
public static class BrokenOrthogonalizers
{
    /// <summary>Entrywise sign(G): odd, transpose-equivariant and scale-invariant, but not orthogonally equivariant.</summary>
    public static IOrthogonalizer ElementwiseSign { get; } = new NamedOrthogonalizer("broken:elementwise-sign", g => g.Map(x => (double)Math.Sign(x)));

    /// <summary>G/‖G‖_F (plain normalization, no orthogonalization): passes every symmetry law, fails the spectral ones.</summary>
    public static IOrthogonalizer FrobeniusNormalized { get; } = new NamedOrthogonalizer("broken:frobenius-normalized", g =>
    {
        double n = g.FrobeniusNorm();
        return n == 0 ? g.Clone() : g / n;
    });

    /// <summary>The polar factor transposed (square inputs only make sense; other shapes come back with the wrong shape).</summary>
    public static IOrthogonalizer TransposedResult { get; } = new NamedOrthogonalizer("broken:transposed-result", g => ExactPolar.Default.Orthogonalize(g).Transpose());

    /// <summary><c>U Vᵀ</c> with no threshold: round-off directions of a rank-deficient G become unit singular values.</summary>
    public static IOrthogonalizer UnthresholdedPolar { get; } = new NamedOrthogonalizer("broken:unthresholded-polar", g =>
    {
        var svd = ThinSvd.Of(g);
        return svd.S[0] == 0 ? Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount) : svd.Reconstruct(_ => 1.0);
    });

    /// <summary>polar(|G|) entrywise: an even map, so O(−G) = O(G).</summary>
    public static IOrthogonalizer EvenPolar { get; } = new NamedOrthogonalizer("broken:even-polar", g => ExactPolar.Default.Orthogonalize(g.PointwiseAbs()));

    /// <summary>Row-normalized G: treats rows and columns differently, so it is not transpose-equivariant.</summary>
    public static IOrthogonalizer RowNormalized { get; } = new NamedOrthogonalizer("broken:row-normalized", g =>
    {
        var r = g.Clone();
        for (int i = 0; i < r.RowCount; i++)
        {
            double n = r.Row(i).L2Norm();
            if (n > 0) r.SetRow(i, r.Row(i) / n);
        }
        return r;
    });

    /// <summary>Orthogonalization skipped: O(G) = G (the optimizer degenerates to SGD). Not scale-invariant.</summary>
    public static IOrthogonalizer Identity { get; } = new NamedOrthogonalizer("broken:identity", g => g.Clone());

    /// <summary>Keller's quintic with eps = 1e-3 in the normalizer: fine at unit scale, wrong at 1e-6.</summary>
    public static IOrthogonalizer QuinticWithLargeEps { get; } = new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5, eps: 1e-3);

    /// <summary>Newton–Schulz that multiplies by 1/‖G‖_F with no zero check: 0·∞ = NaN on a zero gradient.</summary>
    public static IOrthogonalizer NaiveNormalization { get; } = new NamedOrthogonalizer("broken:naive-normalization", g =>
    {
        var x = g * (1.0 / g.FrobeniusNorm());
        for (int k = 0; k < 5; k++)
        {
            var a = x * x.Transpose();
            x = 3.4445 * x + (-4.7750 * a + 2.0315 * (a * a)) * x;
        }
        return x;
    });

    /// <summary>Keller's quintic run for 4 steps while 5 are declared (a wrong step count or extension rule).</summary>
    public static IOrthogonalizer QuinticOneStepShort { get; } = NamedOrthogonalizer.Renamed("broken:quintic-4-steps", NewtonSchulz.KellerQuintic(4));

    /// <summary>
    /// Polar factor from the Gram eigen-decomposition alone, G·V Λ^{−1/2} Vᵀ, with neither the refinement nor the
    /// Sylvester correction of the fast exact polar: its error grows as u·κ² instead of u·κ.
    /// </summary>
    public static IOrthogonalizer GramUnrefined { get; } = new NamedOrthogonalizer("broken:gram-unrefined", g =>
        g.RowCount < g.ColumnCount ? UnrefinedTall(g.Transpose()).Transpose() : UnrefinedTall(g));

    private static Matrix<double> UnrefinedTall(Matrix<double> g)
    {
        var evd = g.TransposeThisAndMultiply(g).Evd(Symmetricity.Symmetric); // the smaller (k×k) Gram
        var v = evd.EigenVectors;
        var scaled = v.Clone();
        for (int j = 0; j < v.ColumnCount; j++)
            scaled.SetColumn(j, v.Column(j) / Math.Sqrt(Math.Max(evd.EigenValues[j].Real, double.Epsilon)));
        return g * scaled * v.Transpose();
    }

    /// <summary>Keller's quintic iterated on G itself, with no Frobenius normalization (diverges for large ‖G‖, vanishes for small).</summary>
    public static IOrthogonalizer UnnormalizedQuintic { get; } = new NamedOrthogonalizer("broken:unnormalized-quintic", g =>
    {
        bool tall = g.RowCount > g.ColumnCount;
        var x = tall ? g.Transpose() : g.Clone();
        for (int k = 0; k < 5; k++)
        {
            var a = x * x.Transpose();
            x = 3.4445 * x + (-4.7750 * a + 2.0315 * (a * a)) * x;
        }
        return tall ? x.Transpose() : x;
    });

    /// <summary>Keller's quintic with a mistyped coefficient (c = 2.315 instead of 2.0315).</summary>
    public static IOrthogonalizer MistypedQuintic { get; } = NamedOrthogonalizer.Renamed("broken:mistyped-quintic",
        new NewtonSchulz(new CoefficientSchedule("keller-typo", [new(3.4445, -4.7750, 2.315)], ScheduleExtension.RepeatLast), 5));

    /// <summary>Polar Express without its 1.01 input cushion (the input divided by ‖G‖_F instead of 1.01·‖G‖_F).</summary>
    public static IOrthogonalizer PolarExpressWithoutCushion { get; } = NamedOrthogonalizer.Renamed("broken:polar-express-no-cushion",
        new NewtonSchulz(CoefficientSchedule.PolarExpress with { InputCushion = 1.0 }, 8));

    /// <summary>You/Cesista's 5-step schedule cycled from the start when run for 7 steps instead of repeating its last step.</summary>
    public static IOrthogonalizer You7Cycled { get; } = NamedOrthogonalizer.Renamed("broken:you-7-cycled",
        new NewtonSchulz(CoefficientSchedule.You5 with { Extension = ScheduleExtension.Cycle }, 7));

    /// <summary>−polar(G): the update's sign flipped (an ascent step). Odd, equivariant, scale-invariant, |σ| = 1.</summary>
    public static IOrthogonalizer NegatedPolar { get; } = new NamedOrthogonalizer("broken:negated-polar", g => -ExactPolar.Default.Orthogonalize(g));

    /// <summary>All broken orthogonalizers, for catalogues, reports and <c>muon-verify serve</c>.</summary>
    public static IReadOnlyList<IOrthogonalizer> All { get; } =
    [
        ElementwiseSign, FrobeniusNormalized, TransposedResult, UnthresholdedPolar, EvenPolar, RowNormalized, Identity,
        QuinticWithLargeEps, NaiveNormalization, QuinticOneStepShort,
        UnnormalizedQuintic, MistypedQuintic, PolarExpressWithoutCushion, You7Cycled, NegatedPolar,
    ];
}
