using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Generators.Formatting;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>Small helpers shared by the matrix-factorization specs: violations with the draw, aligned matrices.</summary>
public static class MfCheck
{
    /// <summary>Throws a <see cref="SpecViolation"/> "quantity = value, bound … (subject; draw; detail)" when <paramref name="ok"/> is false.</summary>
    public static void That(bool ok, string quantity, double value, string bound, string subject, MfCase c, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(c);
        if (ok) return;
        throw new SpecViolation($"{quantity} = {R(value)}, bound {bound} ({subject}; {Draw(c)}{(detail.Length > 0 ? "; " + detail : "")})");
    }

    /// <summary>Throws unless <paramref name="value"/> ≤ <paramref name="bound"/> (NaN fails).</summary>
    public static void AtMost(double value, double bound, string quantity, string subject, MfCase c, string detail = "")
        => That(value <= bound, quantity, value, "≤ " + R(bound), subject, c, detail);

    /// <summary>Throws unless <paramref name="value"/> ≥ <paramref name="bound"/> (NaN fails).</summary>
    public static void AtLeast(double value, double bound, string quantity, string subject, MfCase c, string detail = "")
        => That(value >= bound, quantity, value, "≥ " + R(bound), subject, c, detail);

    /// <summary>A one-line summary of the draw: dims, spectrum ends, init, scale, step, seed.</summary>
    public static string Draw(MfCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"m={c.M} n={c.N} d={c.D} r={c.Rank} s₁={Short(c.S1)} s_r={Short(c.Problem.S[^1])} κ={Short(c.Kappa)} init={c.Init} "
             + (c.Init == MfInit.Aligned ? $"p₀,q₀∈[{Short(c.InitLo)}, {Short(c.InitHi)}]" : $"α={Short(c.Alpha)}")
             + $" η={Short(c.Eta)} seed={c.Seed}";
    }

    /// <summary><c>X diag(x) Wᵀ</c>.</summary>
    public static Matrix<double> Aligned(Matrix<double> x, IReadOnlyList<double> diagonal, Matrix<double> w)
        => Muon.Reference.Numerics.MatrixFunctions.FromFactors(x, diagonal, w);

    /// <summary>The diagonal <c>xᵢᵀ A wᵢ</c>, i &lt; columns of X.</summary>
    public static double[] Diagonal(Matrix<double> x, Matrix<double> a, Matrix<double> w)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(w);
        var xa = x.TransposeThisAndMultiply(a) * w;
        return Enumerable.Range(0, x.ColumnCount).Select(i => xa[i, i]).ToArray();
    }
}
