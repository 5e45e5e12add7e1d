namespace Muon.Verification.Harness;

/// <summary>The verdict class of a violation (the rule is <see cref="ViolationClassifier.Classify"/>).</summary>
public enum ViolationClass
{
    /// <summary>The law is broken: the bound is not a round-off bound, or the measured value misses it by a lot.</summary>
    Structural,
    /// <summary>
    /// The law holds to fewer digits than the arithmetic allows: the bound is a round-off bound and the measured value is
    /// still small on the quantity's natural scale.
    /// </summary>
    Accuracy,
}
