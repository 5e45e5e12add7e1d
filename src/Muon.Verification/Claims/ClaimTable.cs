using Muon.Verification.Harness;

namespace Muon.Verification.Claims;

/// <summary>
/// The claim table: every claim of the three papers with the specs that check it, the figure that shows it, where it
/// applies and its dynamics-level checks. It drives the property tests (one theory row per reference spec), the
/// <c>reproduce</c> report (which specs run under which figure, each once), the conformance oracle's dynamics level and
/// the docs tables (held to it by a test). Spec ids are seeds: a row's specs keep their ids.
/// </summary>
public static partial class ClaimTable
{
    /// <summary>Every claim, paper by paper, in the order of the theory sheets.</summary>
    public static IReadOnlyList<Claim> All => Rows.Value;

    // Lazy: the papers' rows are static properties of the other parts of this class, whose initialization order is not textual.
    private static readonly Lazy<Claim[]> Rows = new(AllRows);

    private static Claim[] AllRows() => [.. MatrixFactorization, .. Quadratics, .. Preconditioning];

    /// <summary>The claims of <paramref name="paper"/>.</summary>
    public static IReadOnlyList<Claim> Of(Paper paper) => All.Where(c => c.Paper == paper).ToArray();

    /// <summary>Every reference spec instance of <paramref name="paper"/> (all papers when null), with its run settings.</summary>
    public static IReadOnlyList<(PropertySpec Spec, ReferenceRun Run)> ReferenceSpecs(Paper? paper = null)
        => All.Where(c => paper is null || c.Paper == paper).SelectMany(c => c.Reference.Select(r => (r.Build(), r))).ToArray();

    /// <summary>The distinct spec ids of <paramref name="paper"/> (all papers when null).</summary>
    public static IReadOnlyList<string> SpecIds(Paper? paper = null) => ReferenceSpecs(paper).Select(s => s.Spec.Id).Distinct().ToArray();

    /// <summary>
    /// The reference specs a figure reports the verdicts of: those of the claims whose first figure it is, each spec once,
    /// deep-only runs left out (the report runs at the environment's depth).
    /// </summary>
    public static IReadOnlyList<PropertySpec> ChecksFor(string figure)
        => All.Where(c => c.Figures.Count > 0 && c.Figures[0] == figure)
              .SelectMany(c => c.Reference.Where(r => !r.DeepOnly).Select(r => r.Build()))
              .DistinctBy(s => s.QualifiedName).ToArray();

    /// <summary>The claim whose specs a figure's verdicts are reported under (for a figure that is not the claim's first), or null.</summary>
    public static Claim? ShownAlsoIn(string figure) => All.FirstOrDefault(c => c.Figures.Skip(1).Contains(figure));

    /// <summary>
    /// Every dynamics-level property with its claim: the laws of the exact polar first, then those of Newton–Schulz, each
    /// group in table order (the order of the conformance report).
    /// </summary>
    public static IReadOnlyList<(Claim Claim, DynamicsProperty Property)> Dynamics
        => All.SelectMany(c => c.Dynamics.Select(d => (c, d))).OrderBy(x => x.c.AppliesTo == OrthogonalizerScope.ExactPolar ? 0 : 1).ToArray();

    private static ReferenceRun Run(Func<PropertySpec> build) => new(build);
}
