using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>
/// B5 machinery on <c>L = ½⟨W, AW⟩</c>, <c>A = Q diag(1, …, 1, κ) Qᵀ</c>: exact line search along a direction D
/// (α* = ⟨D, G⟩/⟨D, AD⟩, decrease ⟨D, G⟩²/(2⟨D, AD⟩)), GD with exact line search, and the greedy rule that takes
/// whichever of G and O(G) decreases the loss more (ties go to G).
/// </summary>
internal sealed record LineSearchRun(double[] GreedyLoss, double[] GdLoss, int PolarPicks, int Steps)
{
    /// <summary>A = Q diag(1, …, 1, κ) Qᵀ (Haar Q, symmetrized) and W₀ ~ N(0, 1/n), both n×n, from the seed.</summary>
    public static (Matrix<double> A, Matrix<double> W0) Problem(int n, double kappa, ulong seed)
    {
        var rng = new Rng(seed);
        var q = Orthonormal.Haar(n, rng);
        var d = Enumerable.Repeat(1.0, n).ToArray();
        d[^1] = kappa;
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray(d) * q.Transpose();
        return (0.5 * (a + a.Transpose()), MatrixFunctions.Gaussian(n, n, 1 / Math.Sqrt(n), rng));
    }

    /// <summary>½⟨W, AW⟩.</summary>
    public static double Loss(Matrix<double> a, Matrix<double> w) => 0.5 * MatrixFunctions.Inner(w, a * w);

    /// <summary>The exact-line-search decrease along D at gradient G.</summary>
    public static double Decrease(Matrix<double> a, Matrix<double> g, Matrix<double> d)
    {
        double dg = MatrixFunctions.Inner(d, g), dad = MatrixFunctions.Inner(d, a * d);
        return dad > 0 ? dg * dg / (2 * dad) : 0;
    }

    /// <summary>Runs greedy (G vs O(G)) and GD, both with exact line search, for <paramref name="steps"/> steps.</summary>
    public static LineSearchRun Run(IOrthogonalizer subject, Matrix<double> a, Matrix<double> w0, int steps)
    {
        var greedy = new double[steps + 1];
        var gd = new double[steps + 1];
        Matrix<double> wg = w0.Clone(), wd = w0.Clone();
        int picks = 0;
        for (int t = 0; ; t++)
        {
            greedy[t] = Loss(a, wg);
            gd[t] = Loss(a, wd);
            if (t == steps) break;
            var g = a * wg;
            var o = subject.Orthogonalize(g);
            bool polar = Decrease(a, g, o) > Decrease(a, g, g);
            if (polar) picks++;
            wg = Step(a, wg, g, polar ? o : g);
            var gg = a * wd;
            wd = Step(a, wd, gg, gg);
        }
        return new LineSearchRun(greedy, gd, picks, steps);
    }

    private static Matrix<double> Step(Matrix<double> a, Matrix<double> w, Matrix<double> g, Matrix<double> d)
    {
        double dad = MatrixFunctions.Inner(d, a * d);
        return dad > 0 ? w - (MatrixFunctions.Inner(d, g) / dad) * d : w;
    }
}
