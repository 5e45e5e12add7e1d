using Muon.Reference.Orthogonalizers;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>Every law in the catalogue documents its claim, source and tolerance derivation (reports print them).</summary>
public sealed class LawCatalogueTests
{
    public static TheoryData<string> Declared() => new() { "exact-polar", "cubic", "polar-express-eps" };

    private static ISpectralOrthogonalizer Of(string name) => name switch
    {
        "exact-polar" => ExactPolar.Default,
        "cubic" => NewtonSchulz.Cubic(),
        _ => new NewtonSchulz(CoefficientSchedule.PolarExpress, 8, eps: 1e-7),
    };

    [Theory]
    [MemberData(nameof(Declared))]
    public void Every_law_states_claim_source_and_tolerance(string declared)
    {
        var d = Of(declared);
        var laws = OrthogonalizerLaws.For(d, d);
        Assert.Equal(d is ExactPolar ? 10 : 7, laws.Count);
        Assert.All(laws, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Claim), l.Id + ": claim");
            Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Id + ": source");
            Assert.False(string.IsNullOrWhiteSpace(l.Tolerance), l.Id + ": tolerance");
            Assert.Equal(d.Name, l.Subject);
        });
    }

    [Fact]
    public void Spectral_map_claim_names_the_declared_map()
    {
        var d = NewtonSchulz.Cubic();
        Assert.Contains($"({d.Name})", OrthogonalizerLaws.For(d, d).Single(l => l.Id == "orthogonalizer/spectral-map").Claim);
    }

    [Fact]
    public void Rank_preservation_tolerance_names_the_threshold_for_the_unit_roundoff()
    {
        var law = OrthogonalizerLaws.RankPreservation(ExactPolar.Default, new(), Tolerances.UFloat32);
        Assert.Contains(Tolerances.RankThresholdFor(Tolerances.UFloat32).ToString("R", System.Globalization.CultureInfo.CurrentCulture), law.Tolerance);
    }

    [Fact]
    public void Zero_in_zero_out_runs_a_quarter_of_the_standard_cases()
        => Assert.Equal(OrthogonalizerLaws.StandardCases / 4, OrthogonalizerLaws.ZeroInZeroOut(ExactPolar.Default, new()).StandardCases);

    [Fact]
    public void Null_subject_or_declared_map_is_rejected_by_name()
    {
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => OrthogonalizerLaws.For(null!, ExactPolar.Default)).ParamName);
        Assert.Equal("declared", Assert.Throws<ArgumentNullException>(() => OrthogonalizerLaws.For(ExactPolar.Default, null!)).ParamName);
    }
}
