using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

[Collection(nameof(Numerics.SvdOverrideCollection))]
public sealed class FastPolarTests
{
    private static double Error(double kappa)
    {
        var rng = new Rng(21);
        var s = Enumerable.Range(0, 12).Select(i => Math.Pow(kappa, -i / 11.0)).ToArray();
        var g = MatrixFunctions.FromFactors(Orthonormal.Haar(15, 12, rng), s, Orthonormal.Haar(12, 12, rng));
        return (ExactPolar.Default.Orthogonalize(g) - new ExactPolar(method: PolarMethod.Svd).Orthogonalize(g)).FrobeniusNorm();
    }

    [Fact]
    public void The_sylvester_correction_is_what_makes_the_fast_path_accurate()
    {
        // κ = 1e4: the corrected path agrees with the SVD to O(u·κ) ≈ 1e-12 (measured 5e-13); without the correction
        // the rotation error O(u·κ²) ≈ 1e-8 remains (measured ~4e-10 … 6e-10·(κ/1e4)²).
        double corrected = Error(1e4);
        double uncorrected;
        try
        {
            GramPolar.SkipCorrection = true;
            uncorrected = Error(1e4);
        }
        finally
        {
            GramPolar.SkipCorrection = false;
        }
        Assert.True(corrected < 1e-11, $"corrected: {corrected:R}");
        Assert.True(uncorrected > 1e-10, $"uncorrected: {uncorrected:R}");
    }

    [Fact]
    public void Ill_conditioned_and_rank_deficient_inputs_take_the_svd_path()
    {
        // κ = 1e7 > 1e5: the fast path declines, so the result is the SVD's to the last bit.
        Assert.Equal(0.0, Error(1e7));
    }

    [Theory]
    [InlineData(10, 6, 1.0)]
    [InlineData(15, 12, 1e2)]
    [InlineData(12, 15, 1e4)]
    [InlineData(12, 12, 9e4)]
    public void The_fast_path_is_taken_up_to_kappa_1e5_and_is_as_accurate_as_the_svd(int m, int n, double kappa)
    {
        // Without this, a broken correction or refinement would hide behind the SVD fallback (TryCompute → null).
        // Accuracy: both are O(u·κ) backward-stable polar factors (measured 0.4–0.9·u·κ); 16·u·κ leaves a factor ~20.
        var rng = new Rng(5);
        int k = Math.Min(m, n);
        var s = Enumerable.Range(0, k).Select(i => Math.Pow(kappa, -i / (k - 1.0))).ToArray();
        var g = MatrixFunctions.FromFactors(Orthonormal.Haar(m, k, rng), s, Orthonormal.Haar(n, k, rng));
        var fast = GramPolar.TryCompute(g);
        Assert.NotNull(fast);
        double error = (fast - new ExactPolar(method: PolarMethod.Svd).Orthogonalize(g)).FrobeniusNorm();
        Assert.True(error <= 16 * MatrixFunctions.UnitRoundoff * kappa, $"κ = {kappa:R}: error {error:R}");
    }

    [Fact]
    public void The_fast_path_is_taken_at_kappa_exactly_1e5_and_declined_just_above()
    {
        // The gate is κ² = λ_max/λ_min > 1e10 (documented: declines for κ > 1e5). diag(1e5, 1) has AᵀA = diag(1e10, 1)
        // exactly, so its eigenvalue ratio is exactly 1e10: on the boundary, the fast path runs.
        var atGate = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray([1e5, 1]);
        Assert.NotNull(GramPolar.TryCompute(atGate));
        var above = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray([1.0000001e5, 1]);
        Assert.Null(GramPolar.TryCompute(above));
    }

    [Fact]
    public void Refinement_gives_up_after_its_step_cap_and_converges_within_a_larger_one()
    {
        // X₀ = 0.5·Q (Q with orthonormal columns): Newton–Schulz maps each singular value σ ↦ σ(3 − σ²)/2, so
        // 0.5 → 0.69 → 0.87 → 0.975 → 0.9991 → 1 − 1.2e-6 → 1 − 2.3e-12 → 1 − u: seven steps to ‖XᵀX − I‖_F ≤ 16·k·u.
        // A cap of 4 must decline (the fast path then hands over to the SVD); a cap of 12 must converge.
        const int k = 5, p = 9;
        var q = Orthonormal.Haar(p, k, new Rng(3));
        double[] Start() => (0.5 * q.Transpose()).ToColumnMajorArray();
        var next = new double[k * p];
        var s = new double[k * k];

        var capped = Start();
        Assert.False(GramPolar.Refine(ref capped, ref next, s, k, p, maxSteps: 4));

        var xt = Start();
        Assert.True(GramPolar.Refine(ref xt, ref next, s, k, p, maxSteps: 12));
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, p, xt).Transpose();
        double defect = (x.TransposeThisAndMultiply(x) - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(k)).FrobeniusNorm();
        Assert.True(defect <= 16 * k * MatrixFunctions.UnitRoundoff, $"defect {defect:R}");
        Assert.True((x - q).FrobeniusNorm() <= 16 * k * MatrixFunctions.UnitRoundoff, "the refined X is Q itself");
    }
}
