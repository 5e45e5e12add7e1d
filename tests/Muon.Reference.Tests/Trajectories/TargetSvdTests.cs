using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

public sealed class TargetSvdTests
{
    [Fact]
    public void Target_svd_of_a_column_centred_target_has_orthogonal_bases()
    {
        // Centring the columns puts every column of U in 1⊥, so its completion in R⁵ is the direction 1/√5, which no
        // standard basis vector reaches with a residual above ½ (each has 1/√5).
        var rng = new Rng(3);
        var target = Matrix<double>.Build.Dense(5, 4, (_, _) => rng.Normal());
        var means = target.ColumnSums() / 5;
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 5; i++) target[i, j] -= means[j];
        var svd = TargetSvd.Of(target);
        // Orthogonality of an SVD basis and of its two-pass Gram–Schmidt completion: a few ulps per entry (m·u with room).
        double bound = 64 * 5 * MatrixFunctions.UnitRoundoff;
        Assert.True((svd.U.TransposeThisAndMultiply(svd.U) - Matrix<double>.Build.DenseIdentity(5)).FrobeniusNorm() <= bound);
        Assert.True((svd.V.TransposeThisAndMultiply(svd.V) - Matrix<double>.Build.DenseIdentity(4)).FrobeniusNorm() <= bound);
        var ones = Vector<double>.Build.Dense(5, 1 / Math.Sqrt(5));
        Assert.Equal(1.0, Math.Abs(svd.U.Column(4).DotProduct(ones)), 14);
    }
}
