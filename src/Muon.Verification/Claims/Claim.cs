namespace Muon.Verification.Claims;

/// <summary>
/// One row of the claim table: a claim of one of the papers, the specs that check it (instantiated for the reference),
/// the figure that shows it, where it applies, and its checks at the conformance oracle's dynamics level.
/// The negative controls of its specs are in <see cref="NegativeControls.ControlTable"/>.
/// </summary>
/// <param name="Key">Stable key, e.g. <c>mf/A1</c> or <c>b1/loss-floor</c>.</param>
/// <param name="Paper">The paper.</param>
/// <param name="Section">Section of the paper's theory sheet, e.g. <c>A1</c>.</param>
/// <param name="Statement">The claim in one sentence.</param>
/// <param name="Reference">The specs that check it, for the reference implementation.</param>
/// <param name="AppliesTo">Which orthogonalizers the claim is a law of.</param>
/// <param name="Precisions">The working precisions the specs' tolerances are derived for.</param>
public sealed record Claim(string Key, Paper Paper, string Section, string Statement, IReadOnlyList<ReferenceRun> Reference, OrthogonalizerScope AppliesTo, Precisions Precisions)
{
    /// <summary>File names of the <c>reproduce</c> figures that show the claim (its specs run under the first one).</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>The claim's properties at the conformance oracle's dynamics level (empty: not checked over the protocol).</summary>
    public IReadOnlyList<DynamicsProperty> Dynamics { get; init; } = [];
}
