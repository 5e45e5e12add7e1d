using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Reference.Trajectories;

namespace Muon.Benchmarks;

/// <summary>A named piece of work, identical in name and shape to its NumPy counterpart in numpy_bench.py.</summary>
internal sealed record Workload(string Name, Action Run)
{
    public static IReadOnlyList<Workload> All()
    {
        var list = new List<Workload>();
        foreach (var (m, n) in new[] { (16, 16), (64, 64), (256, 256), (64, 16), (256, 64), (1024, 256) })
        {
            var g = MatrixFunctions.Gaussian(m, n, 1, new Rng(1));
            var exact = ExactPolar.Default;
            var ns = NewtonSchulz.KellerQuintic();
            list.Add(new($"polar-svd {m}x{n}", () => exact.Orthogonalize(g)));
            list.Add(new($"ns5-quintic {m}x{n}", () => ns.Orthogonalize(g)));
        }
        foreach (int n in new[] { 32, 128 })
        {
            var (objective, initial) = Problem(n);
            var muon = MuonOptimizer.WithStepSize(0.01);
            var state = muon.Start(initial);
            list.Add(new($"mf-muon-step n=d={n}", () => muon.Step(initial, objective.Gradient(initial), state)));
        }
        {
            var (objective, initial) = Problem(32);
            list.Add(new("mf-muon-1000-steps n=d=32", () => Trajectory.Run(objective, MuonOptimizer.WithStepSize(0.01), initial, 1000)));
        }
        {
            // One --quick conformance check of the reference exact polar over protocol v1 (in-process pipes: the same
            // JSON Lines, framing and timeouts as a child process, without process start-up).
            var server = new Muon.Verification.Conformance.Protocol.ProtocolServer("exact-polar", ExactPolar.Default,
                Muon.Verification.Conformance.Protocol.OrthogonalizerDeclaration.Exact);
            var quick = Muon.Verification.Harness.RunSettings.Standard with { Depth = Muon.Verification.Harness.RunDepth.Quick };
            list.Add(new("conformance --quick (in-process)", () =>
            {
                using var peer = Muon.Verification.Conformance.Protocol.ProcessImplementation.InProcess(server);
                Muon.Verification.Conformance.ConformanceSuite.Check(peer, "bench", quick);
            }));
        }
        return list;
    }

    /// <summary>The growth table's four workloads at size n.</summary>
    public static Action[] Growth(int n)
    {
        var g = MatrixFunctions.Gaussian(n, n, 1, new Rng(1));
        var svd = new ExactPolar(method: PolarMethod.Svd);
        var ns = NewtonSchulz.KellerQuintic();
        var (objective, initial) = Problem(n);
        var muon = MuonOptimizer.WithStepSize(0.01);
        var state = muon.Start(initial);
        return
        [
            () => ExactPolar.Default.Orthogonalize(g),
            () => svd.Orthogonalize(g),
            () => ns.Orthogonalize(g),
            () => muon.Step(initial, objective.Gradient(initial), state),
        ];
    }

    private static (MatrixFactorization, ParameterSet) Problem(int n)
    {
        var rng = new Rng(3);
        var target = Matrix<double>.Build.DenseDiagonal(n, n, i => 10.0 / (i + 1));
        return (new MatrixFactorization(target, n), MatrixFactorization.Parameters(MatrixFunctions.Gaussian(n, n, 1e-3, rng), MatrixFunctions.Gaussian(n, n, 1e-3, rng)));
    }
}
