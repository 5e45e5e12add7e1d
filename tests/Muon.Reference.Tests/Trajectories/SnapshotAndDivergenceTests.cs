using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

public sealed class SnapshotAndDivergenceTests
{
    [Theory]
    [InlineData(4, 4, false)] // d = n: no spare directions, mis_in undefined
    [InlineData(4, 6, true)]  // d > n
    public void Snapshot_records_mis_in_only_when_the_width_exceeds_n(int n, int d, bool defined)
    {
        var rng = new Rng(4);
        var target = TargetSvd.Of(MatrixFunctions.Gaussian(5, n, 1.0, rng));
        var p = MatrixFunctions.Gaussian(5, d, 1.0, rng);
        var q = MatrixFunctions.Gaussian(n, d, 1.0, rng);
        var snapshot = MatrixFactorizationSnapshot.Of(p, q, target);
        if (defined) Assert.Equal(MatrixFactorizationMetrics.MisIn(p, q), snapshot.MisIn);
        else Assert.Null(snapshot.MisIn);
    }

    [Fact]
    public void A_run_that_overflows_ends_with_a_NaN_loss_instead_of_throwing()
    {
        // GD with η = 1e308 on ½‖W‖² from W₀ = 1e-200: W₁ = −1e108 (loss 1e216, finite), W₂ = +∞. The parameters
        // are no longer finite, so the trajectory records a NaN loss and stops rather than evaluating L(∞).
        var f = Quadratic.Centered(Matrix<double>.Build.DenseIdentity(2), 1);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.Dense(2, 1, 1e-200));
        var points = Trajectory.Run(f, GradientDescent.WithStepSize(1e308), w0, 10);
        Assert.True(double.IsNaN(points[^1].Loss));
        Assert.True(points.Count < 11);
    }
}
