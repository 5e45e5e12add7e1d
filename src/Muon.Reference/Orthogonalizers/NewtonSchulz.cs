using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;

namespace Muon.Reference.Orthogonalizers;

/// <summary>
/// Newton–Schulz orthogonalization: <c>X₀ = G / (c·‖G‖_F + eps)</c>, then for each step k
/// <c>X ← a X + b (XXᵀ)X + c (XXᵀ)²X</c> with the schedule's coefficients (on the wide orientation, as
/// public implementations do). It acts on singular values only: <c>NS(G) = U φ(Σ/‖G‖_F) Vᵀ</c> with
/// the scalar map <see cref="Phi"/> = p_K ∘ … ∘ p_1 ∘ (x ↦ x/c). The zero matrix maps to zero.
/// </summary>
public sealed class NewtonSchulz : ISpectralOrthogonalizer
{
    /// <summary>Creates an iteration with <paramref name="steps"/> steps of <paramref name="schedule"/>.</summary>
    /// <param name="schedule">Coefficients, extension rule and input cushion.</param>
    /// <param name="steps">Number of polynomial steps (≥ 1).</param>
    /// <param name="eps">Added to the normalizer; 0 (the default) keeps exact scale invariance, and the zero
    /// matrix is handled explicitly. Third-party code often uses 1e-7.</param>
    public NewtonSchulz(CoefficientSchedule schedule, int steps, double eps = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        Guard.NonNegative(eps, nameof(eps));
        Guard.Positive(schedule.InputCushion, "schedule.InputCushion");
        for (int k = 0; k < steps; k++) schedule.At(k);
        Schedule = schedule;
        Steps = steps;
        Eps = eps;
    }

    /// <summary>Classical cubic with <paramref name="steps"/> steps.</summary>
    public static NewtonSchulz Cubic(int steps = 5) => new(CoefficientSchedule.Cubic, steps);

    /// <summary>Keller Jordan's quintic, 5 steps by default.</summary>
    public static NewtonSchulz KellerQuintic(int steps = 5) => new(CoefficientSchedule.KellerQuintic, steps);

    /// <summary>You/Cesista 5-step schedule.</summary>
    public static NewtonSchulz You5() => new(CoefficientSchedule.You5, 5);

    /// <summary>Polar Express, 8 steps.</summary>
    public static NewtonSchulz PolarExpress(int steps = 8) => new(CoefficientSchedule.PolarExpress, steps);

    /// <summary>The coefficient schedule.</summary>
    public CoefficientSchedule Schedule { get; }

    /// <summary>Number of steps.</summary>
    public int Steps { get; }

    /// <summary>The additive eps of the normalizer.</summary>
    public double Eps { get; }

    /// <inheritdoc />
    public string Name => $"newton-schulz:{Schedule.Name}×{Steps}" + (Eps > 0 ? $"(eps={Eps:R})" : "");

    /// <summary>The scalar map φ applied to a normalized singular value x = σ/‖G‖_F (eps ignored).</summary>
    public double Phi(double x)
    {
        double y = x / Schedule.InputCushion;
        for (int k = 0; k < Steps; k++) y = Schedule.At(k).Apply(y);
        return y;
    }

    /// <inheritdoc />
    public double[] SpectralMap(IReadOnlyList<double> singularValues)
    {
        double norm = Math.Sqrt(singularValues.Sum(s => s * s));
        if (norm == 0) return singularValues.Select(_ => 0.0).ToArray();
        double denominator = Schedule.InputCushion * norm + Eps;
        return singularValues.Select(s =>
        {
            double y = s / denominator;
            for (int k = 0; k < Steps; k++) y = Schedule.At(k).Apply(y);
            return y;
        }).ToArray();
    }

    /// <inheritdoc />
    public Matrix<double> Orthogonalize(Matrix<double> g)
    {
        Guard.Finite(g, nameof(g));
        // Work on 2^−e·G (exact) so that ‖G‖_F neither overflows nor underflows; eps is rescaled with it, which keeps
        // X₀ = G/(c‖G‖_F + eps) unchanged.
        var (scaled, exponent) = BinaryScaling.Normalize(g);
        double norm = scaled.FrobeniusNorm();
        if (norm == 0) return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        // Stryker disable once Equality : p(XXᵀ)X = X·p(XᵀX): iterating on either Gram side gives the same matrix; only cost and rounding differ
        bool tall = g.RowCount > g.ColumnCount;
        var wide = tall ? scaled.Transpose() : scaled;
        int r = wide.RowCount, c = wide.ColumnCount;
        double inverse = 1.0 / (Schedule.InputCushion * norm + Math.ScaleB(Eps, -exponent));
        // Workspaces for the whole iteration (column-major, MathNet's layout): no allocation inside the loop.
        var x = wide.ToColumnMajorArray();
        for (int i = 0; i < x.Length; i++) x[i] *= inverse;
        var next = new double[x.Length];
        var gram = new double[r * r];
        var gram2 = new double[r * r];
        for (int k = 0; k < Steps; k++)
        {
            var (a, b, cc) = Schedule.At(k);
            Gemm.Multiply(x, r, c, x, transposeB: true, r, gram);               // A = X Xᵀ
            if (cc != 0)
            {
                // Stryker disable once Boolean : A·Aᵀ instead of A·A for A = XXᵀ, the same matrix in exact arithmetic; A is symmetric only to rounding where both the FMA kernel and the scalar edge loop fill it (e.g. r = 12, 13, 20), so the products differ by rounding only
                Gemm.Multiply(gram, r, r, gram, transposeB: false, r, gram2);   // A²
                for (int i = 0; i < gram.Length; i++) gram2[i] = b * gram[i] + cc * gram2[i];
            }
            else
            {
                for (int i = 0; i < gram.Length; i++) gram2[i] = b * gram[i];
            }
            Array.Copy(x, next, x.Length);
            Gemm.Multiply(gram2, r, r, x, transposeB: false, c, next, beta: a); // X ← a X + (bA + cA²) X
            (x, next) = (next, x);
        }
        var result = Matrix<double>.Build.Dense(r, c, x);
        return tall ? result.Transpose() : result;
    }
}
