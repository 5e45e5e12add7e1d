using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Reference.Trajectories;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Preconditioning;

/// <summary>
/// C1 — κ-independent linear convergence of simplified Muon on symmetric matrix factorization
/// <c>f(U) = ¼‖UUᵀ − M*‖²_F</c> (Ma, Huang, Chi, Chen, arXiv 2601.13474; preconditioning sheet C1). The setting is an
/// <b>adopted reconstruction</b> (only the abstract could be read): d ∈ [5, 30], r ∈ [2, 8], U ∈ R^{d×r},
/// λ = geomspace(1, 1/κ, r), M* = V diag(λ) Vᵀ (Haar V), non-aligned small init U₀ = 1e-3·N(0, 1/d),
/// η_t = 0.2ρᵗ with ρ ∈ [0.9, 0.95], criterion ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F.
/// </summary>
public static class KappaFreeSpecs
{
    /// <summary>Cases in a standard run (each runs four κ).</summary>
    public const int StandardCases = 30;

    /// <summary>The condition numbers of the sheet.</summary>
    public static IReadOnlyList<double> Kappas { get; } = [10, 1e2, 1e3, 1e4];

    /// <summary>
    /// Muon converges for every κ ∈ {10, …, 1e4} within the κ-free bound T(λ, ρ) = max(t*, t₁): in the aligned
    /// picture (C2) every mode enters |uᵢ − √λᵢ| ≤ η_{t−1} by the entry time t* (budget Ση_j + η_{t−1} ≥ 1 ≥ |uᵢ(0) − √λᵢ|)
    /// and stays (ρ ≥ ½), so ‖UUᵀ − M*‖_F ≤ η_{t−1}(2‖√λ‖₂ + √r η_{t−1}); t₁ is the first t where that is ≤ 1e-6‖λ‖₂.
    /// Since 1 ≤ ‖λ‖₂ and ‖√λ‖₂ ≤ √r, T ≤ 1 + log(1e-6/(0.2(2√r + 0.2)))/log ρ for every κ. The init is not aligned, so
    /// this bound is the reconstruction's claim, not a theorem; observed counts lie 5–40 steps below it.
    /// </summary>
    public static PropertySpec MuonIterationsKappaFree(OptimizerSubject subject) => new PropertySpec(
        "c1/muon-kappa-free-iterations",
        "Simplified Muon (η_t = 0.2ρᵗ) reaches ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F within a κ-free bound for κ = 10 … 1e4.",
        "preconditioning sheet C1 (Ma–Huang–Chi–Chen 2601.13474; adopted reconstruction)",
        "iteration bound max(t*, t₁) derived from the aligned scalar recursion (XML docs); exact count comparison",
        StandardCases,
        () => Prop.ForAll(Draws(), c =>
        {
            foreach (var kappa in Kappas)
            {
                var (f, u0, lambda) = Problem(c, kappa);
                var schedule = StepSize.Geometric(0.2, c.Rho);
                int bound = Bound(lambda, schedule, c.Rank);
                var count = IterationsToConverge(f, subject.Create(schedule), u0, bound);
                if (count is null)
                    throw new SpecViolation($"not converged within the κ-free bound {bound} at κ = {Short(kappa)} ({c})");
            }
        })) with { Subject = subject.Name };

