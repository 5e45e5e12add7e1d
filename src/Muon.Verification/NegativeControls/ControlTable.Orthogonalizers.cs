using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;

namespace Muon.Verification.NegativeControls;

public static partial class ControlTable
{
    private static readonly ISpectralOrthogonalizer ExactPolarDeclared = ExactPolar.Default;
    private static readonly ISpectralOrthogonalizer QuinticDeclared = NewtonSchulz.KellerQuintic();

    /// <summary>The orthogonalizer-law controls: each broken orthogonalizer with the laws that must FAIL by their own check.</summary>
    public static IReadOnlyList<OrthogonalizerControl> Orthogonalizers { get; } =
    [
        new(BrokenOrthogonalizers.ElementwiseSign, ExactPolarDeclared, null, ["orthogonalizer/left-orthogonal-equivariance", "orthogonalizer/right-orthogonal-equivariance", "orthogonalizer/spectral-map"]),
        new(BrokenOrthogonalizers.FrobeniusNormalized, ExactPolarDeclared, null, ["orthogonalizer/spectral-map", "exact-polar/partial-isometry", "exact-polar/nuclear-norm-pairing"]),
        new(BrokenOrthogonalizers.TransposedResult, ExactPolarDeclared, new MatrixGenOptions { Aspect = Aspect.Square }, ["orthogonalizer/left-orthogonal-equivariance", "orthogonalizer/spectral-map"]),
        new(BrokenOrthogonalizers.UnthresholdedPolar, ExactPolarDeclared, null, ["exact-polar/rank-preservation"]),
        new(BrokenOrthogonalizers.EvenPolar, ExactPolarDeclared, null, ["orthogonalizer/odd-symmetry"]),
        new(BrokenOrthogonalizers.RowNormalized, ExactPolarDeclared, null, ["orthogonalizer/transpose-equivariance"]),
        new(BrokenOrthogonalizers.Identity, ExactPolarDeclared, null, ["orthogonalizer/positive-scale-invariance"]),
        new(BrokenOrthogonalizers.QuinticWithLargeEps, QuinticDeclared, null, ["orthogonalizer/positive-scale-invariance"]),
        new(BrokenOrthogonalizers.NaiveNormalization, QuinticDeclared, null, ["orthogonalizer/zero-in-zero-out"]),
        new(BrokenOrthogonalizers.QuinticOneStepShort, QuinticDeclared, null, ["orthogonalizer/spectral-map"]),
    ];
}
