using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Tests.Numerics;

public sealed class OrthonormalTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Haar_columns_are_sign_symmetric(int n)
    {
        // Haar on O(n) is invariant under Q → −Q column by column, so every entry has mean 0 and variance 1/n.
        // Householder QR alone fixes the sign of diag(R), which biases the diagonal of Q to one sign (|E Q_jj| ≈
        // 0.8/√n); folding the signs of diag(R) into Q removes it. The mean of N draws has standard deviation
        // 1/√(nN); 6σ bounds a false failure by 2e-9 (the seed is fixed, so the outcome is too).
        const int draws = 4000;
        var rng = new Rng(11);
        var mean = new double[n];
        for (int t = 0; t < draws; t++)
        {
            var q = Orthonormal.Haar(n, rng);
            for (int j = 0; j < n; j++) mean[j] += q[j, j] / draws;
        }
        double bound = 6 / Math.Sqrt(n * (double)draws);
        for (int j = 0; j < n; j++)
            Assert.True(Math.Abs(mean[j]) <= bound, $"mean of Q[{j},{j}] = {mean[j]:R}, bound {bound:R}");
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(4, 4)]
    public void Haar_is_the_q_factor_of_its_gaussian_draws_with_a_positive_r_diagonal(int rows, int cols)
    {
        // Documented construction: QR of a Gaussian matrix with the signs of diag(R) folded into Q, i.e. G = Q R with
        // R_jj > 0. Drawing G again from the same seed, R = QᵀG must be upper triangular (to rounding: ‖G‖_F·u-size, with
        // room) with a positive diagonal (the flipped fold gives −|R_jj|).
        var q = Orthonormal.Haar(rows, cols, new Rng(7));
        var again = new Rng(7);
        var g = Matrix<double>.Build.Dense(rows, cols, (_, _) => again.Normal());
        var r = q.TransposeThisAndMultiply(g);
        for (int j = 0; j < cols; j++)
        {
            Assert.True(r[j, j] > 0, $"R[{j},{j}] = {r[j, j]:R}");
            for (int i = j + 1; i < cols; i++)
                Assert.True(Math.Abs(r[i, j]) <= 64 * rows * MatrixFunctions.UnitRoundoff * g.FrobeniusNorm(), $"R[{i},{j}] = {r[i, j]:R}");
        }
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(5, 0)]
    [InlineData(4, 3)]
    public void Complete_columns_overwrites_whatever_the_columns_to_fill_hold(int n, int filled)
    {
        // The contract is "overwrites columns filled..": junk in those columns must not leak into the completion.
        var u = Matrix<double>.Build.Dense(n, n, 7.0);
        if (filled > 0) u.SetSubMatrix(0, 0, Orthonormal.Haar(n, filled, new Rng(2)));
        var prefix = u.SubMatrix(0, n, 0, filled).Clone();
        Orthonormal.CompleteColumns(u, filled);
        // Two Gram–Schmidt passes: orthogonality to a few ulps (n·u with room).
        Assert.True((u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(n)).FrobeniusNorm() <= 64 * n * MatrixFunctions.UnitRoundoff);
        Assert.Equal(prefix, u.SubMatrix(0, n, 0, filled));
    }
}
