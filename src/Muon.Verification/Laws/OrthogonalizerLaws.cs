using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Oracles;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Laws;

/// <summary>
/// The laws every Muon orthogonalizer O(G) ≈ U f(Σ) Vᵀ obeys (implementations survey: "invariants that
/// survive every variant"), plus the characterization of the exact polar factor. Each law compares two
/// float64 evaluations in the Frobenius norm against <see cref="Tolerances.Comparison"/>, derived from the
/// declared orthogonalizer (exact polar: ∝ κ; Newton–Schulz: ∝ the schedule's derivative growth).
/// </summary>
public static class OrthogonalizerLaws
{
    /// <summary>Cases per law in a standard run: cheap (≤ 12×12), so 100 draws each.</summary>
    public const int StandardCases = 100;

    /// <summary>
    /// The laws for <paramref name="subject"/>, which claims to be <paramref name="declared"/> (for a built-in,
    /// itself). The exact-polar characterization is included when the declared orthogonalizer is an <see cref="ExactPolar"/>.
    /// Tolerances are derived for arithmetic with unit roundoff <paramref name="u"/> (float64 by default; see
    /// <see cref="Tolerances.UnitRoundoff"/>); with a <paramref name="calibration"/> (a 16-bit subject) the laws that compare
    /// outputs take its calibrated tolerances instead, and rank preservation is left out (<see cref="LawCalibration"/>).
    /// </summary>
    public static IReadOnlyList<PropertySpec> For(IOrthogonalizer subject, ISpectralOrthogonalizer declared, MatrixGenOptions? generator = null, double u = Tolerances.U,
        LawCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(declared);
        var g = generator ?? new MatrixGenOptions();
        var laws = new List<PropertySpec>
        {
            ZeroInZeroOut(subject, g),
            OddSymmetry(subject, declared, g, u, calibration),
            TransposeEquivariance(subject, declared, g, u, calibration),
            LeftOrthogonalEquivariance(subject, declared, g, u, calibration),
            RightOrthogonalEquivariance(subject, declared, g, u, calibration),
            PositiveScaleInvariance(subject, declared, g, u, calibration),
            SpectralMap(subject, declared, g, u, calibration),
        };
        if (declared is ExactPolar)
        {
            laws.Add(PartialIsometry(subject, declared, g, u, calibration));
            laws.Add(NuclearNormPairing(subject, declared, g, u, calibration));
            if (calibration is null) laws.Add(RankPreservation(subject, g, u));
        }
        return laws.Select(l => l with { Subject = subject.Name }).ToArray();
    }

    /// <summary>O(0) = 0 exactly, with the input's shape, for every shape (no NaN from a 0/0 normalization).</summary>
    public static PropertySpec ZeroInZeroOut(IOrthogonalizer o, MatrixGenOptions g) => new(
        "orthogonalizer/zero-in-zero-out",
        "O(0) = 0 (same shape, every entry exactly 0, no NaN).",
        "definition (polar(0) = 0); defect class: NaN on a zero gradient",
        "exact: any nonzero or non-finite entry fails",
        StandardCases / 4,
        () => Prop.ForAll(Arb.From(Gen.Choose(g.MinDim, g.MaxDim).Two().Select(d => g.Aspect switch
        {
            Aspect.Square => (d.Item1, d.Item1),
            Aspect.Tall => (Math.Max(d.Item1, d.Item2), Math.Min(d.Item1, d.Item2)),
            Aspect.Wide => (Math.Min(d.Item1, d.Item2), Math.Max(d.Item1, d.Item2)),
            _ => d,
        })), ((int M, int N) d) =>
        {
            var z = Matrix<double>.Build.Dense(d.M, d.N);
            var o0 = Apply(o, z, requireFinite: false); // NaN here is the law's own failure, not a contract breach
            var bad = o0.EnumerateIndexed().FirstOrDefault(x => !(x.Item3 == 0));
            if (o0.EnumerateIndexed().Any(x => !(x.Item3 == 0)))
                throw new SpecViolation(Violation.Equal($"O(0)[{bad.Item1}, {bad.Item2}]", bad.Item3, 0) with { Context = $"shape {d.M}×{d.N}" });
        }));

