using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Harness;

namespace Muon.Verification.Generators;

/// <summary>How the factors (P₀, Q₀) of a matrix-factorization case are initialized.</summary>
public enum MfInit
{
    /// <summary><c>P₀ = U diag(p₀) Wᵀ</c>, <c>Q₀ = V diag(q₀) Wᵀ</c> (W Haar in O(d), d = rank), p₀ᵢ, q₀ᵢ ~ U[InitLo, InitHi].</summary>
    Aligned,
    /// <summary>Entries iid <c>N(0, α²/max(m, n, d))</c>.</summary>
    Gaussian,
    /// <summary><c>P₀ = α·O_P</c>, <c>Q₀ = α·O_Q</c> with orthonormal columns (d ≤ rows) or rows (d ≥ rows), Haar.</summary>
    Orthogonal,
}

/// <summary>
/// The recipe of one matrix-factorization problem (theory sheet matrix-factorization.md, "Convention"): target
/// <c>M* = U diag(s) Vᵀ ∈ R^{m×n}</c> with Haar U (m×r), V (n×r), <c>s₁ = S1 &gt; … &gt; s_r = S1/κ</c>; factors
/// P (m×d), Q (n×d); an initialization; a step size η. Everything is rebuilt deterministically from
/// <see cref="Seed"/> with the project's <see cref="Rng"/>, so the hypothesis is in the data by construction and
/// <see cref="ToString"/> (every number in round-trip form) replays the case.
/// </summary>
/// <param name="M">m, rows of M*.</param>
/// <param name="N">n, columns of M*.</param>
/// <param name="D">d, hidden width.</param>
/// <param name="Rank">r, rank of M* (≤ min(m, n)).</param>
/// <param name="S1">s₁, the largest target singular value.</param>
/// <param name="Kappa">κ = s₁/s_r.</param>
/// <param name="Spectrum">Placement of s₂ … s_{r−1} (geometric or log-uniform, endpoints fixed).</param>
/// <param name="Init">Initialization kind.</param>
/// <param name="Alpha">Init scale α (Gaussian, Orthogonal).</param>
/// <param name="InitLo">Aligned init: lower end of p₀ᵢ, q₀ᵢ.</param>
/// <param name="InitHi">Aligned init: upper end of p₀ᵢ, q₀ᵢ.</param>
/// <param name="Eta">Step size η (the spec says how it is used).</param>
/// <param name="OrientationMatch">When d = n = m = r: flip column 0 of P₀ if det(P₀)·det(Q₀)·det(M*) &lt; 0 (the orientation trap).</param>
/// <param name="Seed">Seed of the target bases, spectrum interior and init.</param>
public sealed record MfCase(
    int M, int N, int D, int Rank, double S1, double Kappa, SpectrumShape Spectrum,
    MfInit Init, double Alpha, double InitLo, double InitHi, double Eta, bool OrientationMatch, ulong Seed)
{
    // Cached per instance by reference: a field cache would be copied by `with` and survive a shrink.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MfCase, MfProblem> Cache = [];

    /// <summary>The materialized problem (built once per instance; matrices are returned as copies).</summary>
    public MfProblem Problem => Cache.GetValue(this, MfProblem.Build);

    /// <summary>Whether the case is square with full-rank target and d = n (the orientation trap applies).</summary>
    public bool IsSquareFullWidth => M == N && N == D && Rank == N;

    /// <summary>The recipe and the spectrum, every number in round-trip form.</summary>
    public override string ToString()
        => $"MF m={M} n={N} d={D} r={Rank} s₁={Formatting.R(S1)} κ={Formatting.R(Kappa)} spectrum={Spectrum} s={Formatting.R(Problem.S)} "
         + $"init={Init} α={Formatting.R(Alpha)} p₀,q₀∈[{Formatting.R(InitLo)}, {Formatting.R(InitHi)}] η={Formatting.R(Eta)} "
         + $"orientation-match={OrientationMatch}{(Problem.OrientationFlipped ? " (flipped)" : "")} seed={Seed}";
}

/// <summary>The matrices of an <see cref="MfCase"/>.</summary>
public sealed class MfProblem
{
    private readonly Matrix<double> _target, _u, _v, _w, _p0, _q0;

    private MfProblem(double[] s, Matrix<double> u, Matrix<double> v, Matrix<double> w, Matrix<double> p0, Matrix<double> q0, bool flipped)
    {
        S = s;
        _u = u;
        _v = v;
        _w = w;
        _p0 = p0;
        _q0 = q0;
        OrientationFlipped = flipped;
        _target = MatrixFunctions.FromFactors(u, s, v);
    }

