namespace Muon.Reference.Objectives;

/// <summary>
/// Which multiple of the squared Frobenius norm a least-squares objective uses. The gradient, the Hessian and
/// every GD stability threshold scale with it; Muon does not, because <c>polar(cG) = polar(G)</c> for c &gt; 0.
/// </summary>
public enum LossConvention
{
    /// <summary><c>L = ½‖·‖²_F</c> ("L_half", the papers' code; the default).</summary>
    Half,
    /// <summary><c>L = ‖·‖²_F</c> ("L_full"): loss, gradient and Hessian are twice those of <see cref="Half"/>.</summary>
    Full,
}

/// <summary>Evaluates <see cref="LossConvention"/>.</summary>
public static class LossConventions
{
    /// <summary>The factor c in <c>L = c·‖·‖²_F</c>: ½ for <see cref="LossConvention.Half"/>, 1 for <see cref="LossConvention.Full"/>.</summary>
    public static double Coefficient(this LossConvention convention) => convention switch
    {
        LossConvention.Half => 0.5,
        LossConvention.Full => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "unknown loss convention."),
    };

    /// <summary>The factor relative to <see cref="LossConvention.Half"/>: 1 or 2.</summary>
    public static double RelativeToHalf(this LossConvention convention) => 2 * convention.Coefficient();
}
