using Muon.Verification.Claims;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// The control table: every negative control of the project in one place — for the theorem specs of the three papers
/// (<see cref="Specs"/>), the orthogonalizer laws (<see cref="Orthogonalizers"/>), and the conformance oracle's
/// known-broken implementations over the protocol (<see cref="ProtocolOrthogonalizers"/>, <see cref="ProtocolOptimizers"/>).
/// Every spec of the claim table has at least one control here that fails it by its own check (<see cref="Uncovered"/>).
/// </summary>
public static partial class ControlTable
{
    /// <summary>The spec controls of <paramref name="paper"/>.</summary>
    public static IReadOnlyList<Control> SpecsOf(Paper paper) => paper switch
    {
        Paper.MatrixFactorization => MatrixFactorization,
        Paper.Quadratics => Quadratics,
        _ => Preconditioning,
    };

    /// <summary>Every spec control, paper by paper.</summary>
    public static IReadOnlyList<Control> Specs => [.. MatrixFactorization, .. Quadratics, .. Preconditioning];

    /// <summary>The spec ids in <paramref name="specIds"/> that no control in <paramref name="controls"/> targets (empty: every spec has a control).</summary>
    public static IReadOnlyList<string> Uncovered(IEnumerable<string> specIds, IEnumerable<Control> controls)
    {
        ArgumentNullException.ThrowIfNull(specIds);
        ArgumentNullException.ThrowIfNull(controls);
        var targets = controls.Select(c => c.Target).ToArray();
        return specIds.Where(id => !targets.Contains(id, StringComparer.Ordinal)).ToArray();
    }
}
