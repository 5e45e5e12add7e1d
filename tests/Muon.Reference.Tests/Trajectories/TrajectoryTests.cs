using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

public sealed class TrajectoryTests
{
    private static Quadratic Diagonal(params double[] lambdas)
        => Quadratic.Centered(Matrix<double>.Build.DenseOfDiagonalArray(lambdas), 1);

    [Fact]
    public void Run_gradient_descent_on_quadratic_records_initial_point_and_every_step()
    {
        var f = Diagonal(1, 2);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 1 } }));
        var points = Trajectory.Run(f, GradientDescent.WithStepSize(0.25), w0, 4);
        Assert.Equal(5, points.Count);
        Assert.Equal([0, 1, 2, 3, 4], points.Select(p => p.T));
        Assert.Same(w0, points[0].Parameters);
        Assert.Equal(f.Loss(w0), points[0].Loss);
        // w ← (1 − ηλ)w: 0.75ᵗ and 0.5ᵗ, exact in binary.
        Assert.Equal(Math.Pow(0.75, 4), points[4].Parameters[Quadratic.W][0, 0]);
        Assert.Equal(Math.Pow(0.5, 4), points[4].Parameters[Quadratic.W][1, 0]);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.Loss < p.First.Loss));
    }

    [Fact]
    public void Run_gradient_descent_above_threshold_stops_at_non_finite_loss_without_throwing()
    {
        // η = 1 > 2/λ = 0.2: w ← −9w, so ½·10·w² overflows after ≈ 160 steps while w stays finite.
        var f = Diagonal(10);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.Dense(1, 1, 1.0));
        var points = Trajectory.Run(f, GradientDescent.WithStepSize(1.0), w0, 10_000);
        Assert.True(points.Count < 10_001);
        Assert.False(double.IsFinite(points[^1].Loss));
        Assert.All(points.Take(points.Count - 1), p => Assert.True(double.IsFinite(p.Loss)));
    }

    [Fact]
    public void Run_stop_predicate_sees_only_finite_iterates_before_the_last()
    {
        // The divergent run above: a predicate that evaluates the loss would throw on the overflowing iterate, and one
        // consulted at t = steps would be asked about a step that is not taken.
        var f = Diagonal(10);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.Dense(1, 1, 1.0));
        var seen = new List<(int T, double Loss)>();
        var points = Trajectory.Run(f, GradientDescent.WithStepSize(1.0), w0, 10_000, (t, p) => { seen.Add((t, f.Loss(p))); return false; });
        Assert.Equal(points.Count - 1, seen.Count);
        Assert.All(seen, s => Assert.True(double.IsFinite(s.Loss)));
        var capped = new List<int>();
        Trajectory.Run(f, GradientDescent.WithStepSize(0.01), w0, 3, (t, _) => { capped.Add(t); return false; });
        Assert.Equal([0, 1, 2], capped);
    }

    [Fact]
    public void Run_stop_predicate_ends_after_recording_that_step()
    {
        var f = Diagonal(1);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.Dense(1, 1, 1.0));
        var points = Trajectory.Run(f, GradientDescent.WithStepSize(0.5), w0, 100, (t, _) => t == 3);
        Assert.Equal(4, points.Count);
        Assert.Single(Trajectory.Run(f, GradientDescent.WithStepSize(0.5), w0, 100, (_, _) => true));
        Assert.Single(Trajectory.Run(f, GradientDescent.WithStepSize(0.5), w0, 0));
    }

    [Fact]
    public void Run_muon_on_matrix_factorization_keeps_layout_and_uses_simultaneous_updates()
    {
        var rng = new Rng(11);
        var f = new MatrixFactorization(MatrixFunctions.Gaussian(4, 3, 1.0, rng), 5);
        var x0 = MatrixFactorization.Parameters(MatrixFunctions.Gaussian(4, 5, 0.1, rng), MatrixFunctions.Gaussian(3, 5, 0.1, rng));
        var points = Trajectory.Run(f, MuonOptimizer.WithStepSize(0.01), x0, 3);
        Assert.Equal(4, points.Count);
        Assert.Equal(["P", "Q"], points[3].Parameters.Names);
        // Step 1 uses both gradients at x0 (Jacobi): Q₁ = Q₀ − η·polar(R₀ᵀP₀).
        var g = f.Gradient(x0);
        var expectedQ = x0[MatrixFactorization.Q] - 0.01 * ThinSvd.Of(g[MatrixFactorization.Q]).Reconstruct(_ => 1.0);
        Assert.True((points[1].Parameters[MatrixFactorization.Q] - expectedQ).FrobeniusNorm() <= 1e-14);
    }

    [Fact]
    public void Run_negative_steps_throws()
    {
        var f = Diagonal(1);
        var w0 = Quadratic.Parameters(Matrix<double>.Build.Dense(1, 1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trajectory.Run(f, GradientDescent.WithStepSize(0.5), w0, -1));
    }
}
