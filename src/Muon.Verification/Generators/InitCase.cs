using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Verification.Harness;

namespace Muon.Verification.Generators;

/// <summary>How a factor is initialized.</summary>
public enum InitKind
{
    /// <summary>iid N(0, α²/fan) entries.</summary>
    Gaussian,
    /// <summary>α times a Haar matrix orthonormal along the shorter side.</summary>
    Orthogonal,
}

/// <summary>A factor initialization at scale α, rebuilt deterministically from its seed.</summary>
public sealed record InitCase(int Rows, int Cols, double Alpha, InitKind Kind, int FanScale, ulong Seed)
{
    /// <summary>The initial matrix (fresh copy).</summary>
    public Matrix<double> Matrix => Kind == InitKind.Gaussian
        ? Initialization.Gaussian(Rows, Cols, Alpha, FanScale, new Rng(Seed))
        : Initialization.Orthogonal(Rows, Cols, Alpha, new Rng(Seed));

    /// <inheritdoc />
    public override string ToString() => $"{Kind} init {Rows}×{Cols} α={Formatting.R(Alpha)} fan={FanScale} seed={Seed}";

    /// <summary>Initializations of a <paramref name="rows"/>×<paramref name="cols"/> factor with α log-uniform in
    /// [<paramref name="alphaLo"/>, <paramref name="alphaHi"/>] and the given kind (fan = max(rows, cols) unless given).</summary>
    public static Arbitrary<InitCase> Draw(int rows, int cols, double alphaLo, double alphaHi, InitKind kind, int? fanScale = null)
        => Arb.From(
            from alpha in MatrixGenerators.LogUniform(alphaLo, alphaHi)
            from seed in MatrixGenerators.Seed()
            select new InitCase(rows, cols, alpha, kind, fanScale ?? Math.Max(rows, cols), seed),
            c => c.Alpha > alphaLo ? [c with { Alpha = alphaLo }] : []);
}
