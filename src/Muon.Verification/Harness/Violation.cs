using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Harness;

/// <summary>
/// A violated claim in numbers: what was measured, its value, the bound it was held to and how, and the verdict class.
/// A <see cref="SpecViolation"/> carries one, and its message is rendered from it (<see cref="Describe"/>, or a helper's
/// own wording built from the same fields); reports read the numbers from here, never from the text.
/// </summary>
/// <param name="Quantity">What was measured, e.g. <c>‖O(−G) + O(G)‖_F</c>.</param>
/// <param name="Measured">The measured value (NaN and ±∞ allowed).</param>
/// <param name="Relation">How the measured value is held to the bound.</param>
/// <param name="Bound">The bound; the lower end for <see cref="BoundRelation.Within"/>, the target for <see cref="BoundRelation.Near"/>.</param>
/// <param name="BoundHigh">The upper end for <see cref="BoundRelation.Within"/>; null otherwise.</param>
/// <param name="Tolerance">The relative tolerance for <see cref="BoundRelation.Near"/>; null otherwise.</param>
/// <param name="Class">Structural or accuracy (<see cref="ViolationClassifier"/>).</param>
public sealed record Violation(string Quantity, double Measured, BoundRelation Relation, double Bound, double? BoundHigh, double? Tolerance, ViolationClass Class)
{
    /// <summary>Text after the bound in the message (e.g. the other side's values); empty for none.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The case the violation was found on (shape, seed, …), rendered in parentheses; empty for none.</summary>
    public string Context { get; init; } = "";

    /// <summary>A violation of measured ≤ bound.</summary>
    public static Violation AtMost(string quantity, double measured, double bound, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.AtMost, bound, null, null, roundOff, scale);

    /// <summary>A violation of measured ≥ bound.</summary>
    public static Violation AtLeast(string quantity, double measured, double bound, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.AtLeast, bound, null, null, roundOff, scale);

    /// <summary>A violation of measured &lt; bound.</summary>
    public static Violation Below(string quantity, double measured, double bound, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.Below, bound, null, null, roundOff, scale);

    /// <summary>A violation of measured &gt; bound.</summary>
    public static Violation Above(string quantity, double measured, double bound, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.Above, bound, null, null, roundOff, scale);

    /// <summary>A violation of <paramref name="low"/> ≤ measured ≤ <paramref name="high"/>.</summary>
    public static Violation Within(string quantity, double measured, double low, double high, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.Within, low, high, null, roundOff, scale);

    /// <summary>A violation of |measured − target| ≤ <paramref name="tolerance"/>·|target|.</summary>
    public static Violation Near(string quantity, double measured, double target, double tolerance, bool roundOff = false, double scale = 1)
        => Make(quantity, measured, BoundRelation.Near, target, null, tolerance, roundOff, scale);

    /// <summary>A violation of measured = <paramref name="expected"/> (exact claims are never round-off bounds: structural).</summary>
    public static Violation Equal(string quantity, double measured, double expected)
        => Make(quantity, measured, BoundRelation.Equal, expected, null, null, roundOff: false, scale: 1);

