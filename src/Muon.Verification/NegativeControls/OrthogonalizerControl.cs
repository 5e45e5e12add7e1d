using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;

namespace Muon.Verification.NegativeControls;

/// <summary>A deliberately broken orthogonalizer, what it claims to be, the inputs to judge it on, and the laws that must catch it.</summary>
/// <param name="Subject">The broken implementation.</param>
/// <param name="Declared">The orthogonalizer it claims to be.</param>
/// <param name="Generator">Inputs (null: the default), e.g. square only, so that the law's own check and not the shape contract catches it.</param>
/// <param name="MustFail">Law ids that must FAIL by their own check.</param>
public sealed record OrthogonalizerControl(IOrthogonalizer Subject, ISpectralOrthogonalizer Declared, MatrixGenOptions? Generator, IReadOnlyList<string> MustFail);
