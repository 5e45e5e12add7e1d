using Muon.Reference.Orthogonalizers;
using Muon.Verification.Laws;
using Muon.Verification.NegativeControls;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>
/// Negative controls: each deliberately broken orthogonalizer, claiming to be a built-in, must fail the
/// named law. Together they show that every law can fail.
/// </summary>
public sealed class OrthogonalizerNegativeControlTests(ITestOutputHelper output)
{
    private static readonly ISpectralOrthogonalizer Exact = ExactPolar.Default;
    private static readonly ISpectralOrthogonalizer Quintic = NewtonSchulz.KellerQuintic();

    /// <summary>(broken subject, declared orthogonalizer, law that must fail).</summary>
    public static TheoryData<string, string, string> Controls() => new()
    {
        { "broken:elementwise-sign", "exact-polar", "orthogonalizer/left-orthogonal-equivariance" },
        { "broken:elementwise-sign", "exact-polar", "orthogonalizer/right-orthogonal-equivariance" },
        { "broken:elementwise-sign", "exact-polar", "orthogonalizer/spectral-map" },
        { "broken:frobenius-normalized", "exact-polar", "orthogonalizer/spectral-map" },
        { "broken:frobenius-normalized", "exact-polar", "exact-polar/partial-isometry" },
        { "broken:frobenius-normalized", "exact-polar", "exact-polar/nuclear-norm-pairing" },
        { "broken:transposed-result", "exact-polar", "orthogonalizer/left-orthogonal-equivariance" },
        { "broken:transposed-result", "exact-polar", "orthogonalizer/spectral-map" },
        { "broken:unthresholded-polar", "exact-polar", "exact-polar/rank-preservation" },
        { "broken:even-polar", "exact-polar", "orthogonalizer/odd-symmetry" },
        { "broken:row-normalized", "exact-polar", "orthogonalizer/transpose-equivariance" },
        { "broken:identity", "exact-polar", "orthogonalizer/positive-scale-invariance" },
        { "newton-schulz:keller-quintic×5(eps=0.001)", "newton-schulz:keller-quintic×5", "orthogonalizer/positive-scale-invariance" },
        { "broken:naive-normalization", "newton-schulz:keller-quintic×5", "orthogonalizer/zero-in-zero-out" },
        { "broken:quintic-4-steps", "newton-schulz:keller-quintic×5", "orthogonalizer/spectral-map" },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public void Law_rejects_broken_orthogonalizer(string broken, string declared, string lawId)
    {
        var subject = BrokenOrthogonalizers.All.Single(b => b.Name == broken);
        var claimed = declared == Exact.Name ? Exact : Quintic;
        var law = OrthogonalizerLaws.For(subject, claimed).Single(l => l.Id == lawId);
        PropertyAssert.Fails(law, output);
    }

    [Fact]
    public void Every_law_has_a_negative_control()
    {
        var covered = Controls().Select(row => (string)row[2]).ToHashSet();
        var uncovered = OrthogonalizerLaws.For(Exact, Exact).Select(l => l.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.True(uncovered.Length == 0, "laws without a negative control: " + string.Join(", ", uncovered));
    }
}
