namespace Muon.Verification.Harness;

/// <summary>
/// The verdict-class rule. A violation is <see cref="ViolationClass.Accuracy"/> only when (1) its bound is a round-off
/// bound — the check says so: the orthogonalizer laws' tolerances from <c>Laws/Tolerances.cs</c>, the round-off δ_t of the
/// dynamics specs, the float64 slack of an exact comparison; a theorem's bound, an empirical constant or a rate is not — and
/// (2) it misses the bound by little on the quantity's natural scale: the relative violation (how far the measured value
/// lies beyond the bound, divided by the scale) is at most <see cref="AccuracyThreshold"/>, i.e. the law still holds to
/// at least three digits. Otherwise it is <see cref="ViolationClass.Structural"/>: a broken implementation violates by
/// O(1) of the scale. NaN, a non-positive or NaN scale, and an infinite excess are structural.
/// </summary>
public static class ViolationClassifier
{
    /// <summary>
    /// The largest relative violation (excess over the bound / natural scale) still classed as accuracy: 1e-3, three
    /// digits. A chosen threshold, not a calibrated one: calibrating it against the oracle's own emulation in 16-bit arithmetic
    /// is the 16-bit issue's work.
    /// </summary>
    public const double AccuracyThreshold = 1e-3;

    /// <summary>
    /// The class of a violation that exceeds its bound by <paramref name="excess"/> on a quantity of natural scale
    /// <paramref name="scale"/>, when the bound is (<paramref name="roundOff"/>) or is not a round-off bound.
    /// </summary>
    public static ViolationClass Classify(double excess, bool roundOff, double scale)
        => roundOff && scale > 0 && excess / scale <= AccuracyThreshold ? ViolationClass.Accuracy : ViolationClass.Structural;
}