    private static Violation Make(string quantity, double measured, BoundRelation relation, double bound, double? high, double? tolerance, bool roundOff, double scale)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var v = new Violation(quantity, measured, relation, bound, high, tolerance, ViolationClass.Structural);
        return v with { Class = ViolationClassifier.Classify(v.Excess, roundOff, scale) };
    }

    private double High => BoundHigh ?? Bound;

    private double RelativeTolerance => Tolerance ?? 0;

    /// <summary>Whether the relation holds (false for a NaN measured value).</summary>
    public bool Holds => Relation switch
    {
        BoundRelation.AtMost => Measured <= Bound,
        BoundRelation.AtLeast => Measured >= Bound,
        BoundRelation.Below => Measured < Bound,
        BoundRelation.Above => Measured > Bound,
        BoundRelation.Within => Measured >= Bound && Measured <= High,
        BoundRelation.Near => Math.Abs(Measured - Bound) <= RelativeTolerance * Math.Abs(Bound),
        _ => Measured == Bound,
    };

    /// <summary>How far the measured value lies beyond the bound, in its own units (≤ 0 when the relation holds; NaN for NaN).</summary>
    public double Excess => Relation switch
    {
        BoundRelation.AtMost or BoundRelation.Below => Measured - Bound,
        BoundRelation.AtLeast or BoundRelation.Above => Bound - Measured,
        BoundRelation.Within => Math.Max(Bound - Measured, Measured - High),
        BoundRelation.Near => Math.Abs(Measured - Bound) - RelativeTolerance * Math.Abs(Bound),
        _ => Math.Abs(Measured - Bound),
    };

    /// <summary>
    /// How many times over its bound the measured value is: measured/bound for an upper bound (≤, &lt;), bound/measured for
    /// a lower bound (≥, &gt;), the nearer end's ratio for an interval, |measured − target|/(tolerance·|target|) for a
    /// relative tolerance. A ratio above 1 means violated (at most 1 means the relation holds; for a strict relation the
    /// value 1 itself violates). Where the quotient has no meaning — a bound or measured value ≤ 0 — it is +∞ for a
    /// violation and 0 otherwise; an exact equality gives 1 when it holds and +∞ when not; NaN for a NaN measured value.
    /// </summary>
    public double Ratio
    {
        get
        {
            if (double.IsNaN(Measured) || double.IsNaN(Bound)) return double.NaN;
            return Relation switch
            {
                BoundRelation.AtMost or BoundRelation.Below => Upper(Measured, Bound, Holds),
                BoundRelation.AtLeast or BoundRelation.Above => Lower(Measured, Bound, Holds),
                BoundRelation.Within => Measured < Bound ? Lower(Measured, Bound, false)
                    : Measured > High ? Upper(Measured, High, false)
                    : Math.Max(Lower(Measured, Bound, true), Upper(Measured, High, true)),
                BoundRelation.Near => RelativeTolerance * Math.Abs(Bound) is var allowed && allowed > 0 ? Math.Abs(Measured - Bound) / allowed : Holds ? 0 : double.PositiveInfinity,
                _ => Holds ? 1 : double.PositiveInfinity,
            };
        }
    }

    private static double Upper(double measured, double bound, bool holds)
        => measured >= 0 && bound > 0 ? measured / bound : holds ? 0 : double.PositiveInfinity;

    private static double Lower(double measured, double bound, bool holds)
        => measured > 0 && bound > 0 ? bound / measured : holds ? 0 : double.PositiveInfinity;

    /// <summary>The bound in round-trip form: <c>1.0658141036401503E-14</c>, or <c>[lo, hi]</c> for an interval.</summary>
    public string BoundText => Relation == BoundRelation.Within ? $"[{R(Bound)}, {R(High)}]" : R(Bound);

    /// <summary>The claim as a comparison: <c>≤ b</c>, <c>≥ b</c>, <c>&lt; b</c>, <c>&gt; b</c>, <c>∈ [lo, hi]</c>, <c>= b ± t relative</c>, <c>= b</c>.</summary>
    public string Comparison => Relation switch
    {
        BoundRelation.AtMost => "≤ " + R(Bound),
        BoundRelation.AtLeast => "≥ " + R(Bound),
        BoundRelation.Below => "< " + R(Bound),
        BoundRelation.Above => "> " + R(Bound),
        BoundRelation.Within => "∈ " + BoundText,
        BoundRelation.Near => $"= {R(Bound)} ± {R(RelativeTolerance)} relative",
        _ => "= " + R(Bound),
    };

    /// <summary>
    /// The standard message: <c>quantity = measured, bound b; detail (context)</c> — "lower bound b" for ≥,
    /// "bound &gt; b" / "bound &lt; b" for strict bounds, "bound [lo, hi]" for an interval, "bound b ± t relative" for a
    /// relative tolerance, "expected exactly b" for an equality; numbers in round-trip form.
    /// </summary>
    public string Describe()
    {
        string bound = Relation switch
        {
            BoundRelation.AtMost or BoundRelation.Within => "bound " + BoundText,
            BoundRelation.AtLeast => "lower bound " + BoundText,
            BoundRelation.Below or BoundRelation.Above => "bound " + Comparison,
            BoundRelation.Near => $"bound {R(Bound)} ± {R(RelativeTolerance)} relative",
            _ => "expected exactly " + R(Bound),
        };
        return $"{Quantity} = {R(Measured)}, {bound}{(Detail.Length > 0 ? "; " + Detail : "")}{(Context.Length > 0 ? $" ({Context})" : "")}";
    }

    /// <inheritdoc cref="Describe"/>
    public override string ToString() => Describe();
}
