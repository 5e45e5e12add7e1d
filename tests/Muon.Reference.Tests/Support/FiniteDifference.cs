using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Xunit.Abstractions;

namespace Muon.Reference.Tests.Support;

/// <summary>
/// Central differences and the pieces of their error bound. For a step h along a unit direction v:
/// |D_h − L'(0)| ≤ h²·|L'''|/6 (truncation) + δL/h (evaluation round-off δL on each side) + u·‖∇L‖·(‖x‖+h)/h
/// (rounding of the shifted arguments x ± hv). With h = cbrt(u)·‖x‖ the last two terms are O(u^{2/3}).
/// </summary>
internal static class FiniteDifference
{
    public const double U = MatrixFunctions.UnitRoundoff;

    public static double Step(double scale) => Math.Cbrt(U) * scale;

    public static ParameterSet UnitDirection(ParameterSet layout, Rng rng)
    {
        var v = layout.Map((_, m) => MatrixFunctions.Gaussian(m.RowCount, m.ColumnCount, 1.0, rng));
        double norm = Norm(v);
        return v.Map((_, m) => m / norm);
    }

    public static ParameterSet Random(ParameterSet layout, double std, Rng rng)
        => layout.Map((_, m) => MatrixFunctions.Gaussian(m.RowCount, m.ColumnCount, std, rng));

    public static double Norm(ParameterSet p) => Math.Sqrt(p.SquaredNorm());

    public static ParameterSet Shift(ParameterSet x, double h, ParameterSet v) => x.Zip(v, (_, a, b) => a + h * b);

    public static ParameterSet Difference(ParameterSet a, ParameterSet b) => a.Zip(b, (_, x, y) => x - y);

    /// <summary>(L(x + hv) − L(x − hv)) / 2h.</summary>
    public static double Directional(IObjective f, ParameterSet x, ParameterSet v, double h)
        => (f.Loss(Shift(x, h, v)) - f.Loss(Shift(x, -h, v))) / (2 * h);

    /// <summary>(∇L(x + hv) − ∇L(x − hv)) / 2h.</summary>
    public static ParameterSet GradientDirectional(IObjective f, ParameterSet x, ParameterSet v, double h)
        => f.Gradient(Shift(x, h, v)).Zip(f.Gradient(Shift(x, -h, v)), (_, a, b) => (a - b) / (2 * h));

    /// <summary>
    /// Checks the central difference against ∇L·v along <paramref name="directions"/> random unit directions:
    /// |D_h − ∇L·v| ≤ truncation(v) + δL/h + u·‖∇L‖·(‖x‖+h)/h (the bound of this class), and that the bound is
    /// at most 1e-7·‖∇L‖, so a wrong gradient could not hide inside it.
    /// </summary>
    public static void AssertGradientAlongRandomDirections(IObjective f, ParameterSet x, ParameterSet grad, double deltaL,
        Func<ParameterSet, double> truncation, Rng rng, ITestOutputHelper output, int directions = 5)
    {
        double xNorm = Norm(x), h = Step(xNorm), gNorm = Norm(grad);
        for (int k = 0; k < directions; k++)
        {
            var v = UnitDirection(x, rng);
            double bound = truncation(v) + deltaL / h + U * gNorm * (xNorm + h) / h;
            double exact = grad.Inner(v);
            double error = Math.Abs(Directional(f, x, v, h) - exact);
            output.WriteLine($"dir {k}: |∇L·v| = {Math.Abs(exact):E3}, error = {error:E3}, bound = {bound:E3}");
            Assert.True(error <= bound, $"direction {k}: |FD − ∇L·v| = {error:E3} > bound {bound:E3}");
            Assert.True(bound <= 1e-7 * gNorm, $"bound {bound:E3} is not discriminating against ‖∇L‖ = {gNorm:E3}");
        }
    }

    public static Matrix<double> Abs(Matrix<double> m) => m.PointwiseAbs();

    public static double Frobenius(Matrix<double> m) => m.FrobeniusNorm();
}
