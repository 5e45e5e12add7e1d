using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// Deliberately broken orthogonalizers. Each exists to show that some law can fail: the properties project
/// runs the laws against these and asserts a FAIL. Never use them for anything else.
/// </summary>
public static class BrokenOrthogonalizers
{
    /// <summary>Entrywise sign(G): odd, transpose-equivariant and scale-invariant, but not orthogonally equivariant.</summary>
    public static IOrthogonalizer ElementwiseSign { get; } = new Lambda("broken:elementwise-sign", g => g.Map(x => (double)Math.Sign(x)));

    /// <summary>G/‖G‖_F (plain normalization, no orthogonalization): passes every symmetry law, fails the spectral ones.</summary>
    public static IOrthogonalizer FrobeniusNormalized { get; } = new Lambda("broken:frobenius-normalized", g =>
    {
        double n = g.FrobeniusNorm();
        return n == 0 ? g.Clone() : g / n;
    });

    /// <summary>The polar factor transposed (square inputs only make sense; other shapes come back with the wrong shape).</summary>
    public static IOrthogonalizer TransposedResult { get; } = new Lambda("broken:transposed-result", g => ExactPolar.Default.Orthogonalize(g).Transpose());

    /// <summary><c>U Vᵀ</c> with no threshold: round-off directions of a rank-deficient G become unit singular values.</summary>
    public static IOrthogonalizer UnthresholdedPolar { get; } = new Lambda("broken:unthresholded-polar", g =>
    {
        var svd = ThinSvd.Of(g);
        return svd.S[0] == 0 ? Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount) : svd.Reconstruct(_ => 1.0);
    });

    /// <summary>polar(|G|) entrywise: an even map, so O(−G) = O(G).</summary>
    public static IOrthogonalizer EvenPolar { get; } = new Lambda("broken:even-polar", g => ExactPolar.Default.Orthogonalize(g.PointwiseAbs()));

    /// <summary>Row-normalized G: treats rows and columns differently, so it is not transpose-equivariant.</summary>
    public static IOrthogonalizer RowNormalized { get; } = new Lambda("broken:row-normalized", g =>
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
    public static IOrthogonalizer Identity { get; } = new Lambda("broken:identity", g => g.Clone());

    /// <summary>Keller's quintic with eps = 1e-3 in the normalizer: fine at unit scale, wrong at 1e-6.</summary>
    public static IOrthogonalizer QuinticWithLargeEps { get; } = new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5, eps: 1e-3);

    /// <summary>Newton–Schulz that multiplies by 1/‖G‖_F with no zero check: 0·∞ = NaN on a zero gradient.</summary>
    public static IOrthogonalizer NaiveNormalization { get; } = new Lambda("broken:naive-normalization", g =>
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
    public static IOrthogonalizer QuinticOneStepShort { get; } = new Renamed("broken:quintic-4-steps", NewtonSchulz.KellerQuintic(4));

    /// <summary>
    /// Polar factor from the Gram eigen-decomposition alone, G·V Λ^{−1/2} Vᵀ, with neither the refinement nor the
    /// Sylvester correction of the fast exact polar: its error grows as u·κ² instead of u·κ.
    /// </summary>
    public static IOrthogonalizer GramUnrefined { get; } = new Lambda("broken:gram-unrefined", g =>
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

    /// <summary>All negative controls, for catalogues and reports.</summary>
    public static IReadOnlyList<IOrthogonalizer> All { get; } =
    [
        ElementwiseSign, FrobeniusNormalized, TransposedResult, UnthresholdedPolar, EvenPolar, RowNormalized, Identity,
        QuinticWithLargeEps, NaiveNormalization, QuinticOneStepShort,
    ];

    private sealed class Lambda(string name, Func<Matrix<double>, Matrix<double>> f) : IOrthogonalizer
    {
        public string Name => name;

        public Matrix<double> Orthogonalize(Matrix<double> g) => f(g);
    }

    private sealed class Renamed(string name, IOrthogonalizer inner) : IOrthogonalizer
    {
        public string Name => name;

        public Matrix<double> Orthogonalize(Matrix<double> g) => inner.Orthogonalize(g);
    }
}