    /// <summary>
    /// GD with any constant step from {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1} has not converged after 5κ iterations
    /// (κ = 10, 1e2; deep runs add 1e3): the smallest mode must grow from ‖U₀‖ ≈ 1e-3 to √λ_min = κ^{−½} at a rate
    /// ≤ 1 + lr·λ_min per step, lr ≤ 1 by stability (the Hessian at the optimum has eigenvalue 2λ_max = 2), i.e.
    /// ≥ κ·ln(1e3κ^{−½}) ≥ 4.6κ steps at κ ≥ 10 — while Muon needs ≤ ~170 at every κ. (Sheet: ≈ 140 / 1 300 / 10 000+.)
    /// </summary>
    public static PropertySpec GdIterationsGrowWithKappa(OptimizerSubject subject) => new PropertySpec(
        "c1/gd-iterations-grow-with-kappa",
        "Gradient descent with its best constant step needs more than 5κ iterations (∝ κ).",
        "preconditioning sheet C1 (Ma–Huang–Chi–Chen 2601.13474; adopted reconstruction)",
        "exact count comparison against 5κ (escape-time lower bound ≥ 4.6κ in the XML docs)",
        8,
        () => Prop.ForAll(Draws(), c =>
        {
            var kappas = RunSettings.FromEnvironment().Depth == RunDepth.Deep ? new[] { 10.0, 1e2, 1e3 } : new[] { 10.0, 1e2 };
            foreach (var kappa in kappas)
            {
                var (f, u0, _) = Problem(c, kappa);
                foreach (var lr in new[] { 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0 })
                {
                    int cap = (int)(5 * kappa);
                    if (IterationsToConverge(f, subject.Create(StepSize.Constant(lr)), u0, cap) is int t)
                    {
                        var v = Violation.Above($"GD iterations to converge (lr = {R(lr)}, κ = {Short(kappa)})", t, cap) with { Context = c.ToString() };
                        throw new SpecViolation(v, $"converged in {R(v.Measured)} ≤ 5κ = {R(v.Bound)} iterations with lr = {R(lr)} at κ = {Short(kappa)} ({v.Context})");
                    }
                }
            }
        })) with { Subject = subject.Name };

    /// <summary>The κ-free bound max(t*, t₁) of <see cref="MuonIterationsKappaFree"/>.</summary>
    public static int Bound(IReadOnlyList<double> lambda, StepSize schedule, int rank)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(schedule);
        double sqrtNorm = Math.Sqrt(lambda.Sum()), norm = Math.Sqrt(lambda.Sum(x => x * x));
        int entry = 1;
        double travelled = schedule.At(0);
        while (travelled + schedule.At(entry - 1) < 1 && entry < 100_000) travelled += schedule.At(entry++);
        int t1 = 1;
        while (schedule.At(t1 - 1) * (2 * sqrtNorm + Math.Sqrt(rank) * schedule.At(t1 - 1)) > 1e-6 * norm && t1 < 100_000) t1++;
        return Math.Max(entry, t1);
    }

    /// <summary>First t ≤ <paramref name="cap"/> with ‖UUᵀ − M*‖_F ≤ 1e-6‖M*‖_F, or null.</summary>
    internal static int? IterationsToConverge(SymmetricMatrixFactorization f, IOptimizer optimizer, Matrix<double> u0, int cap)
    {
        double target = 1e-6 * f.Target.FrobeniusNorm();
        bool Done(ParameterSet p) => f.Residual(p).FrobeniusNorm() <= target;
        var points = Trajectory.Run(f, optimizer, SymmetricMatrixFactorization.Parameters(u0), cap, (_, p) => Done(p));
        var last = points[^1];
        return double.IsFinite(last.Loss) && Done(last.Parameters) ? last.T : null;
    }

    private static (SymmetricMatrixFactorization F, Matrix<double> U0, double[] Lambda) Problem(KappaCase c, double kappa)
    {
        var rng = new Rng(c.Seed);
        var v = Orthonormal.Haar(c.Dim, c.Rank, rng);
        var lambda = Enumerable.Range(0, c.Rank).Select(i => Math.Pow(kappa, -(double)i / (c.Rank - 1))).ToArray();
        var m = v * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * v.Transpose();
        var f = new SymmetricMatrixFactorization(0.5 * (m + m.Transpose()), c.Rank);
        return (f, MatrixFunctions.Gaussian(c.Dim, c.Rank, 1e-3 / Math.Sqrt(c.Dim), rng), lambda);
    }

    private static FsCheck.Arbitrary<KappaCase> Draws() => FsCheck.Fluent.Arb.From(
        from d in Gen.Choose(5, 30)
        from r in Gen.Choose(2, Math.Min(8, d))
        from rho in MatrixGenerators.Unit().Select(f => 0.9 + 0.05 * f)
        from seed in MatrixGenerators.Seed()
        select new KappaCase(d, r, rho, seed));
}

/// <summary>One C1 draw: dimension d, rank r, schedule ratio ρ, seed (λ, V and U₀ are rebuilt from these per κ).</summary>
public sealed record KappaCase(int Dim, int Rank, double Rho, ulong Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"d={Dim} r={Rank} ρ={R(Rho)} η₀=0.2 seed={Seed}";
}
