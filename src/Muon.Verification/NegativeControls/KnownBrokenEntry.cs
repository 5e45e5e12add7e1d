using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// One entry of the known-broken catalogue: a deliberately broken orthogonalizer, what it declares over the
/// protocol, the defect class it stands for (implementations survey), and the property the oracle must FAIL.
/// </summary>
/// <param name="Subject">The broken implementation.</param>
/// <param name="Declared">What it declares (null: declares nothing, judged by the default band).</param>
/// <param name="DefectClass">The defect class, in words.</param>
/// <param name="FailingProperty">The property id that must FAIL.</param>
public sealed record KnownBrokenEntry(IOrthogonalizer Subject, ISpectralOrthogonalizer? Declared, string DefectClass, string FailingProperty)
{
    /// <summary>A row label: subject and declaration.</summary>
    public override string ToString() => $"{Subject.Name} declaring {Declared?.Name ?? "nothing"}";
}
