
namespace Muon.Verification.Properties.Snapshots;

public sealed class SnapshotTextTests
{
    private static readonly SnapshotTolerance Tol = SnapshotTolerance.Default;

    [Fact]
    public void Numbers_within_tolerance_match()
        => Assert.Empty(SnapshotText.Differences("a = 1.0000000000001 b 2e-300\n", "a = 1 b 0\n", Tol));

    [Fact]
    public void Numbers_outside_tolerance_are_reported_with_both_values()
    {
        var d = Assert.Single(SnapshotText.Differences("x 1\ny 2.5\n", "x 1\ny 2.5001\n", Tol));
        Assert.Contains("line 2", d, StringComparison.Ordinal);
        Assert.Contains("verified 2.5, received 2.5001", d, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_changes_and_line_counts_are_reported()
    {
        Assert.Contains("text differs", Assert.Single(SnapshotText.Differences("series a\n", "series b\n", Tol)), StringComparison.Ordinal);
        Assert.Contains("line count", SnapshotText.Differences("a\nb\n", "a\n", Tol)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_matches_only_NaN()
    {
        Assert.Empty(SnapshotText.Differences("v NaN\n", "v NaN\n", Tol));
        Assert.NotEmpty(SnapshotText.Differences("v NaN\n", "v 0\n", Tol));
    }

    [Fact]
    public void Missing_verified_file_fails_and_writes_received()
    {
        var dir = Directory.CreateTempSubdirectory("muon-snap").FullName;
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => SnapshotAssert.Matches("X.Y", "1 2\n", Tol, dir));
            Assert.Contains("No verified snapshot", e.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "X.Y.received.txt")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