    /// <summary>O(−G) = −O(G).</summary>
    public static PropertySpec OddSymmetry(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => Compare(
        "orthogonalizer/odd-symmetry", "O(−G) = −O(G).", "odd polynomial / polar(−G) = −polar(G)", o, declared, g,
        c => (Apply(o, -c.Matrix), -Apply(o, c.Matrix), [-c.Matrix, c.Matrix]), "‖O(−G) + O(G)‖_F", u, calibration);

    /// <summary>O(Gᵀ) = O(G)ᵀ.</summary>
    public static PropertySpec TransposeEquivariance(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => Compare(
        "orthogonalizer/transpose-equivariance", "O(Gᵀ) = O(G)ᵀ.", "U f(Σ) Vᵀ transposes to V f(Σ) Uᵀ", o, declared, g,
        c => (Apply(o, c.Matrix.Transpose()), Apply(o, c.Matrix).Transpose(), [c.Matrix.Transpose(), c.Matrix]), "‖O(Gᵀ) − O(G)ᵀ‖_F", u, calibration);

    /// <summary>O(AG) = A·O(G) for Haar-random orthogonal A.</summary>
    public static PropertySpec LeftOrthogonalEquivariance(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => CompareWithRotation(
        "orthogonalizer/left-orthogonal-equivariance", "O(AG) = A·O(G) for orthogonal A.", o, declared, g, left: true, u, calibration);

    /// <summary>O(GB) = O(G)·B for Haar-random orthogonal B.</summary>
    public static PropertySpec RightOrthogonalEquivariance(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => CompareWithRotation(
        "orthogonalizer/right-orthogonal-equivariance", "O(GB) = O(G)·B for orthogonal B.", o, declared, g, left: false, u, calibration);

    /// <summary>O(cG) = O(G) for c &gt; 0, including c = 1e±6.</summary>
    public static PropertySpec PositiveScaleInvariance(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null)
    {
        var arb = Arb.Zip(MatrixGenerators.Matrices(g), Arb.From(MatrixGenerators.PositiveScales()));
        return new PropertySpec(
            "orthogonalizer/positive-scale-invariance",
            "O(cG) = O(G) for every c > 0 (c = 1e±6 half the time).",
            "polar(cG) = polar(G); Frobenius pre-normalization; defect class: eps in the normalizer, missing normalization",
            (calibration is null ? "3× the declared forward error (scaling by c is exact up to one rounding per entry)" : Calibrated(calibration))
                + "; for a declared eps > 0, plus Tolerances.EpsAllowance",
            StandardCases,
            () => Prop.ForAll(arb, ((MatrixCase Case, double C) x) =>
            {
                var c = x.Case;
                var gm = c.Matrix;
                var scaled = x.C * gm;
                double err = (Apply(o, scaled) - Apply(o, gm)).FrobeniusNorm();
                double allowance = Tolerances.EpsAllowance(declared, c.Rows, c.Cols, gm.FrobeniusNorm(), x.C);
                double tol = allowance + (calibration is null
                    ? Tolerances.Comparison(declared, c.Rows, c.Cols, c.Rank, c.Kappa, u)
                    : calibration.Bound("orthogonalizer/positive-scale-invariance", Math.Max(0, err - allowance), calibration.RoundOffScale(scaled, gm)));
                Check(err, tol, "‖O(cG) − O(G)‖_F", $"c = {R(x.C)}", c);
            }));
    }

    /// <summary>O(G) = Σ f(σᵢ) uᵢvᵢᵀ with the declared spectral map f, checked against an independent Jacobi SVD.</summary>
    public static PropertySpec SpectralMap(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => new(
        "orthogonalizer/spectral-map",
        $"O(G) has G's singular vectors and output singular values f(σ) of the declared map ({declared.Name}).",
        "NS(G) = U φ(Σ/‖G‖_F) Vᵀ (quadratics sheet); polar(G) = U 1[σ > τσ₁] Vᵀ",
        calibration is null ? "declared forward error + the Jacobi oracle's (same form): 2× Forward, ×1.5 for the oracle's σ entering f" : Calibrated(calibration),
        StandardCases,
        () => Prop.ForAll(MatrixGenerators.Matrices(g), c =>
        {
            var oracle = JacobiSvd.Of(c.Matrix);
            var f = declared.SpectralMap(oracle.S);
            var expected = oracle.Reconstruct(i => f[i]);
            double err = (Apply(o, c.Matrix) - expected).FrobeniusNorm();
            double tol = calibration is null
                ? 3 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa, u)
                : calibration.Bound("orthogonalizer/spectral-map", err, calibration.RoundOffScale(c.Matrix)) + 3 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa);
            Check(err, tol, "‖O(G) − U f(Σ) Vᵀ‖_F", $"f = {declared.Name}, σ = {R(oracle.S)}", c);
        }));

    /// <summary>Exact polar: O(G)ᵀO(G) is the orthogonal projector onto G's row space.</summary>
    public static PropertySpec PartialIsometry(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => new(
        "exact-polar/partial-isometry",
        "O(G)ᵀO(G) = Π_row(G): the polar factor is a partial isometry on G's row space.",
        "polar decomposition (Higham, Functions of Matrices §8)",
        calibration is null ? "‖OᵀO − Π‖_F ≤ 2‖ΔO‖_F‖O‖₂ + oracle error: 3× Forward" : Calibrated(calibration) + " (‖OᵀO − Π‖_F ≤ 2‖ΔO‖_F‖O‖₂: the scale counts the input twice)",
        StandardCases,
        () => Prop.ForAll(MatrixGenerators.Matrices(g), c =>
        {
            var oracle = JacobiSvd.Of(c.Matrix);
            int r = oracle.Rank(Tolerances.RankThreshold);
            var vr = oracle.V.SubMatrix(0, oracle.V.RowCount, 0, r);
            var projector = vr * vr.Transpose();
            var og = Apply(o, c.Matrix);
            double err = (og.TransposeThisAndMultiply(og) - projector).FrobeniusNorm();
            double tol = calibration is null
                ? 3 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa, u)
                : calibration.Bound("exact-polar/partial-isometry", err, calibration.RoundOffScale(c.Matrix, c.Matrix)) + 3 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa);
            Check(err, tol, "‖O(G)ᵀO(G) − Π_row(G)‖_F", $"oracle rank {r}", c);
        }));

    /// <summary>Exact polar: ⟨O(G), G⟩ = ‖G‖_* (the polar factor maximizes the pairing over the unit spectral ball).</summary>
    public static PropertySpec NuclearNormPairing(IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, double u = Tolerances.U, LawCalibration? calibration = null) => new(
        "exact-polar/nuclear-norm-pairing",
        "⟨O(G), G⟩ = ‖G‖_* = Σσᵢ.",
        "duality of spectral and nuclear norms; quadratics sheet B5 (⟨polar G, G⟩ = ‖G‖_*)",
        calibration is null ? "|⟨ΔO, G⟩| ≤ ‖ΔO‖_F‖G‖_F: 2× Forward·‖G‖_F (oracle's Σσ is accurate to Backward·‖G‖_*)" : Calibrated(calibration) + " × ‖G‖_F (|⟨ΔO, G⟩| ≤ ‖ΔO‖_F‖G‖_F)",
        StandardCases,
        () => Prop.ForAll(MatrixGenerators.Matrices(g), c =>
        {
            var gm = c.Matrix;
            double nuclear = JacobiSvd.Of(gm).S.Sum();
            double pairing = Muon.Reference.Numerics.MatrixFunctions.Inner(Apply(o, gm), gm);
            double err = Math.Abs(pairing - nuclear);
            double tol = calibration is null
                ? 2 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa, u) * gm.FrobeniusNorm()
                : calibration.Bound("exact-polar/nuclear-norm-pairing", err / gm.FrobeniusNorm(), calibration.RoundOffScale(gm)) * gm.FrobeniusNorm()
                  + 2 * Tolerances.Forward(declared, c.Rows, c.Cols, c.Rank, c.Kappa) * gm.FrobeniusNorm();
            Check(err, tol, "|⟨O(G), G⟩ − ‖G‖_*|", $"⟨O,G⟩ = {R(pairing)}, ‖G‖_* = {R(nuclear)}", c, scale: nuclear);
        }));

    /// <summary>Exact polar: rank(O(G)) = rank(G), also for rank-deficient G.</summary>
    public static PropertySpec RankPreservation(IOrthogonalizer o, MatrixGenOptions g, double u = Tolerances.U) => new(
        "exact-polar/rank-preservation",
        "rank O(G) = rank G (round-off directions of a rank-deficient G are not turned into unit singular values).",
        "thresholded polar (quadratics sheet B1: rank-deficient W₀ keeps its rank)",
        $"ranks counted by the Jacobi oracle above {Tolerances.RankThresholdFor(u):R}·σ₁ (see Tolerances.RankThresholdFor)",
        StandardCases,
        () => Prop.ForAll(MatrixGenerators.Matrices(g with { AllowRankDeficient = true }), c =>
        {
            int rankG = JacobiSvd.Of(c.Matrix).Rank(Tolerances.RankThresholdFor(u));
            var out_ = JacobiSvd.Of(Apply(o, c.Matrix));
            int rankO = out_.Rank(Tolerances.RankThresholdFor(u));
            if (rankO != rankG)
            {
                var v = Violation.Equal("rank O(G)", rankO, rankG) with { Context = Context(c) };
                throw new SpecViolation(v, $"{v.Quantity} = {R(v.Measured)}, rank G = {R(v.Bound)}; σ(O(G)) = {R(out_.S)} ({v.Context})");
            }
        }));

    private static PropertySpec Compare(string id, string claim, string source, IOrthogonalizer o, ISpectralOrthogonalizer declared,
        MatrixGenOptions g, Func<MatrixCase, (Matrix<double> Left, Matrix<double> Right, Matrix<double>[] Inputs)> sides, string quantity, double u,
        LawCalibration? calibration) => new(
        id, claim, source,
        calibration is null ? "3× the declared forward error (two evaluations and one exact-up-to-rounding transform)" : Calibrated(calibration),
        StandardCases,
        () => Prop.ForAll(MatrixGenerators.Matrices(g), c =>
        {
            var (left, right, inputs) = sides(c);
            // Stryker disable once Statement : Apply already guarantees each side's shape, and both sides of every Compare law have the same shape
            RequireShape(left, right, c);
            double err = (left - right).FrobeniusNorm();
            double tol = calibration is null
                ? Tolerances.Comparison(declared, c.Rows, c.Cols, c.Rank, c.Kappa, u)
                : calibration.Bound(id, err, calibration.RoundOffScale(inputs));
            Check(err, tol, quantity, "", c);
        }));

    private static PropertySpec CompareWithRotation(string id, string claim, IOrthogonalizer o, ISpectralOrthogonalizer declared, MatrixGenOptions g, bool left, double u,
        LawCalibration? calibration)
    {
        var arb = Arb.From(
            from c in MatrixGenerators.Matrices(g).Generator
            from q in MatrixGenerators.Orthogonal(left ? c.Rows : c.Cols)
            select (c, q),
            x => MatrixGenerators.Shrink(x.c, g).Select(c => (c, new OrthogonalCase(left ? c.Rows : c.Cols, x.q.Seed))));
        return new PropertySpec(id, claim,
            "polar(AGB) = A polar(G) B; Newton–Schulz is a polynomial in G Gᵀ times G",
            calibration is null ? "3× the declared forward error (the product with an orthogonal matrix is backward stable)" : Calibrated(calibration),
            StandardCases,
            () => Prop.ForAll(arb, ((MatrixCase c, OrthogonalCase q) x) =>
            {
                var a = x.q.Matrix;
                var gm = x.c.Matrix;
                var rotated = left ? a * gm : gm * a;
                var lhs = Apply(o, rotated);
                var og = Apply(o, gm);
                var rhs = left ? a * og : og * a;
                // Stryker disable once Statement : Apply already guarantees both sides are m×n (A·O(G), O(G)·B with square A, B), so the shapes cannot differ
                RequireShape(lhs, rhs, x.c);
                double err = (lhs - rhs).FrobeniusNorm();
                double tol = calibration is null
                    ? Tolerances.Comparison(declared, x.c.Rows, x.c.Cols, x.c.Rank, x.c.Kappa, u)
                    : calibration.Bound(id, err, calibration.RoundOffScale(rotated, gm)) + Tolerances.Comparison(declared, x.c.Rows, x.c.Cols, x.c.Rank, x.c.Kappa);
                Check(err, tol, left ? "‖O(AG) − A·O(G)‖_F" : "‖O(GB) − O(G)·B‖_F", x.q.ToString(), x.c);
            }));
    }

    private static string Calibrated(LawCalibration calibration)
        => $"calibrated for {calibration.Emulation.Iteration}: {R(calibration.Factor)}× the round-off scale of the oracle's emulation ({calibration.Emulation.Name}) on the same inputs (LawCalibration)";

    /// <summary>Applies O and checks shape and finiteness, naming the problem.</summary>
    private static Matrix<double> Apply(IOrthogonalizer o, Matrix<double> g, bool requireFinite = true)
    {
        var result = o.Orthogonalize(g) ?? throw new SpecViolation($"{o.Name} returned null for a {g.RowCount}×{g.ColumnCount} input", ViolationKind.Contract);
        if (result.RowCount != g.RowCount || result.ColumnCount != g.ColumnCount)
            throw new SpecViolation($"{o.Name} returned {result.RowCount}×{result.ColumnCount} for a {g.RowCount}×{g.ColumnCount} input", ViolationKind.Contract);
        if (requireFinite && result.Enumerate().Any(v => !double.IsFinite(v)))
            throw new SpecViolation($"{o.Name} returned a non-finite entry for a {g.RowCount}×{g.ColumnCount} input of norm {R(g.FrobeniusNorm())}", ViolationKind.Contract);
        return result;
    }

    private static void RequireShape(Matrix<double> a, Matrix<double> b, MatrixCase c)
    {
        // Stryker disable once Logical,Statement,String : unreachable failure: Apply already guarantees each side has its input's shape, and both sides' inputs have the same shape
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
            throw new SpecViolation($"shapes differ: {a.RowCount}×{a.ColumnCount} vs {b.RowCount}×{b.ColumnCount} ({Context(c)})", ViolationKind.Contract);
    }

    /// <summary>
    /// Throws unless <paramref name="measured"/> ≤ <paramref name="bound"/>. Every law's bound is a round-off bound
    /// (<see cref="Tolerances"/>), so a violation small on the quantity's natural <paramref name="scale"/> (√rank for a
    /// difference of two outputs, ‖O(G)‖_F = √r for the exact polar) is accuracy, not structure (<see cref="ViolationClassifier"/>).
    /// </summary>
    private static void Check(double measured, double bound, string quantity, string extra, MatrixCase c, double? scale = null)
    {
        if (!(measured <= bound))
            throw new SpecViolation(Violation.AtMost(quantity, measured, bound, roundOff: true, scale ?? Math.Sqrt(c.Rank)) with { Detail = extra, Context = Context(c) });
    }

    private static string Context(MatrixCase c) => $"shape {c.Rows}×{c.Cols}, rank {c.Rank}, κ = {Short(c.Kappa)}, σ₁ = {Short(c.Scale)}, seed {c.Seed}";
}
