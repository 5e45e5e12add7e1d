using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using static Muon.Verification.Harness.Formatting;
using static Muon.Verification.Generators.MatrixFactorizationGenerators;
using MfObjective = Muon.Reference.Objectives.MatrixFactorization;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>
/// D1 — the Hessian at the balanced optimum (arXiv 2606.30509; theory sheet §D1). At <c>P* = U S^½ W_rᵀ</c>,
/// <c>Q* = V S^½ W_rᵀ</c> (W_r: d×r orthonormal columns) the residual vanishes and <c>∇²L_half = JᵀJ</c> with
/// <c>J(dP, dQ) = dP Q*ᵀ + P* dQᵀ</c>; <c>JJᵀ(X) = U S Uᵀ X + X V S Vᵀ</c> has eigenvalues <c>s_a + s_b</c> (a, b ≤ r) and
/// <c>s_a</c> with multiplicity (m−r)+(n−r). So λ_max = 2s₁ (L_full: 4s₁), GD threshold 2/λ_max = 1/s₁; at the
/// unbalanced optimum (cP*, Q*/c) it is (c²+c⁻²)s₁ ≥ 2s₁.
/// </summary>
/// <remarks>Generator: n ∈ [1,6], m ∈ [n,8], r ∈ [1,n], d ∈ [r, r+3], s₁ ∈ logU[0.1,10], κ ∈ logU[1.5,100], log-uniform
/// interior spectrum. The Hessian is assembled densely from (m+n)·d exact HVPs (≤ 126 columns).</remarks>
public static class SharpnessSpecs
{
    /// <summary>Cases per spec (a dense symmetric eigen-decomposition of ≤ 126×126 each).</summary>
    public const int StandardCases = 100;

    /// <summary>The D1 generator (Eta unused).</summary>
    public static Arbitrary<MfCase> OptimumCases()
    {
        var gen =
            from n in Gen.Choose(1, 6)
            from m in Gen.Choose(n, 8)
            from r in Gen.Choose(1, n)
            from extra in Gen.Choose(0, 3)
            from s1 in LogUniform(0.1, 10)
            from kappa in LogUniform(1.5, 100)
            from seed in Seed()
            select new MfCase(m, n, r + extra, r, s1, kappa, SpectrumShape.LogUniform, MfInit.Orthogonal, 0, 0, 0, 0, false, seed);
        return Arbitrary(gen, c => c.Rank <= c.N && c.N <= c.M && c.D >= c.Rank);
    }

