using System.Text.RegularExpressions;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>
/// A failing law's message names the measured quantity, its value, the bound, the law-specific detail and the
/// case: "quantity = value, bound b; detail (shape m×n, rank r, …)".
/// </summary>
public sealed class LawFailureMessageTests
{
    private static readonly ExactPolar Polar = ExactPolar.Default;
    private static readonly MatrixGenOptions Gen = new() { MinDim = 2 };

    private const string Number = @"-?[0-9.E+-]+|NaN|∞|-∞";
    private const string CaseContext = @" \(shape \d+×\d+, rank \d+, κ = ";

    private static PropertySpec Law(IOrthogonalizer subject, string id) => OrthogonalizerLaws.For(subject, Polar, Gen).Single(l => l.Id == id);

    private static string FailureMessage(PropertySpec law)
    {
        var report = PropertyRunner.Run(law, RunSettings.Standard);
        Assert.False(report.Passed, $"{law.QualifiedName} passed");
        return report.Message ?? "";
    }

    /// <summary>(subject, law id, expected message pattern).</summary>
    public static TheoryData<string, string, string> Messages() => new()
    {
        { "lower", "orthogonalizer/transpose-equivariance", "^‖O\\(Gᵀ\\) − O\\(G\\)ᵀ‖_F = (" + Number + "), bound (" + Number + ")" },
        { "abs", "orthogonalizer/odd-symmetry", "^‖O\\(−G\\) \\+ O\\(G\\)‖_F = (" + Number + "), bound (" + Number + ")" + CaseContext },
        { "sign", "orthogonalizer/left-orthogonal-equivariance", "^‖O\\(AG\\) − A·O\\(G\\)‖_F = (" + Number + "), bound (" + Number + "); .+" + CaseContext },
        { "sign", "orthogonalizer/right-orthogonal-equivariance", "^‖O\\(GB\\) − O\\(G\\)·B‖_F = (" + Number + "), bound (" + Number + "); .+" + CaseContext },
        { "identity", "orthogonalizer/positive-scale-invariance", "^‖O\\(cG\\) − O\\(G\\)‖_F = (" + Number + "), bound (" + Number + "); c = (" + Number + ")" + CaseContext },
        { "identity", "orthogonalizer/spectral-map", "^‖O\\(G\\) − U f\\(Σ\\) Vᵀ‖_F = (" + Number + "), bound (" + Number + "); f = " + Regex.Escape(ExactPolar.Default.Name) + ", σ = .+" + CaseContext },
        { "identity", "exact-polar/partial-isometry", "^‖O\\(G\\)ᵀO\\(G\\) − Π_row\\(G\\)‖_F = (" + Number + "), bound (" + Number + "); oracle rank \\d+" + CaseContext },
        { "identity", "exact-polar/nuclear-norm-pairing", "^\\|⟨O\\(G\\), G⟩ − ‖G‖_\\*\\| = (" + Number + "), bound (" + Number + "); ⟨O,G⟩ = (" + Number + "), ‖G‖_\\* = (" + Number + ")" + CaseContext },
        { "ones", "exact-polar/rank-preservation", "^rank O\\(G\\) = 1, rank G = [2-9]\\d*; σ\\(O\\(G\\)\\) = .+ \\(shape \\d+×\\d+, rank \\d+, κ = " },
        { "ones-on-zero", "orthogonalizer/zero-in-zero-out", "^O\\(0\\)\\[\\d+, \\d+\\] = 1, expected exactly 0 \\(shape \\d+×\\d+\\)$" },
        { "extra-row", "orthogonalizer/zero-in-zero-out", "^extra-row returned (\\d+)×(\\d+) for a \\d+×\\d+ input$" },
        { "extra-column", "orthogonalizer/zero-in-zero-out", "^extra-column returned (\\d+)×(\\d+) for a \\d+×\\d+ input$" },
        { "null", "orthogonalizer/odd-symmetry", "^null returned null for a \\d+×\\d+ input$" },
        { "one-nan", "orthogonalizer/odd-symmetry", "^one-nan returned a non-finite entry for a \\d+×\\d+ input of norm " },
    };

    private static readonly Dictionary<string, LawSubject> Subjects = new[]
    {
        LawSubject.Identity, LawSubject.Lower, LawSubject.Abs, LawSubject.Sign, LawSubject.Ones, LawSubject.OnesOnZero,
        LawSubject.ExtraRow, LawSubject.ExtraColumn, LawSubject.OneNaN, LawSubject.Null,
    }.ToDictionary(s => s.Name);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Failure_message_names_the_quantity_value_bound_and_case(string subject, string lawId, string pattern)
        => Assert.Matches(pattern, FailureMessage(Law(Subjects[subject], lawId)));

    [Fact]
    public void Extra_detail_is_omitted_not_left_as_an_empty_separator()
        => Assert.DoesNotContain(";", FailureMessage(Law(LawSubject.Abs, "orthogonalizer/odd-symmetry")));

    [Fact]
    public void Bound_is_inclusive_an_exact_zero_difference_passes_a_zero_bound()
    {
        // With u = 0 (exact arithmetic) every derived tolerance is 0; the zero map satisfies O(−G) = −O(G) exactly.
        var law = OrthogonalizerLaws.OddSymmetry(LawSubject.Zero, Polar, Gen, u: 0);
        Assert.True(PropertyRunner.Run(law, RunSettings.Standard).Passed);
    }
}