    /// <summary>Target singular values s₁ ≥ … ≥ s_r.</summary>
    public IReadOnlyList<double> S { get; }

    /// <summary>M* = U diag(s) Vᵀ (copy).</summary>
    public Matrix<double> Target => _target.Clone();

    /// <summary>U (m×r, copy).</summary>
    public Matrix<double> U => _u.Clone();

    /// <summary>V (n×r, copy).</summary>
    public Matrix<double> V => _v.Clone();

    /// <summary>W (d×d Haar, copy): the inner basis of an aligned init.</summary>
    public Matrix<double> W => _w.Clone();

    /// <summary>P₀ (m×d, copy).</summary>
    public Matrix<double> P0 => _p0.Clone();

    /// <summary>Q₀ (n×d, copy).</summary>
    public Matrix<double> Q0 => _q0.Clone();

    /// <summary>Whether orientation matching flipped column 0 of P₀.</summary>
    public bool OrientationFlipped { get; }

    /// <summary>Aligned init: p₀ (diagonal of Uᵀ P₀ W), else empty.</summary>
    public IReadOnlyList<double> AlignedP0 { get; private init; } = [];

    /// <summary>Aligned init: q₀, else empty.</summary>
    public IReadOnlyList<double> AlignedQ0 { get; private init; } = [];

    internal static MfProblem Build(MfCase c)
    {
        if (c.Rank < 1 || c.Rank > Math.Min(c.M, c.N) || c.D < 1)
            throw new ArgumentException($"inconsistent MF case: {c.M}×{c.N}, rank {c.Rank}, width {c.D}.");
        var rng = new Rng(c.Seed);
        var s = Spectrum(c, rng.Split());
        var u = Orthonormal.Haar(c.M, c.Rank, rng);
        var v = Orthonormal.Haar(c.N, c.Rank, rng);
        var w = Orthonormal.Haar(c.D, rng);
        double[] p0 = [], q0 = [];
        Matrix<double> p, q;
        switch (c.Init)
        {
            case MfInit.Aligned:
                if (c.D != c.Rank) throw new ArgumentException($"aligned init needs d = r, got d={c.D}, r={c.Rank}.");
                p0 = Enumerable.Range(0, c.Rank).Select(_ => rng.Uniform(c.InitLo, c.InitHi)).ToArray();
                q0 = Enumerable.Range(0, c.Rank).Select(_ => rng.Uniform(c.InitLo, c.InitHi)).ToArray();
                p = MatrixFunctions.FromFactors(u, p0, w);
                q = MatrixFunctions.FromFactors(v, q0, w);
                break;
            case MfInit.Gaussian:
                double std = c.Alpha / Math.Sqrt(Math.Max(c.M, Math.Max(c.N, c.D)));
                p = MatrixFunctions.Gaussian(c.M, c.D, std, rng);
                q = MatrixFunctions.Gaussian(c.N, c.D, std, rng);
                break;
            default:
                p = c.Alpha * OrthonormalFrame(c.M, c.D, rng);
                q = c.Alpha * OrthonormalFrame(c.N, c.D, rng);
                break;
        }
        bool flipped = false;
        if (c.OrientationMatch && c.IsSquareFullWidth && p.Determinant() * q.Determinant() * SignDet(u, v) < 0)
        {
            p.SetColumn(0, -p.Column(0));
            flipped = true;
        }
        return new MfProblem(s, u, v, w, p, q, flipped) { AlignedP0 = p0, AlignedQ0 = q0 };
    }

    /// <summary>sign det(M*) = sign det(U)·det(V) for square full-rank targets (s &gt; 0).</summary>
    private static double SignDet(Matrix<double> u, Matrix<double> v) => Math.Sign(u.Determinant()) * Math.Sign(v.Determinant());

    /// <summary>A rows×cols Haar frame: orthonormal columns when cols ≤ rows, orthonormal rows otherwise.</summary>
    public static Matrix<double> OrthonormalFrame(int rows, int cols, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return cols <= rows ? Orthonormal.Haar(rows, cols, rng) : Orthonormal.Haar(cols, rows, rng).Transpose();
    }

    private static double[] Spectrum(MfCase c, Rng rng)
    {
        var s = new double[c.Rank];
        double logKappa = Math.Log(c.Kappa);
        for (int i = 0; i < c.Rank; i++)
        {
            double f = c.Rank == 1 ? 0 : (double)i / (c.Rank - 1);
            s[i] = c.Spectrum == SpectrumShape.LogUniform && i > 0 && i < c.Rank - 1
                ? c.S1 * Math.Exp(-logKappa * rng.NextDouble())
                : c.S1 * Math.Exp(-logKappa * f);
        }
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return s;
    }
}