    /// <summary>
    /// The whole spectrum of ∇²L at the balanced optimum: sorted eigenvalues equal the sorted multiset
    /// {s_a + s_b} ∪ {s_a ×((m−r)+(n−r))} ∪ {0, …} times the declared convention factor (1 for half, 2 for full), and the
    /// reference Lanczos sharpness (full dimension) gives λ_max = 2s₁·factor. <paramref name="imbalance"/> c ≠ 1 evaluates at
    /// (cP*, Q*/c) instead (negative control: the balanced spectrum is then wrong).
    /// Tolerance 4·Backward(N, N)·λ_max, N = (m+n)d: Weyl's bound for a backward-stable symmetric eigensolver, plus the
    /// HVP columns' own rounding (a few products of size ≤ 8) and the symmetrization.
    /// </summary>
    public static PropertySpec BalancedOptimumSpectrum(MfObjectiveSubject subject, double imbalance = 1)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new PropertySpec(
            "mf/D1/hessian-spectrum-balanced-optimum" + (imbalance == 1 ? "" : $"-at-c={R(imbalance)}"),
            "At the balanced optimum the Hessian's spectrum is {s_a+s_b} ∪ {s_b ×((m−r)+(n−r))} ∪ {0} (×2 for L_full); λ_max = 2s₁, GD threshold 1/s₁.",
            "arXiv 2606.30509 (sharpness of balanced solutions); theory sheet D1 (matched to 4e-15)",
            "4·Backward((m+n)d)·λ_max: Weyl bound of a backward-stable symmetric EVD",
            StandardCases,
            () => Prop.ForAll(OptimumCases(), c =>
            {
                var (objective, at, dim) = Optimum(subject, c, imbalance);
                var h = DenseHessian(objective, at, dim);
                var eig = h.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderByDescending(x => x).ToArray();
                var predicted = PredictedSpectrum(c, dim).Select(x => x * subject.Declared.RelativeToHalf()).ToArray();
                double lambdaMax = predicted[0];
                double tol = 4 * Tolerances.Backward(dim, dim) * lambdaMax;
                double worst = 0;
                int worstAt = 0;
                for (int i = 0; i < dim; i++)
                {
                    double e = Math.Abs(eig[i] - predicted[i]);
                    if (!(e <= worst)) { worst = e; worstAt = i; }
                }
                MfCheck.AtMost(worst, tol, "max_i |λ_i(∇²L) − predicted_i|", subject.Name, c,
                    $"at index {worstAt}: λ={R(eig[worstAt])}, predicted {R(predicted[worstAt])}; c={R(imbalance)}", roundOff: true, scale: lambdaMax);
                double lanczos = Sharpness.LambdaMax(objective, at, new Rng(c.Seed ^ 0x1A2CUL), dim);
                MfCheck.AtMost(Math.Abs(lanczos - lambdaMax), tol, "|λ_max(Lanczos) − 2s₁·factor|", subject.Name, c,
                    $"λ_max={R(lanczos)}, predicted {R(lambdaMax)}, threshold 2/λ_max={R(2 / lanczos)} vs 1/s₁={R(1 / c.S1)}·(1/factor)", roundOff: true, scale: lambdaMax);
            })) { Subject = subject.Name };
    }

    /// <summary>
    /// Any of the optima (cP*, Q*/c), c ∈ logU[1/3, 3], has λ_max = (c² + c⁻²)s₁ ≥ 2s₁ (×2 for L_full), equality only at
    /// c = 1: the balanced solution is the flattest. Same tolerance as <see cref="BalancedOptimumSpectrum"/>.
    /// </summary>
    public static PropertySpec UnbalancedOptimumSharpness(MfObjectiveSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var arb = Arb.Zip(OptimumCases(), Arb.From(LogUniform(1.0 / 3, 3)));
        return new PropertySpec(
            "mf/D1/lambda-max-unbalanced-optimum",
            "At the optimum (cP*, Q*/c) λ_max = (c²+c⁻²)s₁ ≥ 2s₁ (×2 for L_full).",
            "theory sheet D1 (unbalanced optimum; any global minimum has λ_max ≥ 2s₁)",
            "4·Backward((m+n)d)·λ_max: Weyl bound of a backward-stable symmetric EVD",
            StandardCases,
            () => Prop.ForAll(arb, ((MfCase Case, double C) x) =>
            {
                var c = x.Case;
                var (objective, at, dim) = Optimum(subject, c, x.C);
                var h = DenseHessian(objective, at, dim);
                double lambdaMax = h.Evd(Symmetricity.Symmetric).EigenValues.Max(z => z.Real);
                double predicted = (x.C * x.C + 1 / (x.C * x.C)) * c.S1 * subject.Declared.RelativeToHalf();
                double tol = 4 * Tolerances.Backward(dim, dim) * predicted;
                MfCheck.AtMost(Math.Abs(lambdaMax - predicted), tol, "|λ_max − (c²+c⁻²)s₁·factor|", subject.Name, c,
                    $"c={R(x.C)}, λ_max={R(lambdaMax)}, predicted {R(predicted)}", roundOff: true, scale: predicted);
            })) { Subject = subject.Name };
    }

    /// <summary>
    /// Every global minimum <c>P = U S^½ A</c>, <c>Q = V S^½ A⁻ᵀ</c> (d = r, A a random invertible r×r matrix with
    /// Gaussian entries, κ(A) ≤ 1e3) has λ_max(∇²L) ≥ 2s₁ (×2 for L_full): the balanced solution (A orthogonal) is the
    /// flattest minimum. Proof sketch: JJᵀ(X) = U S^½AAᵀS^½Uᵀ X + X V S^½A⁻ᵀA⁻¹S^½Vᵀ, and for X = u₁v₁ᵀ the Rayleigh quotient is
    /// s₁(‖A₁‖² + ‖A⁻ᵀ₁‖²) ≥ 2s₁ by AM–GM with ⟨A₁, A⁻ᵀ₁⟩ = 1 (row 1 of A and of A⁻ᵀ).
    /// <paramref name="pointScale"/> ≠ 1 evaluates at (cP, cQ) instead — not a minimum (negative control).
    /// Tolerance: the same Weyl bound, 4·Backward·λ_max.
    /// </summary>
    public static PropertySpec GlobalMinimaSharpness(MfObjectiveSubject subject, double pointScale = 1)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var gen =
            from r in Gen.Choose(1, 5)
            from n in Gen.Choose(r, 6)
            from m in Gen.Choose(n, 8)
            from s1 in LogUniform(0.1, 10)
            from kappa in LogUniform(1.5, 100)
            from seed in Seed()
            select new MfCase(m, n, r, r, s1, kappa, SpectrumShape.LogUniform, MfInit.Gaussian, 1, 0, 0, 0, false, seed);
        var arb = Arbitrary(gen, c => c.D == c.Rank && c.Rank <= c.N && c.N <= c.M);
        return new PropertySpec(
            "mf/D1/global-minima-sharpness-at-least-2s1" + (pointScale == 1 ? "" : $"-at-scale={R(pointScale)}"),
            "Every global minimum (U S^½ A, V S^½ A⁻ᵀ) has λ_max ≥ 2s₁ (×2 for L_full); equality at the balanced one.",
            "theory sheet D1 (any global minimum has λ_max ≥ 2s₁)",
            "4·Backward((m+n)d)·λ_max: Weyl bound of a backward-stable symmetric EVD",
            StandardCases,
            () => Prop.ForAll(arb, c =>
            {
                var pr = c.Problem;
                var rng = new Rng(c.Seed ^ 0xA11A1UL);
                Matrix<double> a;
                do { a = Matrix<double>.Build.Dense(c.Rank, c.Rank, (_, _) => rng.Normal()); }
                while (a.ConditionNumber() > 1e3);
                var root = Matrix<double>.Build.DiagonalOfDiagonalArray(pr.S.Select(Math.Sqrt).ToArray());
                var p = pointScale * (pr.U * root * a);
                var q = pointScale * (pr.V * root * a.Inverse().Transpose());
                int dim = (c.M + c.N) * c.D;
                var objective = subject.Create(pr.Target, c.D);
                var h = DenseHessian(objective, MfObjective.Parameters(p, q), dim);
                double lambdaMax = h.Evd(Symmetricity.Symmetric).EigenValues.Max(z => z.Real);
                double floor = 2 * c.S1 * subject.Declared.RelativeToHalf();
                double tol = 4 * Tolerances.Backward(dim, dim) * lambdaMax;
                MfCheck.AtLeast(lambdaMax, floor - tol, "λ_max at a global minimum", subject.Name, c,
                    $"2s₁·factor={R(floor)}, κ(A)={R(a.ConditionNumber())}, point scale {R(pointScale)}");
            })) { Subject = subject.Name };
    }

    private static (ITwiceDifferentiableObjective Objective, ParameterSet At, int Dim) Optimum(MfObjectiveSubject subject, MfCase c, double imbalance)
    {
        var pr = c.Problem;
        var root = pr.S.Select(Math.Sqrt).ToArray();
        var wr = pr.W.SubMatrix(0, c.D, 0, c.Rank);
        var p = imbalance * MfCheck.Aligned(pr.U, root, wr);
        var q = MfCheck.Aligned(pr.V, root, wr) / imbalance;
        return (subject.Create(pr.Target, c.D), MfObjective.Parameters(p, q), (c.M + c.N) * c.D);
    }

    private static double[] PredictedSpectrum(MfCase c, int dim)
    {
        var s = c.Problem.S;
        var list = new List<double>(dim);
        foreach (var a in s)
            foreach (var b in s)
                list.Add(a + b);
        foreach (var a in s)
            for (int k = 0; k < (c.M - c.Rank) + (c.N - c.Rank); k++)
                list.Add(a);
        while (list.Count < dim) list.Add(0);
        return list.OrderByDescending(x => x).ToArray();
    }

    private static Matrix<double> DenseHessian(ITwiceDifferentiableObjective objective, ParameterSet at, int dim)
    {
        var h = Matrix<double>.Build.Dense(dim, dim);
        for (int k = 0; k < dim; k++)
        {
            int offset = 0;
            var e = at.Map((_, m) =>
            {
                var z = Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
                int local = k - offset;
                if (local >= 0 && local < z.RowCount * z.ColumnCount) z[local % z.RowCount, local / z.RowCount] = 1;
                offset += z.RowCount * z.ColumnCount;
                return z;
            });
            var hv = objective.HessianVectorProduct(at, e);
            int row = 0;
            foreach (var (_, m) in hv)
                foreach (double v in m.ToColumnMajorArray())
                    h[row++, k] = v;
        }
        return (h + h.Transpose()) / 2;
    }
}
