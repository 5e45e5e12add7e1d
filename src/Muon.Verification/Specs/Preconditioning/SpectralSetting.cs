using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;

namespace Muon.Verification.Specs.Preconditioning;

/// <summary>The three objectives whose simplified-Muon dynamics decouple in the spectral domain (C2).</summary>
public enum SpectralSetting
{
    /// <summary><c>f(U) = ¼‖UUᵀ − M*‖²_F</c>, <c>M* = V diag(λ) Vᵀ</c>, <c>U = V diag(u) R</c>: uᵢ ← uᵢ − η·sign((uᵢ² − λᵢ)uᵢ).</summary>
    SymmetricMatrixFactorization,
    /// <summary><c>f(Q) = tr((SQ − I)S(SQ − I)ᵀ)</c>, <c>S = V diag(s) Vᵀ</c>, <c>Q = V diag(q) Vᵀ</c>: qᵢ ← qᵢ − η·sign(sᵢqᵢ − 1).</summary>
    InContextRegression,
    /// <summary><c>½⟨W, AW⟩</c>, <c>A = P diag(λ) Pᵀ</c>, <c>W = P diag(w) Rᵀ</c>: wᵢ ← wᵢ − η·sign(wᵢ) (λ-free).</summary>
    Quadratic,
}

/// <summary>
/// One aligned draw: the spectral data (λ or s ∈ [1e-3, 1], log-uniform), the orthonormal frames, and the scalar
/// start x(0) placed at a distance (5 + 40·U)η from its target on a random side, so the approach phase
/// T = minᵢ⌊|xᵢ(0) − xᵢ*|/η⌋ ≥ 5 is built into the data.
/// </summary>
internal sealed class AlignedProblem
{
    public required SpectralSetting Setting { get; init; }
    public required double[] Spectrum { get; init; }
    public required Matrix<double> Left { get; init; }
    public required Matrix<double> Right { get; init; }
    public required double[] X0 { get; init; }
    public required IObjective Objective { get; init; }
    public required string Parameter { get; init; }

    /// <summary>Builds the problem of a draw (dimension d, rank r, step η, seed).</summary>
    public static AlignedProblem Build(SpectralSetting setting, int d, int r, double eta, ulong seed)
    {
        var rng = new Rng(seed);
        bool icl = setting == SpectralSetting.InContextRegression;
        int modes = icl ? d : r;
        var spectrum = Enumerable.Range(0, modes).Select(_ => rng.LogUniform(1e-3, 1)).ToArray();
        var left = Orthonormal.Haar(d, icl ? d : r, rng);
        var right = icl ? left : Orthonormal.Haar(r, r, rng);
        var x0 = new double[modes];
        for (int i = 0; i < modes; i++)
        {
            double dist = (5 + 40 * rng.NextDouble()) * eta;
            double side = rng.NextDouble() < 0.5 ? -1 : 1;
            x0[i] = setting switch
            {
                // Above √λ (moving down), or below it but still positive when there is room; then a random global sign.
                SpectralSetting.SymmetricMatrixFactorization => (side > 0 || Math.Sqrt(spectrum[i]) - dist < 1e-3
                    ? Math.Sqrt(spectrum[i]) + dist
                    : Math.Sqrt(spectrum[i]) - dist) * (rng.NextDouble() < 0.5 ? -1 : 1),
                SpectralSetting.InContextRegression => 1 / spectrum[i] + side * dist,
                _ => side * dist,
            };
        }
        var diag = Matrix<double>.Build.DenseOfDiagonalArray(spectrum);
        var frame = Orthonormal.Complete(left);
        var curvature = Matrix<double>.Build.DenseOfDiagonalArray(Pad(spectrum, d, rng));
        IObjective objective = setting switch
        {
            SpectralSetting.SymmetricMatrixFactorization => new SymmetricMatrixFactorization(Symmetrize(left * diag * left.Transpose()), r),
            SpectralSetting.InContextRegression => new InContextRegression(Symmetrize(left * diag * left.Transpose())),
            _ => Muon.Reference.Objectives.Quadratic.Centered(Symmetrize(frame * curvature * frame.Transpose()), r),
        };
        string parameter = setting switch
        {
            SpectralSetting.SymmetricMatrixFactorization => SymmetricMatrixFactorization.U,
            SpectralSetting.InContextRegression => InContextRegression.Q,
            _ => Muon.Reference.Objectives.Quadratic.W,
        };
        return new AlignedProblem { Setting = setting, Spectrum = spectrum, Left = left, Right = right, X0 = x0, Objective = objective, Parameter = parameter };
    }

    /// <summary>The matrix <c>Left diag(x) Rightᵀ</c> of scalar coordinates x.</summary>
    public Matrix<double> Reconstruct(IReadOnlyList<double> x) => MatrixFunctions.FromFactors(Left, x, Right);

    /// <summary>The scalar targets (fixed points of the sign recursion).</summary>
    public double[] Targets(Func<double, double>? iclTarget) => Setting switch
    {
        SpectralSetting.SymmetricMatrixFactorization => X0.Select((x, i) => Math.Sign(x) * Math.Sqrt(Spectrum[i])).ToArray(),
        SpectralSetting.InContextRegression => Spectrum.Select(s => (iclTarget ?? (v => 1 / v))(s)).ToArray(),
        _ => new double[X0.Length],
    };

    /// <summary>
    /// The scalar gradient magnitudes |gᵢ| at x (the singular values of the aligned gradient) and the Lipschitz
    /// constant J of the gradient near x (MF: 3‖U‖₂² + ‖M*‖₂; ICL: 2‖S‖₂³; quadratic: ‖A‖₂).
    /// </summary>
    public (double MinGradient, double Lipschitz) GradientScale(IReadOnlyList<double> x)
    {
        double maxX = x.Max(Math.Abs);
        return Setting switch
        {
            SpectralSetting.SymmetricMatrixFactorization => (x.Select((u, i) => Math.Abs((u * u - Spectrum[i]) * u)).Min(), 3 * maxX * maxX + 1),
            SpectralSetting.InContextRegression => (x.Select((q, i) => 2 * Spectrum[i] * Spectrum[i] * Math.Abs(Spectrum[i] * q - 1)).Min(), 2),
            _ => (x.Select((w, i) => Spectrum[i] * Math.Abs(w)).Min(), 1),
        };
    }

    /// <summary>The quadratic's curvature acts on all d rows: complete P and give the unused directions λ ∈ [1e-3, 1] too.</summary>
    private static double[] Pad(double[] spectrum, int d, Rng rng)
        => spectrum.Concat(Enumerable.Range(0, d - spectrum.Length).Select(_ => rng.LogUniform(1e-3, 1))).ToArray();

    private static Matrix<double> Symmetrize(Matrix<double> m) => 0.5 * (m + m.Transpose());
}
