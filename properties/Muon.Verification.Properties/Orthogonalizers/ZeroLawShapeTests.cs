using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.Orthogonalizers;

/// <summary>The zero-in-zero-out law draws the shapes its generator options ask for (it builds its own zero matrices).</summary>
public sealed class ZeroLawShapeTests
{
    private static List<(int Rows, int Cols)> ShapesSeen(Aspect aspect)
    {
        var seen = new List<(int, int)>();
        var recorder = new LawSubject("recorder", g =>
        {
            lock (seen) seen.Add((g.RowCount, g.ColumnCount));
            return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount);
        });
        var report = PropertyRunner.Run(OrthogonalizerLaws.ZeroInZeroOut(recorder, new MatrixGenOptions { Aspect = aspect }), RunSettings.Standard);
        Assert.True(report.Passed, report.Message);
        return seen;
    }

    [Fact]
    public void Tall_draws_tall_shapes_including_strictly_tall_ones()
    {
        var shapes = ShapesSeen(Aspect.Tall);
        Assert.All(shapes, s => Assert.True(s.Rows >= s.Cols, $"{s.Rows}×{s.Cols}"));
        Assert.Contains(shapes, s => s.Rows > s.Cols);
    }

    [Fact]
    public void Wide_draws_wide_shapes_including_strictly_wide_ones()
    {
        var shapes = ShapesSeen(Aspect.Wide);
        Assert.All(shapes, s => Assert.True(s.Rows <= s.Cols, $"{s.Rows}×{s.Cols}"));
        Assert.Contains(shapes, s => s.Rows < s.Cols);
    }

    [Fact]
    public void Square_draws_square_shapes_of_more_than_one_size()
    {
        var shapes = ShapesSeen(Aspect.Square);
        Assert.All(shapes, s => Assert.Equal(s.Rows, s.Cols));
        Assert.True(shapes.Select(s => s.Rows).Distinct().Count() > 1);
    }
}
