using Muon.Reference.Orthogonalizers;
using Muon.Verification.Laws;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>Every law holds for every built-in orthogonalizer (its declared map is itself).</summary>
public sealed class OrthogonalizerLawTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var o in BuiltIns.Orthogonalizers)
            foreach (var law in OrthogonalizerLaws.For(o, o))
                data.Add(o.Name, law.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Law_holds_for_builtin(string orthogonalizer, string lawId)
    {
        var o = BuiltIns.Orthogonalizers.Single(x => x.Name == orthogonalizer);
        var law = OrthogonalizerLaws.For(o, o).Single(l => l.Id == lawId);
        PropertyAssert.Holds(law, output);
    }

    [Fact]
    public void A_quintic_with_a_declared_eps_passes_the_scale_law()
    {
        // No false alarm for the common third-party setting eps = 1e-7, once the eps is declared.
        var withEps = new NewtonSchulz(CoefficientSchedule.KellerQuintic, 5, eps: 1e-7);
        PropertyAssert.Holds(OrthogonalizerLaws.PositiveScaleInvariance(withEps, withEps, new()) with { Subject = withEps.Name }, output);
    }

    [Fact]
    public void Every_builtin_gets_the_seven_common_laws_and_exact_polar_three_more()
    {
        foreach (var o in BuiltIns.Orthogonalizers)
            Assert.Equal(o is ExactPolar ? 10 : 7, OrthogonalizerLaws.For(o, o).Count);
    }
}
