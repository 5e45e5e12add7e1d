using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Generators;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>How the initial point of a grid case is built.</summary>
public enum GridStart
{
    /// <summary>W₀ with iid N(0, 1/n) entries (the sheet's draw).</summary>
    Gaussian,
    /// <summary>Worst case: W₀ = U diag((kᵢ + ½)a) Vᵀ, Haar U, V, kᵢ ∈ [0, 12].</summary>
    HalfGrid,
    /// <summary>Rank r &lt; min(m, n): W₀ = U diag(sᵢ) Vᵀ with sᵢ = (kᵢ + fᵢ)a, fᵢ ∈ [0.05, 0.95] (σ stays ≥ 0.05a off zero).</summary>
    RankDeficient,
}

/// <summary>
/// One draw of the grid-confinement setting <c>L(W) = ½‖W‖²_F</c>, <c>W ∈ R^{m×n}</c>, fixed step a: the recipe
/// (shape, rank, a, start, seed) is printed at full precision, and W₀ is rebuilt from it deterministically.
/// </summary>
public sealed record GridCase(int Rows, int Cols, int Rank, double Step, GridStart Start, ulong Seed)
{
    private Matrix<double>? _w0;

    /// <summary>min(m, n).</summary>
    public int MinDim => Math.Min(Rows, Cols);

    /// <summary>W₀ (a fresh copy).</summary>
    public Matrix<double> W0 => (_w0 ??= Build()).Clone();

    private Matrix<double> Build()
    {
        var rng = new Rng(Seed);
        if (Start == GridStart.Gaussian)
            return MatrixFunctions.Gaussian(Rows, Cols, 1 / Math.Sqrt(Cols), rng);
        var s = new double[Rank];
        for (int i = 0; i < Rank; i++)
            s[i] = (rng.Int(0, 12) + (Start == GridStart.HalfGrid ? 0.5 : rng.Uniform(0.05, 0.95))) * Step;
        var u = Orthonormal.Haar(Rows, Rank, rng);
        var v = Orthonormal.Haar(Cols, Rank, rng);
        return MatrixFunctions.FromFactors(u, s.OrderByDescending(x => x).ToArray(), v);
    }

    /// <summary>Draws for <paramref name="start"/>: m, n ∈ [<paramref name="minDim"/>, <paramref name="maxDim"/>], a log-uniform in [0.02, 0.5].</summary>
    public static Arbitrary<GridCase> Arbitrary(GridStart start, int minDim = 2, int maxDim = 30, double minStep = 0.02, double maxStep = 0.5)
        => Arb.From(
            from m in Gen.Choose(minDim, maxDim)
            from n in Gen.Choose(minDim, maxDim)
            from rank in start == GridStart.RankDeficient ? Gen.Choose(1, Math.Min(m, n) - 1) : Gen.Constant(Math.Min(m, n))
            from a in MatrixGenerators.LogUniform(minStep, maxStep)
            from seed in MatrixGenerators.Seed()
            select new GridCase(m, n, rank, a, start, seed));

    /// <inheritdoc />
    public override string ToString() => $"W₀ {Rows}×{Cols} rank {Rank} start={Start} a={R(Step)} seed={Seed}";
}
