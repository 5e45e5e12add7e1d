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

    /// <summary>
    /// A polar factor agrees with the SVD path within twice the polar forward error (each is within
    /// <see cref="Tolerances.PolarForward"/> of the exact factor), on full-rank inputs with κ ≤ 1e5 — the range of
    /// the fast exact polar (Gram eigen-decomposition, refinement, Sylvester correction).
    /// </summary>
    private static PropertySpec AgreesWithSvdPath(IOrthogonalizer subject)
    {
        var svd = new ExactPolar(method: PolarMethod.Svd);
        var options = new MatrixGenOptions { MaxKappa = 1e5, AllowRankDeficient = false, MaxDim = 16 };
        return new PropertySpec("exact-polar/agrees-with-svd-path", "O(G) equals the SVD-path polar factor for κ ≤ 1e5",
            "ExactPolar/GramPolar accuracy analysis", "2× Tolerances.PolarForward", 200,
            () => Prop.ForAll(MatrixGenerators.Matrices(options), c =>
            {
                var g = c.Matrix;
                double err = (subject.Orthogonalize(g) - svd.Orthogonalize(g)).FrobeniusNorm();
                double tol = 2 * Tolerances.PolarForward(c.Rows, c.Cols, c.Rank, c.Kappa);
                if (!(err <= tol)) throw new SpecViolation($"‖O(G) − polar_svd(G)‖_F = {err:R}, bound {tol:R} ({c})");
            })) { Subject = subject.Name };
    }

    [Fact]
    public void Fast_exact_polar_equals_the_svd_path_up_to_kappa_1e5()
        => PropertyAssert.Holds(AgreesWithSvdPath(ExactPolar.Default), output);

    [Fact]
    public void Svd_path_agreement_rejects_an_unrefined_gram_polar()
        // Negative control: without refinement and correction the error is O(u·κ²), above the bound once κ ≳ 1e4.
        => PropertyAssert.Fails(AgreesWithSvdPath(Muon.Verification.NegativeControls.BrokenOrthogonalizers.GramUnrefined), output);

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
