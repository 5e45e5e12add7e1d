using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// The oracle's own emulation of a declared orthogonalizer in a low-precision arithmetic, the reference a low-precision
/// subject's law violations are calibrated against (<see cref="LawCalibration"/>). Newton–Schulz runs as the published
/// PyTorch code does: the input cast to the normalization format, <c>X = G / (c·‖G‖_F + eps)</c> there, then cast to the
/// iteration format, and each step <c>A = XXᵀ; B = bA + cA²; X = aX + BX</c> on the wide orientation, every elementwise
/// result rounded and every product accumulated in float32 (<see cref="RoundedMatrix"/>). The exact polar factor is
/// computed in float64 from the cast input and its output rounded. It shares no code with any peer it judges.
/// Correct implementations differ in details the declaration does not fix; <see cref="Variants"/> gives the emulation under
/// each combination of the two that measurably change the result: the coefficients rounded to the iteration format or kept
/// in float32, and <c>c·(A·A)</c> or <c>(c·A)·A</c> (muon.py's order). The cast of a float64 input goes directly to the format
/// (PyTorch goes through float32 first; the two differ by one unit in the last place on ≈ 7e-6 of entries).
/// </summary>
public sealed class EmulatedOrthogonalizer : IOrthogonalizer
{
    /// <summary>Emulates <paramref name="declared"/> iterating in <paramref name="iteration"/> after normalizing in <paramref name="normalization"/> (default: the iteration format).</summary>
    /// <param name="declared">The declared orthogonalizer (Newton–Schulz or the exact polar factor).</param>
    /// <param name="iteration">The iteration's format.</param>
    /// <param name="normalization">The normalization's format (default: the iteration's).</param>
    /// <param name="coefficientsInFloat32">Keep a, b, c in float32 instead of rounding them to the iteration format.</param>
    /// <param name="scaleBeforeProduct">Evaluate c·A·A as (c·A)·A instead of c·(A·A).</param>
    public EmulatedOrthogonalizer(ISpectralOrthogonalizer declared, FloatFormat iteration, FloatFormat? normalization = null,
        bool coefficientsInFloat32 = false, bool scaleBeforeProduct = false)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(iteration);
        if (declared is not (NewtonSchulz or ExactPolar))
            throw new ArgumentException($"no emulation of {declared.Name}: only Newton–Schulz and the exact polar factor are emulated.", nameof(declared));
        Declared = declared;
        Iteration = iteration;
        Normalization = normalization ?? iteration;
        CoefficientsInFloat32 = coefficientsInFloat32;
        ScaleBeforeProduct = scaleBeforeProduct;
    }

    /// <summary>The emulation under each of the four combinations of the modelling choices (see the class remarks); one for the exact polar factor.</summary>
    public static IReadOnlyList<EmulatedOrthogonalizer> Variants(ISpectralOrthogonalizer declared, FloatFormat iteration, FloatFormat? normalization = null)
        => declared is NewtonSchulz
            ? [.. from f32 in new[] { false, true } from early in new[] { false, true } select new EmulatedOrthogonalizer(declared, iteration, normalization, f32, early)]
            : [new EmulatedOrthogonalizer(declared, iteration, normalization)];

    /// <summary>Whether the coefficients stay in float32.</summary>
    public bool CoefficientsInFloat32 { get; }

    /// <summary>Whether c·A·A is evaluated as (c·A)·A.</summary>
    public bool ScaleBeforeProduct { get; }

    /// <summary>The emulated orthogonalizer.</summary>
    public ISpectralOrthogonalizer Declared { get; }

    /// <summary>The format the iteration runs in.</summary>
    public FloatFormat Iteration { get; }

    /// <summary>The format the input is normalized in.</summary>
    public FloatFormat Normalization { get; }

    /// <inheritdoc />
    public string Name => $"{Declared.Name} in {Iteration}" + (Normalization == Iteration ? "" : $" (normalized in {Normalization})")
        + (CoefficientsInFloat32 ? ", float32 coefficients" : "") + (ScaleBeforeProduct ? ", (c·A)·A" : "");

    /// <inheritdoc />
    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (Declared is not NewtonSchulz ns)
            return RoundedMatrix.Cast(Declared.Orthogonalize(RoundedMatrix.Cast(g, Iteration)), Iteration);
        bool tall = g.RowCount > g.ColumnCount;
        var x = RoundedMatrix.Cast(tall ? g.Transpose() : g, Normalization);
        var norm = RoundedMatrix.FrobeniusNorm(x, Normalization);
        if (norm == 0) return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        var f = Normalization;
        double denominator = f.Round(f.Round(f.Round(ns.Schedule.InputCushion) * norm) + f.Round(ns.Eps));
        x = RoundedMatrix.Cast(x.Map(v => f.Round(v / denominator)), Iteration);
        var it = Iteration;
        for (int k = 0; k < ns.Steps; k++)
        {
            var (a, b, c) = ns.Schedule.At(k);
            var scalars = CoefficientsInFloat32 ? FloatFormat.Float32 : it;
            var gram = RoundedMatrix.Product(x, x, it, transposeB: true);
            var quartic = c == 0 ? null
                : ScaleBeforeProduct ? RoundedMatrix.Product(RoundedMatrix.Scale(c, gram, it, scalars), gram, it)
                : RoundedMatrix.Scale(c, RoundedMatrix.Product(gram, gram, it), it, scalars);
            var poly = quartic is null ? RoundedMatrix.Scale(b, gram, it, scalars) : RoundedMatrix.Add(RoundedMatrix.Scale(b, gram, it, scalars), quartic, it);
            x = RoundedMatrix.Add(RoundedMatrix.Scale(a, x, it, scalars), RoundedMatrix.Product(poly, x, it), it);
        }
        return tall ? x.Transpose() : x;
    }
}
