using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.NegativeControls;

public static partial class ControlTable
{
    /// <summary>
    /// The optimizer-level catalogue: each <see cref="BrokenMuonOptimizer"/> defect (around the exact polar,
    /// declaring EMA momentum, √max(1, rows/cols) scale and decoupled weight decay) and the property that must FAIL.
    /// </summary>
    public static IReadOnlyList<(OptimizerDefect Defect, string DefectClass, string FailingProperty)> ProtocolOptimizers { get; } =
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

    /// <summary>The known-broken orthogonalizers over the protocol: every entry must FAIL its property when checked as declared.</summary>
    public static IReadOnlyList<KnownBrokenEntry> ProtocolOrthogonalizers { get; } = BuildProtocolOrthogonalizers();

    private static KnownBrokenEntry[] BuildProtocolOrthogonalizers()
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
            new(BrokenOrthogonalizers.UnnormalizedQuintic, keller, "missing normalization before the iteration", "orthogonalizer/positive-scale-invariance"),
            new(BrokenOrthogonalizers.QuinticWithLargeEps, keller, "eps in the normalizer too large (scale-dependent output)", "orthogonalizer/positive-scale-invariance"),
            new(BrokenOrthogonalizers.MistypedQuintic, keller, "coefficient table with a wrong value", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.QuinticOneStepShort, keller, "wrong step count", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.You7Cycled, you7, "wrong step-extension rule (cycle instead of repeat-last)", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.PolarExpressWithoutCushion, NewtonSchulz.PolarExpress(), "missing input cushion (declared c = 1.01, input divided by ‖G‖_F only)", "orthogonalizer/spectral-map"),
            new(BrokenOrthogonalizers.TransposedResult, exact, "missing reshape back to the parameter's shape", "orthogonalizer/zero-in-zero-out"),
            new(BrokenOrthogonalizers.UnthresholdedPolar, exact, "unthresholded U Vᵀ on rank-deficient inputs", "exact-polar/rank-preservation"),
            new(BrokenOrthogonalizers.ElementwiseSign, null, "entrywise sign instead of a matrix function", "orthogonalizer/left-orthogonal-equivariance"),
            new(BrokenOrthogonalizers.EvenPolar, exact, "even map (sign lost)", "orthogonalizer/odd-symmetry"),
            new(BrokenOrthogonalizers.RowNormalized, null, "row normalization (wrong axis)", "orthogonalizer/transpose-equivariance"),
            new(BrokenOrthogonalizers.NegatedPolar, null, "update sign flipped (ascent step)", "orthogonalizer/descent-direction"),
        ];
    }
}
