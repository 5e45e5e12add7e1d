using FsCheck.Fluent;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Oracles;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Generators;

/// <summary>Meta-tests: the generators deliver the hypotheses they promise (shape, rank, κ, scale) by construction.</summary>
public sealed class MatrixGeneratorTests(ITestOutputHelper output)
{
    private static PropertySpec Delivers(MatrixGenOptions options, string id) => new(
        id, "G = U diag(σ) Vᵀ has the recipe's shape, rank, σ₁ and κ", "generator contract",
        "σ₁ and κ relative 1e-12 (a product of orthonormal factors: ~k·u·κ), rank by the oracle above 1e-9·σ₁", 100,
        () => Prop.ForAll(MatrixGenerators.Matrices(options), c =>
        {
            var g = c.Matrix;
            var s = JacobiSvd.Of(g);
            int rank = s.Rank(1e-9);
            bool aspect = options.Aspect switch
            {
                Aspect.Square => c.Rows == c.Cols,
                Aspect.Tall => c.Rows >= c.Cols,
                Aspect.Wide => c.Rows <= c.Cols,
                _ => true,
            };
            if (g.RowCount != c.Rows || g.ColumnCount != c.Cols || !aspect)
                throw new SpecViolation($"shape {g.RowCount}×{g.ColumnCount} for recipe {c.Rows}×{c.Cols} ({options.Aspect})");
            if (rank != c.Rank) throw new SpecViolation($"rank {rank} ≠ recipe rank {c.Rank}");
            if (Math.Abs(s.S[0] - c.Scale) > 1e-12 * c.Scale) throw new SpecViolation($"σ₁ = {s.S[0]:R} ≠ {c.Scale:R}");
            double kappa = s.S[0] / s.S[c.Rank - 1];
            if (Math.Abs(kappa - c.Kappa) > 1e-12 * c.Kappa * c.Kappa) throw new SpecViolation($"κ = {kappa:R} ≠ {c.Kappa:R}");
            if (c.Kappa > options.MaxKappa || c.Rank < Math.Min(options.MinRank, c.MinDim)) throw new SpecViolation("recipe outside the options");
        }));

    [Theory]
    [InlineData(Aspect.Any)]
    [InlineData(Aspect.Square)]
    [InlineData(Aspect.Tall)]
    [InlineData(Aspect.Wide)]
    public void Matrices_have_the_promised_spectrum(Aspect aspect)
        => PropertyAssert.Holds(Delivers(new MatrixGenOptions { Aspect = aspect, MinRank = 2 }, $"generators/matrices/{aspect}"), output);

    [Fact]
    public void A_shrunk_case_is_rebuilt_from_its_own_recipe()
    {
        var c = new MatrixCase(5, 4, 4, 10, 1, SpectrumShape.Geometric, 99);
        _ = c.Matrix; // fill the cache
        var smaller = c with { Rows = 2, Cols = 2, Rank = 2 };
        Assert.Equal((2, 2), (smaller.Matrix.RowCount, smaller.Matrix.ColumnCount));
        Assert.Equal(2, smaller.SingularValues.Count);
    }

    [Fact]
    public void Shrinking_keeps_cases_valid()
    {
        var o = new MatrixGenOptions { Aspect = Aspect.Tall, MinRank = 2, AllowRankDeficient = false };
        foreach (var c in Gen.Sample(MatrixGenerators.Matrices(o).Generator, 50))
            foreach (var s in MatrixGenerators.Shrink(c, o))
                Assert.True(s.Rows >= s.Cols && s.Rank == Math.Min(s.Rows, s.Cols) && s.Kappa >= 1, s.ToString());
    }

    [Fact]
    public void Negative_control_a_recipe_that_lies_about_kappa_is_caught()
    {
        // Doubling the recorded κ after the fact must be detected by the contract above.
        var spec = Delivers(new MatrixGenOptions(), "generators/matrices/lying") with
        {
            Build = () => Prop.ForAll(MatrixGenerators.Matrices(new MatrixGenOptions { MinRank = 2, AllowRankDeficient = false, MinDim = 2 }), c =>
            {
                var s = JacobiSvd.Of(c.Matrix);
                double claimed = 2 * c.Kappa;
                if (Math.Abs(s.S[0] / s.S[c.Rank - 1] - claimed) > 1e-12 * claimed * claimed)
                    throw new SpecViolation($"κ = {s.S[0] / s.S[c.Rank - 1]:R} ≠ claimed {claimed:R}");
            }),
        };
        PropertyAssert.Fails(spec, output);
    }
}
