using FsCheck.Fluent;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Oracles;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Laws;

/// <summary>
/// The default "orthogonalized" band, used to judge an implementation that declares no orthogonalizer as a
/// Muon: on <b>well-conditioned inputs</b> — full rank, 3 ≤ min(m, n), max(m, n) ≤ 12, κ = σ₁/σ_r ≤ 10,
/// σ₁ ∈ [1e-2, 1e2] — every output singular value of O(G) must lie in [<see cref="Lower"/>, <see cref="Upper"/>] = [0.6, 1.25].
/// <para>
/// Why these numbers. After Frobenius normalization an input of this class has normalized singular values
/// x = σ/‖G‖_F ∈ [1/(κ√r), 1] ⊇ [0.0289, 1]. On that interval the published schedules map into
/// (computed from their scalar maps φ on a 20 001-point grid): Keller Jordan's quintic ×5 [0.682, 1.134];
/// You/Cesista 5-step [0.978, 1.032]; Polar Express 8-step [1.000, 1.000]; cubic ×10 [0.961, 1.000]; the exact
/// polar 1. The band leaves ≥ 0.08 of margin on either side of the widest (Keller), enough for float32 and
/// bfloat16 rounding of the iteration.
/// </para>
/// <para>
/// Why it discriminates. Plain normalization G/‖G‖_F has Σσᵢ² = 1 over r ≥ 3 values, so its smallest output
/// singular value is ≤ 1/√3 ≈ 0.577 &lt; 0.6 on every input of the class; a skipped orthogonalization (O(G) = G)
/// returns σ₁ ∈ [1e-2, 1e2] and leaves the band on most draws; the cubic with only 5 steps (min 0.217) is
/// not an orthogonalizer by this standard and must declare itself to be judged by its own schedule.
/// </para>
/// </summary>
public static class OrthogonalizedBand
{
    /// <summary>Smallest allowed output singular value on the input class.</summary>
    public const double Lower = 0.6;

    /// <summary>Largest allowed output singular value on the input class.</summary>
    public const double Upper = 1.25;

    /// <summary>Largest condition number of the input class.</summary>
    public const double MaxKappa = 10;

    /// <summary>Cases in a standard run.</summary>
    public const int StandardCases = 100;

    /// <summary>The input class: full rank, 3 ≤ min(m, n), max(m, n) ≤ 12, κ ≤ 10, σ₁ ∈ [1e-2, 1e2].</summary>
    public static MatrixGenOptions Inputs { get; } = new()
    {
        MinDim = 3,
        MaxDim = 12,
        MaxKappa = MaxKappa,
        AllowRankDeficient = false,
        MinRank = 3,
        ScaleLog10 = (-2, 2),
    };

    /// <summary>
    /// The band property for <paramref name="o"/>; every evaluated output's singular values (from the
    /// independent Jacobi oracle) are also recorded in <paramref name="observed"/> (the measured profile).
    /// </summary>
    public static PropertySpec Property(IOrthogonalizer o, BandObservation? observed = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new PropertySpec(
            "orthogonalizer/orthogonalized-band",
            $"Every output singular value of O(G) lies in [{R(Lower)}, {R(Upper)}] for well-conditioned G (full rank ≥ 3, κ ≤ {R(MaxKappa)}).",
            "default band for an implementation that declares no schedule (docs/conformance.md; OrthogonalizedBand)",
            "band edges derived from the published schedules' φ on the input class, ≥ 0.08 margin; measured by the Jacobi oracle",
            StandardCases,
            () => Prop.ForAll(MatrixGenerators.Matrices(Inputs), c =>
            {
                var s = JacobiSvd.Of(o.Orthogonalize(c.Matrix)).S;
                double lo = s.Min(), hi = s.Max();
                observed?.Record(lo, hi);
                if (!(lo >= Lower && hi <= Upper))
                {
                    double worst = !(lo >= Lower) ? lo : hi;
                    var v = Violation.Within("worst σ(O(G))", worst, Lower, Upper) with
                    {
                        Detail = $"σ(O(G)) = {R(s)}",
                        Context = $"shape {c.Rows}×{c.Cols}, κ = {Short(c.Kappa)}, σ₁ = {Short(c.Scale)}, seed {c.Seed}",
                    };
                    throw new SpecViolation(v, $"σ(O(G)) outside the band: worst = {R(v.Measured)}, bound {v.BoundText}; {v.Detail} ({v.Context})");
                }
            })) { Subject = o.Name };
    }
}
