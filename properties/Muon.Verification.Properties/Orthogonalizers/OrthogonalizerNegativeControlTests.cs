using Muon.Reference.Orthogonalizers;
using Muon.Verification.Laws;
using Muon.Verification.NegativeControls;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>
/// Negative controls: each deliberately broken orthogonalizer, claiming to be a built-in, must fail the named
/// law by the law's own check (not merely by a crash or a wrong shape). Together they show that every law can fail.
/// </summary>
public sealed class OrthogonalizerNegativeControlTests(ITestOutputHelper output)
{
    /// <summary>(broken subject, law that must fail), from <see cref="ControlTable.Orthogonalizers"/>.</summary>
    public static TheoryData<string, string> Controls()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ControlTable.Orthogonalizers)
            foreach (var law in c.MustFail)
                data.Add(c.Subject.Name, law);
        return data;
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void Law_rejects_broken_orthogonalizer(string broken, string lawId)
    {
        var control = ControlTable.Orthogonalizers.Single(c => c.Subject.Name == broken);
        var law = OrthogonalizerLaws.For(control.Subject, control.Declared, control.Generator).Single(l => l.Id == lawId);
        PropertyAssert.Fails(law, output);
    }

    [Fact]
    public void Every_law_has_a_negative_control()
    {
        var covered = ControlTable.Orthogonalizers.SelectMany(c => c.MustFail).ToHashSet();
        var uncovered = OrthogonalizerLaws.For(ExactPolar.Default, ExactPolar.Default).Select(l => l.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.True(uncovered.Length == 0, "laws without a negative control: " + string.Join(", ", uncovered));
    }
}
