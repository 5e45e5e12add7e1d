using FsCheck;
using FsCheck.Fluent;
using Muon.Reference.Numerics;

namespace Muon.Verification.Generators;

/// <summary>FsCheck generators and shrinkers for matrices with controlled spectra, shapes and scales.</summary>
public static class MatrixGenerators
{
    /// <summary>A uniform draw in [0, 1) at 1e-9 resolution.</summary>
    public static Gen<double> Unit() => Gen.Choose(0, 999_999_999).Select(i => i / 1e9);

    /// <summary>Log-uniform in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Gen<double> LogUniform(double lo, double hi)
        => Unit().Select(f => Math.Exp(Math.Log(lo) + f * (Math.Log(hi) - Math.Log(lo))));

    /// <summary>A 64-bit seed for building the matrix from its recipe.</summary>
    public static Gen<ulong> Seed()
        => Gen.Choose(int.MinValue, int.MaxValue).SelectMany(hi => Gen.Choose(int.MinValue, int.MaxValue),
            (hi, lo) => ((ulong)(uint)hi << 32) | (uint)lo);

    /// <summary>Matrices <c>U diag(σ) Vᵀ</c> drawn per <paramref name="options"/>, with a shrinker toward
    /// smaller shapes, lower rank, κ → 1, σ₁ → 1 and the geometric spectrum (the seed is kept).</summary>
    public static Arbitrary<MatrixCase> Matrices(MatrixGenOptions? options = null)
    {
        var o = (options ?? new MatrixGenOptions()).Validate();
        var gen =
            from m in Gen.Choose(o.MinDim, o.MaxDim)
            from nFree in Gen.Choose(o.MinDim, o.MaxDim)
            let n = o.Aspect switch
            {
                Aspect.Square => m,
                Aspect.Tall => Math.Min(m, nFree),
                Aspect.Wide => Math.Max(m, nFree),
                _ => nFree,
            }
            let k = Math.Min(m, n)
            from fullRank in o.AllowRankDeficient ? Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))) : Gen.Constant(true)
            from r in fullRank || k <= o.MinRank ? Gen.Constant(Math.Max(Math.Min(o.MinRank, k), k)) : Gen.Choose(o.MinRank, k - 1)
            from kappa in LogUniform(1, o.MaxKappa)
            from log10Scale in Unit().Select(f => o.ScaleLog10.Lo + f * (o.ScaleLog10.Hi - o.ScaleLog10.Lo))
            from shape in Gen.Elements(SpectrumShape.Geometric, SpectrumShape.LogUniform, SpectrumShape.Clustered)
            from seed in Seed()
            select new MatrixCase(m, n, r, r == 1 ? 1 : kappa, Math.Pow(10, log10Scale), shape, seed); // rank 1 has κ = 1
        return Arb.From(gen, c => Shrink(c, o));
    }

    /// <summary>Shrinks toward smaller, better-conditioned, unit-scale, geometric-spectrum cases that still satisfy <paramref name="o"/>.</summary>
    public static IEnumerable<MatrixCase> Shrink(MatrixCase c, MatrixGenOptions o)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(o);
        var candidates = new List<MatrixCase>();
        if (o.Aspect == Aspect.Square)
        {
            if (c.Rows > o.MinDim) candidates.Add(c with { Rows = c.Rows - 1, Cols = c.Cols - 1 });
        }
        else
        {
            if (c.Rows > o.MinDim) candidates.Add(c with { Rows = c.Rows - 1 });
            if (c.Cols > o.MinDim) candidates.Add(c with { Cols = c.Cols - 1 });
        }
        if (c.Rank > o.MinRank) candidates.Add(c with { Rank = c.Rank - 1, Kappa = c.Rank == 2 ? 1 : c.Kappa });
        if (c.Kappa > 1.0001) candidates.Add(c with { Kappa = Math.Max(1, Math.Sqrt(c.Kappa)) });
        if (c.Scale != 1 && o.ScaleLog10.Lo <= 0 && o.ScaleLog10.Hi >= 0) candidates.Add(c with { Scale = 1 });
        if (c.Shape != SpectrumShape.Geometric) candidates.Add(c with { Shape = SpectrumShape.Geometric });
        return candidates.Where(x => Valid(x, o));
    }

    private static bool Valid(MatrixCase c, MatrixGenOptions o)
    {
        int k = Math.Min(c.Rows, c.Cols);
        bool aspect = o.Aspect switch
        {
            Aspect.Square => c.Rows == c.Cols,
            Aspect.Tall => c.Rows >= c.Cols,
            Aspect.Wide => c.Rows <= c.Cols,
            _ => true,
        };
        return aspect && c.Rank >= 1 && c.Rank <= k && (o.AllowRankDeficient || c.Rank == k) && (c.Rank >= o.MinRank || k < o.MinRank);
    }

    /// <summary>Haar-random orthogonal matrices of size <paramref name="n"/>, as a seed (built on demand).</summary>
    public static Gen<OrthogonalCase> Orthogonal(int n) => Seed().Select(s => new OrthogonalCase(n, s));

    /// <summary>Positive scale factors: the extremes 1e±6 half of the time, otherwise log-uniform in [1e-3, 1e3].</summary>
    public static Gen<double> PositiveScales()
        => Gen.Frequency((1, Gen.Elements(1e-6, 1e6)), (1, LogUniform(1e-3, 1e3)));
}

/// <summary>A Haar-random n×n orthogonal matrix, identified by its seed.</summary>
public sealed record OrthogonalCase(int N, ulong Seed)
{
    /// <summary>The matrix (fresh copy).</summary>
    public MathNet.Numerics.LinearAlgebra.Matrix<double> Matrix => Orthonormal.Haar(N, new Rng(Seed));

    /// <inheritdoc />
    public override string ToString() => $"Haar O({N}) seed={Seed}";
}
