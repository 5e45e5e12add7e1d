using FsCheck.Fluent;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
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
    public void Fast_exact_polar_equals_the_svd_path_up_to_kappa_1e5()
    {
        // The Gram/refinement/correction path (κ ≤ 1e5) against the SVD path, on well- and ill-conditioned inputs:
        // each is within the polar forward error of the exact factor, so they differ by at most twice that.
        var svd = new ExactPolar(method: PolarMethod.Svd);
        var options = new MatrixGenOptions { MaxKappa = 1e5, AllowRankDeficient = false, MaxDim = 16 };
        var spec = new PropertySpec("exact-polar/fast-path-equals-svd", "Auto and SVD exact polar agree", "ExactPolar/GramPolar accuracy analysis",
            "2× Tolerances.PolarForward", 200,
            () => Prop.ForAll(MatrixGenerators.Matrices(options), c =>
            {
                var g = c.Matrix;
                double err = (ExactPolar.Default.Orthogonalize(g) - svd.Orthogonalize(g)).FrobeniusNorm();
                double tol = 2 * Tolerances.PolarForward(c.Rows, c.Cols, c.Rank, c.Kappa);
                if (!(err <= tol)) throw new SpecViolation($"‖polar_auto − polar_svd‖_F = {err:R}, bound {tol:R} ({c})");
            }));
        PropertyAssert.Holds(spec, output);
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
