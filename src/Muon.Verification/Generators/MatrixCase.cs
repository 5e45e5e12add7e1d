using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Harness;

namespace Muon.Verification.Generators;

/// <summary>How the singular values between σ₁ = scale and σ_r = scale/κ are placed.</summary>
public enum SpectrumShape
{
    /// <summary>Geometric: σᵢ = scale·κ^(−(i−1)/(r−1)).</summary>
    Geometric,
    /// <summary>Endpoints forced, interior values log-uniform (sorted).</summary>
    LogUniform,
    /// <summary>All equal to scale except the last, scale/κ (a cluster plus one outlier).</summary>
    Clustered,
}

/// <summary>
/// A matrix with a chosen spectrum, built as <c>G = U diag(σ) Vᵀ</c> with Haar-random U (m×r) and V (n×r):
/// the hypothesis (rank, condition number κ = σ₁/σ_r, scale σ₁, shape) is in the data by construction,
/// never obtained by filtering. The recipe is small and shrinkable; the matrix is rebuilt from it
/// deterministically, and <see cref="ToString"/> prints both at full precision.
/// </summary>
public sealed record MatrixCase(int Rows, int Cols, int Rank, double Kappa, double Scale, SpectrumShape Shape, ulong Seed)
{
    private Matrix<double>? _matrix;
    private double[]? _sigma;

    /// <summary>Copy constructor used by <c>with</c>: copies the recipe only, never the cached matrix, so a shrunk
    /// case is always rebuilt from its own recipe.</summary>
    private MatrixCase(MatrixCase original)
    {
        Rows = original.Rows;
        Cols = original.Cols;
        Rank = original.Rank;
        Kappa = original.Kappa;
        Scale = original.Scale;
        Shape = original.Shape;
        Seed = original.Seed;
    }

    /// <summary>The singular values σ₁ ≥ … ≥ σ_r &gt; 0 (r = <see cref="Rank"/>).</summary>
    public IReadOnlyList<double> SingularValues => _sigma ??= BuildSpectrum();

    /// <summary>The matrix U diag(σ) Vᵀ (a fresh copy each call, so callers cannot corrupt the case).</summary>
    public Matrix<double> Matrix => (_matrix ??= Build()).Clone();

    /// <summary>min(m, n).</summary>
    public int MinDim => Math.Min(Rows, Cols);

    private double[] BuildSpectrum()
    {
        var rng = new Rng(Seed ^ 0x5EC7A1UL);
        var s = new double[Rank];
        double logKappa = Math.Log(Kappa);
        for (int i = 0; i < Rank; i++)
        {
            double f = Rank == 1 ? 0 : (double)i / (Rank - 1);
            s[i] = Shape switch
            {
                SpectrumShape.Geometric => Scale * Math.Exp(-logKappa * f),
                SpectrumShape.LogUniform => i == 0 ? Scale : i == Rank - 1 ? Scale / Kappa : Scale * Math.Exp(-logKappa * rng.NextDouble()),
                _ => i == Rank - 1 && Rank > 1 ? Scale / Kappa : Scale,
            };
        }
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return s;
    }

    private Matrix<double> Build()
    {
        var rng = new Rng(Seed);
        var u = Orthonormal.Haar(Rows, Rank, rng);
        var v = Orthonormal.Haar(Cols, Rank, rng);
        return MatrixFunctions.FromFactors(u, SingularValues, v);
    }

    /// <summary>The recipe, the spectrum and the matrix, every number in round-trip form.</summary>
    public override string ToString()
        => $"G {Rows}×{Cols} rank {Rank} κ={Formatting.R(Kappa)} σ₁={Formatting.R(Scale)} spectrum={Shape} seed={Seed}; σ={Formatting.R(SingularValues)}; G={Formatting.R(Matrix)}";
}
