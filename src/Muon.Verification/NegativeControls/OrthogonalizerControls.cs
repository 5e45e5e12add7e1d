using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;

namespace Muon.Verification.NegativeControls;

/// <summary>A deliberately broken orthogonalizer, what it claims to be, the inputs to judge it on, and the laws that must catch it.</summary>
/// <param name="Subject">The broken implementation.</param>
/// <param name="Declared">The orthogonalizer it claims to be.</param>
/// <param name="Generator">Inputs (null: the default), e.g. square only, so that the law's own check and not the shape contract catches it.</param>
/// <param name="MustFail">Law ids that must FAIL by their own check.</param>
public sealed record OrthogonalizerControl(IOrthogonalizer Subject, ISpectralOrthogonalizer Declared, MatrixGenOptions? Generator, IReadOnlyList<string> MustFail);

/// <summary>The catalogue of orthogonalizer negative controls, shared by the tests, the CLI and the docs.</summary>
public static class OrthogonalizerControls
{
    private static readonly ISpectralOrthogonalizer Exact = ExactPolar.Default;
    private static readonly ISpectralOrthogonalizer Quintic = NewtonSchulz.KellerQuintic();

    /// <summary>Every control.</summary>
    public static IReadOnlyList<OrthogonalizerControl> All { get; } =
    [
        new(BrokenOrthogonalizers.ElementwiseSign, Exact, null, ["orthogonalizer/left-orthogonal-equivariance", "orthogonalizer/right-orthogonal-equivariance", "orthogonalizer/spectral-map"]),
        new(BrokenOrthogonalizers.FrobeniusNormalized, Exact, null, ["orthogonalizer/spectral-map", "exact-polar/partial-isometry", "exact-polar/nuclear-norm-pairing"]),
        new(BrokenOrthogonalizers.TransposedResult, Exact, new MatrixGenOptions { Aspect = Aspect.Square }, ["orthogonalizer/left-orthogonal-equivariance", "orthogonalizer/spectral-map"]),
        new(BrokenOrthogonalizers.UnthresholdedPolar, Exact, null, ["exact-polar/rank-preservation"]),
        new(BrokenOrthogonalizers.EvenPolar, Exact, null, ["orthogonalizer/odd-symmetry"]),
        new(BrokenOrthogonalizers.RowNormalized, Exact, null, ["orthogonalizer/transpose-equivariance"]),
        new(BrokenOrthogonalizers.Identity, Exact, null, ["orthogonalizer/positive-scale-invariance"]),
        new(BrokenOrthogonalizers.QuinticWithLargeEps, Quintic, null, ["orthogonalizer/positive-scale-invariance"]),
        new(BrokenOrthogonalizers.NaiveNormalization, Quintic, null, ["orthogonalizer/zero-in-zero-out"]),
        new(BrokenOrthogonalizers.QuinticOneStepShort, Quintic, null, ["orthogonalizer/spectral-map"]),
    ];
}
