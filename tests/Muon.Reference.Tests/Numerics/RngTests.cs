using Muon.Reference.Numerics;

namespace Muon.Reference.Tests.Numerics;

/// <summary>
/// The generator's stream is part of the project's reproducibility promise (seeds in failure messages, snapshots):
/// it is pinned to an independent implementation of SplitMix64 seeding + xoshiro256** (written from the published
/// algorithms in Python), so any change to the stream fails here, not silently in a snapshot.
/// </summary>
public sealed class RngTests
{
    [Fact]
    public void Stream_matches_the_published_algorithms()
    {
        var rng = new Rng(42);
        ulong[] expected = [0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1, 0xfde6dc7fe2ec5e64];
        foreach (var e in expected) Assert.Equal(e, rng.NextUInt64());
        Assert.Equal(0.7697394604342425, rng.NextDouble()); // (next >> 11)·2⁻⁵³, exact
    }

    [Fact]
    public void Derived_draws_stay_in_their_ranges_and_cover_them()
    {
        var rng = new Rng(7);
        var ints = Enumerable.Range(0, 2000).Select(_ => rng.Int(3, 9)).ToArray();
        Assert.All(ints, i => Assert.InRange(i, 3, 9));
        Assert.Equal(7, ints.Distinct().Count());
        var uniform = Enumerable.Range(0, 2000).Select(_ => rng.Uniform(-2, 5)).ToArray();
        Assert.All(uniform, u => Assert.InRange(u, -2, 5));
        // Mean of U[−2, 5) is 1.5 with standard deviation 7/√12/√2000 ≈ 0.045: 5σ = 0.23.
        Assert.InRange(uniform.Average(), 1.5 - 0.23, 1.5 + 0.23);
        var logs = Enumerable.Range(0, 2000).Select(_ => rng.LogUniform(1e-3, 1e3)).ToArray();
        Assert.All(logs, l => Assert.InRange(l, 1e-3, 1e3));
        // log10 is U[−3, 3]: mean 0, sd √3/√2000 ≈ 0.039 per draw mean: 5σ = 0.19.
        Assert.InRange(logs.Average(Math.Log10), -0.19, 0.19);
    }

    [Fact]
    public void Normal_draws_have_unit_variance()
    {
        // 20 000 draws: the sample variance has relative standard error √(2/N) = 0.01; 5σ = 0.05.
        var rng = new Rng(11);
        var x = Enumerable.Range(0, 20000).Select(_ => rng.Normal()).ToArray();
        Assert.InRange(x.Average(), -5 / Math.Sqrt(20000), 5 / Math.Sqrt(20000));
        Assert.InRange(x.Select(v => v * v).Average(), 0.95, 1.05);
    }

    [Fact]
    public void Split_gives_an_independent_reproducible_stream()
    {
        var a = new Rng(5).Split();
        var b = new Rng(5).Split();
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
        Assert.NotEqual(new Rng(5).NextUInt64(), new Rng(5).Split().NextUInt64());
    }
}
