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
/// </summary>
public sealed class EmulatedOrthogonalizer : IOrthogonalizer
{
    /// <summary>Emulates <paramref name="declared"/> iterating in <paramref name="iteration"/> after normalizing in <paramref name="normalization"/> (default: the iteration format).</summary>
    public EmulatedOrthogonalizer(ISpectralOrthogonalizer declared, FloatFormat iteration, FloatFormat? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(iteration);
        if (declared is not (NewtonSchulz or ExactPolar))
            throw new ArgumentException($"no emulation of {declared.Name}: only Newton–Schulz and the exact polar factor are emulated.", nameof(declared));
        Declared = declared;
        Iteration = iteration;
        Normalization = normalization ?? iteration;
    }

    /// <summary>The emulated orthogonalizer.</summary>
    public ISpectralOrthogonalizer Declared { get; }

    /// <summary>The format the iteration runs in.</summary>
    public FloatFormat Iteration { get; }

    /// <summary>The format the input is normalized in.</summary>
    public FloatFormat Normalization { get; }

    /// <inheritdoc />
    public string Name => $"{Declared.Name} in {Iteration}" + (Normalization == Iteration ? "" : $" (normalized in {Normalization})");

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
            var gram = RoundedMatrix.Product(x, x, it, transposeB: true);
            var poly = c == 0
                ? RoundedMatrix.Scale(b, gram, it)
                : RoundedMatrix.Add(RoundedMatrix.Scale(b, gram, it), RoundedMatrix.Scale(c, RoundedMatrix.Product(gram, gram, it), it), it);
            x = RoundedMatrix.Add(RoundedMatrix.Scale(a, x, it), RoundedMatrix.Product(poly, x, it), it);
        }
        return tall ? x.Transpose() : x;
    }
}
