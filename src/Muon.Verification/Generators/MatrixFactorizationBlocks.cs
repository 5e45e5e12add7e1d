using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Harness;

namespace Muon.Verification.Generators;

/// <summary>
/// A rank-1 block (theory sheet §E): target <c>s·u vᵀ</c> (m×n, Haar unit vectors u, v), factors <c>P₀ = u aᵀ</c>,
/// <c>Q₀ = v bᵀ</c> with <c>‖a‖ = ‖b‖ = ρ</c> at angle θ in a Haar-random plane of R^d.
/// </summary>
/// <param name="M">m.</param>
/// <param name="N">n.</param>
/// <param name="D">d ≥ 2.</param>
/// <param name="S">s, the target's singular value.</param>
/// <param name="Rho">ρ₀ = ‖a₀‖ = ‖b₀‖.</param>
/// <param name="Theta">θ₀ ∈ (0, π), the angle between a₀ and b₀.</param>
/// <param name="Eta">Step size η.</param>
/// <param name="Seed">Seed of u, v and the plane.</param>
public sealed record RankOneBlockCase(int M, int N, int D, double S, double Rho, double Theta, double Eta, ulong Seed)
{
    /// <summary>Builds (target, u, v, P₀, Q₀).</summary>
    public (Matrix<double> Target, Vector<double> U, Vector<double> V, Matrix<double> P0, Matrix<double> Q0) Build()
    {
        var rng = new Rng(Seed);
        var u = Orthonormal.Haar(M, 1, rng).Column(0);
        var v = Orthonormal.Haar(N, 1, rng).Column(0);
        var frame = Orthonormal.Haar(D, 2, rng);
        var a = Rho * frame.Column(0);
        var b = Rho * (Math.Cos(Theta) * frame.Column(0) + Math.Sin(Theta) * frame.Column(1));
        return (S * u.OuterProduct(v), u, v, u.OuterProduct(a), v.OuterProduct(b));
    }

    /// <inheritdoc />
    public override string ToString()
        => $"rank-1 block m={M} n={N} d={D} s={Formatting.R(S)} ρ₀={Formatting.R(Rho)} θ₀={Formatting.R(Theta)} η={Formatting.R(Eta)} seed={Seed}";
}

/// <summary>
/// The d = 1 case (theory sheet §E): square target <c>U diag(s) Vᵀ</c> (n×n, Haar U, V), co-aligned factors
/// <c>P₀ = U x₀</c>, <c>Q₀ = V x₀</c> with x₀ = α·(a positive random unit vector).
/// </summary>
/// <param name="Case">The target recipe (m = n = r, d = 1; its Alpha and Eta are used).</param>
public sealed record OuterAlignmentCase(MfCase Case)
{
    /// <summary>x₀ (n entries, positive, norm α).</summary>
    public Vector<double> X0()
    {
        var rng = new Rng(Case.Seed ^ 0x0A11E0UL);
        var x = Vector<double>.Build.Dense(Case.N, _ => 0.1 + rng.NextDouble());
        return Case.Alpha * x / x.L2Norm();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Case}; x₀={Formatting.R(X0())}";
}
