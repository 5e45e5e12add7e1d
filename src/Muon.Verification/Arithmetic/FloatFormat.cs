namespace Muon.Verification.Arithmetic;

/// <summary>
/// A binary floating-point format (IEEE 754 style: <see cref="Precision"/> significand bits including the implicit one,
/// normal exponents <see cref="MinExponent"/>…<see cref="MaxExponent"/>, gradual underflow) and its rounding to nearest,
/// ties to even. <see cref="Round"/> is exact arithmetic on doubles (a power-of-two rescaling and an integer rounding),
/// so it is the format's correctly rounded conversion for every double, including subnormals and overflow to ±∞.
/// </summary>
/// <param name="Name">The protocol's dtype name (<c>float64</c>, <c>float32</c>, <c>bfloat16</c>, <c>float16</c>).</param>
/// <param name="Precision">Significand bits p, the implicit bit included (unit roundoff 2⁻ᵖ).</param>
/// <param name="MinExponent">Exponent of the smallest normal number.</param>
/// <param name="MaxExponent">Exponent of the largest finite number.</param>
public sealed record FloatFormat(string Name, int Precision, int MinExponent, int MaxExponent)
{
    /// <summary>IEEE binary64: p = 53.</summary>
    public static FloatFormat Float64 { get; } = new("float64", 53, -1022, 1023);

    /// <summary>IEEE binary32: p = 24.</summary>
    public static FloatFormat Float32 { get; } = new("float32", 24, -126, 127);

    /// <summary>bfloat16: float32's exponent range with p = 8.</summary>
    public static FloatFormat BFloat16 { get; } = new("bfloat16", 8, -126, 127);

    /// <summary>IEEE binary16: p = 11, largest finite 65504.</summary>
    public static FloatFormat Float16 { get; } = new("float16", 11, -14, 15);

    /// <summary>Every format, widest first.</summary>
    public static IReadOnlyList<FloatFormat> All { get; } = [Float64, Float32, BFloat16, Float16];

    /// <summary>The format named by a protocol dtype, or null for an unknown name (null or empty: float64, the protocol's default).</summary>
    public static FloatFormat? Parse(string? dtype) => string.IsNullOrEmpty(dtype) ? Float64 : All.FirstOrDefault(f => f.Name == dtype);

    /// <summary>Unit roundoff u = 2⁻ᵖ: the largest relative error of rounding a number in the normal range.</summary>
    public double UnitRoundoff => Math.ScaleB(1.0, -Precision);

    /// <summary>The largest finite number, (2 − 2¹⁻ᵖ)·2^MaxExponent.</summary>
    public double MaxFinite => (2 - Math.ScaleB(1.0, 1 - Precision)) * Math.ScaleB(1.0, MaxExponent);

    /// <summary><paramref name="x"/> rounded to this format, to nearest with ties to even; NaN and ±∞ unchanged.</summary>
    public double Round(double x)
    {
        if (Precision >= 53 || x == 0 || !double.IsFinite(x)) return x;
        // The spacing of the format's numbers around x: 2^(e − p + 1) for x in [2^e, 2^(e+1)), fixed below the normal range.
        int exponent = Math.Max(Math.ILogB(x), MinExponent);
        int shift = Precision - 1 - exponent;
        double rounded = Math.ScaleB(Math.Round(Math.ScaleB(x, shift), MidpointRounding.ToEven), -shift);
        return Math.Abs(rounded) > MaxFinite ? Math.CopySign(double.PositiveInfinity, x) : rounded;
    }

    /// <summary>Whether <paramref name="x"/> is a number of this format (NaN and ±∞ are).</summary>
    public bool Represents(double x) => Round(x).Equals(x);

    /// <inheritdoc />
    public override string ToString() => Name;
}
