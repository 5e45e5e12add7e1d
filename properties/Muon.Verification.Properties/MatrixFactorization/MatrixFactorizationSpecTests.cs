using Muon.Verification.Specs.MatrixFactorization;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.MatrixFactorization;

/// <summary>Every matrix-factorization spec holds for the reference Muon (exact polar) and the reference GD.</summary>
public sealed class MatrixFactorizationSpecTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in MatrixFactorizationCatalogue.For()) data.Add(spec.QualifiedName);
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds_for_reference(string qualifiedName)
    {
        var spec = MatrixFactorizationCatalogue.For().Single(s => s.QualifiedName == qualifiedName);
        PropertyAssert.Holds(spec, output);
    }
}
