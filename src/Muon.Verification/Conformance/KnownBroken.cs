using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.NegativeControls;

namespace Muon.Verification.Conformance;

/// <summary>
/// The known-broken catalogue of the conformance oracle (orthogonalizer level): the negative controls of
/// <see cref="BrokenOrthogonalizers"/> plus defects seen in public implementations, each with the property
/// that must catch it over the protocol. Never use these for anything else.
/// </summary>
public static class KnownBroken
{
    /// <summary>Keller's quintic iterated on G itself, with no Frobenius normalization (diverges for large ‖G‖, vanishes for small).</summary>
    public static IOrthogonalizer UnnormalizedQuintic { get; } = new Lambda("broken:unnormalized-quintic", g =>
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
    public static IOrthogonalizer MistypedQuintic { get; } = new Renamed("broken:mistyped-quintic",
        new NewtonSchulz(new CoefficientSchedule("keller-typo", [new(3.4445, -4.7750, 2.315)], ScheduleExtension.RepeatLast), 5));

    /// <summary>Polar Express without its 1.01 input cushion (the input divided by ‖G‖_F instead of 1.01·‖G‖_F).</summary>
    public static IOrthogonalizer PolarExpressWithoutCushion { get; } = new Renamed("broken:polar-express-no-cushion",
        new NewtonSchulz(CoefficientSchedule.PolarExpress with { InputCushion = 1.0 }, 8));

    /// <summary>You/Cesista's 5-step schedule cycled from the start when run for 7 steps instead of repeating its last step.</summary>
    public static IOrthogonalizer You7Cycled { get; } = new Renamed("broken:you-7-cycled",
        new NewtonSchulz(CoefficientSchedule.You5 with { Extension = ScheduleExtension.Cycle }, 7));

    /// <summary>−polar(G): the update's sign flipped (an ascent step). Odd, equivariant, scale-invariant, |σ| = 1.</summary>
    public static IOrthogonalizer NegatedPolar { get; } = new Lambda("broken:negated-polar", g => -ExactPolar.Default.Orthogonalize(g));

    /// <summary>The new broken implementations (beyond <see cref="BrokenOrthogonalizers.All"/>).</summary>
    public static IReadOnlyList<IOrthogonalizer> Extra { get; } = [UnnormalizedQuintic, MistypedQuintic, PolarExpressWithoutCushion, You7Cycled, NegatedPolar];

    /// <summary>
    /// The optimizer-level catalogue: each <see cref="BrokenMuonOptimizer"/> defect (around the exact polar,
    /// declaring EMA momentum, √max(1, rows/cols) scale and decoupled weight decay) and the property that must FAIL.
    /// </summary>
    public static IReadOnlyList<(OptimizerDefect Defect, string DefectClass, string FailingProperty)> OptimizerCatalogue { get; } =
    [
        (OptimizerDefect.OrthogonalizesRawGradient, "the raw gradient orthogonalized instead of the momentum", "optimizer/reference-trajectory"),
        (OptimizerDefect.MomentumAfterOrthogonalization, "momentum applied after orthogonalization", "optimizer/reference-trajectory"),
        (OptimizerDefect.NesterovIgnored, "Nesterov flag ignored", "optimizer/reference-trajectory"),
        (OptimizerDefect.MissingShapeScale, "declared shape scale missing", "optimizer/shape-scale"),
        (OptimizerDefect.WrongAxisShapeScale, "shape scale on the wrong axis (in/out swapped)", "optimizer/shape-scale"),
        (OptimizerDefect.WeightDecayNotApplied, "weight decay silently not applied", "optimizer/zero-gradient-weight-decay"),
        (OptimizerDefect.WeightDecayWrongLr, "weight decay multiplied by the wrong learning rate", "optimizer/zero-gradient-weight-decay"),
        (OptimizerDefect.NaNOnZeroGradient, "NaN on a zero gradient", "optimizer/zero-gradient-weight-decay"),
        (OptimizerDefect.SkipsLaterParameters, "parameters silently skipped", "optimizer/parameter-independence"),
        (OptimizerDefect.SharedMomentumBuffer, "momentum buffer shared between parameters", "optimizer/parameter-independence"),
        (OptimizerDefect.Nondeterministic, "run-to-run nondeterminism", "optimizer/determinism"),
        (OptimizerDefect.LearningRateSquared, "learning rate applied twice (η²)", "optimizer/linearity-in-lr"),
    ];

    /// <summary>The catalogue: every entry must FAIL its property when checked over the protocol.</summary>
    public static IReadOnlyList<KnownBrokenEntry> Catalogue { get; } = Build();

    private static KnownBrokenEntry[] Build()
    {
        var exact = ExactPolar.Default;
        var keller = NewtonSchulz.KellerQuintic();
        var you7 = new NewtonSchulz(CoefficientSchedule.You5, 7);
        return
        [
            new(BrokenOrthogonalizers.Identity, null, "orthogonalization silently skipped (optimizer degenerates to SGD)", "orthogonalizer/orthogonalized-band"),
            new(BrokenOrthogonalizers.Identity, keller, "orthogonalization skipped behind a declared schedule", "orthogonalizer/positive-scale-invariance"),
            new(BrokenOrthogonalizers.FrobeniusNormalized, null, "plain normalization G/‖G‖_F instead of orthogonalization", "orthogonalizer/orthogonalized-band"),
            new(BrokenOrthogonalizers.FrobeniusNormalized, exact, "plain normalization declared as exact polar", "exact-polar/partial-isometry"),
            new(BrokenOrthogonalizers.NaiveNormalization, keller, "NaN / error on a zero gradient (0/0 normalization)", "orthogonalizer/zero-in-zero-out"),
            new(UnnormalizedQuintic, keller, "missing normalization before the iteration", "orthogonalizer/positive-scale-invariance"),
            new(BrokenOrthogonalizers.QuinticWithLargeEps, keller, "eps in the normalizer too large (scale-dependent output)", "orthogonalizer/positive-scale-invariance"),
            new(MistypedQuintic, keller, "coefficient table with a wrong value", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.QuinticOneStepShort, keller, "wrong step count", "orthogonalizer/spectral-map"),
            new(You7Cycled, you7, "wrong step-extension rule (cycle instead of repeat-last)", "orthogonalizer/spectral-map"),
            new(PolarExpressWithoutCushion, NewtonSchulz.PolarExpress(), "missing input cushion (declared c = 1.01, input divided by ‖G‖_F only)", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.TransposedResult, exact, "missing reshape back to the parameter's shape", "orthogonalizer/zero-in-zero-out"),
            new(BrokenOrthogonalizers.UnthresholdedPolar, exact, "unthresholded U Vᵀ on rank-deficient inputs", "exact-polar/rank-preservation"),
            new(BrokenOrthogonalizers.ElementwiseSign, null, "entrywise sign instead of a matrix function", "orthogonalizer/left-orthogonal-equivariance"),
            new(BrokenOrthogonalizers.EvenPolar, exact, "even map (sign lost)", "orthogonalizer/odd-symmetry"),
            new(BrokenOrthogonalizers.RowNormalized, null, "row normalization (wrong axis)", "orthogonalizer/transpose-equivariance"),
            new(NegatedPolar, null, "update sign flipped (ascent step)", "orthogonalizer/descent-direction"),
        ];
    }

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
