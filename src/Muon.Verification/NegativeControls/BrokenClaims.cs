namespace Muon.Verification.NegativeControls;

/// <summary>
/// Deliberately wrong predictions, for specs whose negative control is a wrong formula rather than a wrong
/// implementation (the sheets' "the wrong floor ½Σ(s mod a)² fails", "wrong ICL target").
/// </summary>
public static class BrokenClaims
{
    /// <summary>The wrong loss floor ½Σ(sᵢ mod a)² (forgets that the orbit also visits a − (s mod a)).</summary>
    public static double FloorModulo(IReadOnlyList<double> s0, double a)
    {
        ArgumentNullException.ThrowIfNull(s0);
        return 0.5 * s0.Sum(s => Math.Pow(s % a, 2));
    }

    /// <summary>The wrong in-context target 1/s² instead of 1/s.</summary>
    public static double IclTargetInverseSquare(double s) => 1 / (s * s);
}
