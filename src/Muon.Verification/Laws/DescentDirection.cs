using FsCheck.Fluent;
using Muon.Reference.Numerics;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Laws;

/// <summary>
/// Muon steps along −O(G); that is a descent direction only if ⟨O(G), G⟩ &gt; 0. For every U f(Σ) Vᵀ with
/// f &gt; 0 on the normalized singular values, ⟨O(G), G⟩ = Σ f(σᵢ)σᵢ &gt; 0 — for the exact polar it is ‖G‖_*.
/// Checked on every input, including rank-1 and near-rank-deficient ones (κ up to 1e6), with no declared
/// map and no tolerance: the cosine ⟨O, G⟩/(‖O‖_F‖G‖_F) must be positive. A sign error (an ascent step)
/// passes every symmetry law and the band, which look only at |σ|; this property is what catches it.
/// </summary>
public static class DescentDirection
{
    /// <summary>Cases in a standard run.</summary>
    public const int StandardCases = 100;

    /// <summary>Inputs: any shape up to 12×12, any rank (1 included), κ up to 1e6, σ₁ ∈ [1e-2, 1e2].</summary>
    public static MatrixGenOptions Inputs { get; } = new() { MaxKappa = 1e6, AllowRankDeficient = true };

    /// <summary>The property for <paramref name="o"/>.</summary>
    public static PropertySpec Property(IOrthogonalizer o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new PropertySpec(
            "orthogonalizer/descent-direction",
            "⟨O(G), G⟩ > 0 for every nonzero G (rank-1 and near-rank-deficient included): −O(G) is a descent direction.",
            "⟨U f(Σ) Vᵀ, U Σ Vᵀ⟩ = Σ f(σᵢ)σᵢ; exact polar: ‖G‖_* (quadratics sheet B5); defect class: update sign flipped",
            "none: the cosine ⟨O, G⟩/(‖O‖_F‖G‖_F) must be > 0 (a rounding-level cosine cannot reach 0 when f > 0)",
            StandardCases,
            () => Prop.ForAll(MatrixGenerators.Matrices(Inputs), c =>
            {
                var g = c.Matrix;
                var og = o.Orthogonalize(g);
                double norm = og.FrobeniusNorm();
                double cosine = norm == 0 ? 0 : MatrixFunctions.Inner(og, g) / (norm * g.FrobeniusNorm());
                if (!(cosine > 0))
                    throw new SpecViolation(Violation.Above("⟨O(G), G⟩/(‖O‖_F‖G‖_F)", cosine, 0) with
                    {
                        Detail = $"‖O(G)‖_F = {R(norm)}",
                        Context = $"shape {c.Rows}×{c.Cols}, rank {c.Rank}, κ = {Short(c.Kappa)}, σ₁ = {Short(c.Scale)}, seed {c.Seed}",
                    });
            })) { Subject = o.Name };
    }
}
