using Muon.Reference.Orthogonalizers;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Quadratics;

namespace Muon.Verification.Properties.Quadratics;

/// <summary>The catalogue is complete and documented (no spec is run here; the other classes run them).</summary>
public sealed class CatalogueTests
{
    private static IEnumerable<Muon.Verification.Harness.PropertySpec> All() =>
        Catalogue.ExactPolarMuon(Subjects.Muon())
            .Concat(Catalogue.NewtonSchulzMuon(Subjects.Muon(NewtonSchulz.Cubic(5)), NewtonSchulz.Cubic(5)))
            .Concat(Catalogue.ExactPolarOrthogonalizer(ExactPolar.Default))
            .Concat(Catalogue.GradientDescent(Subjects.GradientDescent()))
            .Concat(Catalogue.SignDynamics(SignDynamicsSubjects.Reference, "reference"));

    [Fact]
    public void Catalogue_lists_every_statement_group_once_with_claim_source_and_tolerance()
    {
        var specs = All().ToArray();
        Assert.Equal(specs.Length, specs.Select(s => s.Id).Distinct().Count());
        Assert.All(specs, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Claim));
            Assert.Contains(s.Id.StartsWith('c') ? "preconditioning sheet" : "quadratics sheet", s.Source, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.Tolerance));
            Assert.True(s.StandardCases >= 1);
        });
        foreach (var group in new[] { "b1/", "b2/", "b3/", "b4/", "b5/", "c1/", "c2/", "c3/" })
            Assert.Contains(specs, s => s.Id.StartsWith(group, StringComparison.Ordinal));
    }
}
