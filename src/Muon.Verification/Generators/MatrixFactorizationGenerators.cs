using FsCheck;
using FsCheck.Fluent;

namespace Muon.Verification.Generators;

/// <summary>Shared FsCheck pieces for <see cref="MfCase"/> generators: draws, width ratios and a shrinker.</summary>
public static class MatrixFactorizationGenerators
{
    /// <summary>Uniform in [<paramref name="lo"/>, <paramref name="hi"/>) at 1e-9 resolution.</summary>
    public static Gen<double> Uniform(double lo, double hi) => MatrixGenerators.Unit().Select(f => lo + f * (hi - lo));

    /// <summary>Log-uniform in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Gen<double> LogUniform(double lo, double hi) => MatrixGenerators.LogUniform(lo, hi);

    /// <summary>A 64-bit seed.</summary>
    public static Gen<ulong> Seed() => MatrixGenerators.Seed();

    /// <summary>
    /// An arbitrary over <paramref name="gen"/> whose shrinker proposes smaller cases that still satisfy
    /// <paramref name="valid"/> (the generator's hypothesis): n → n−1 with m and d scaled along, d → d−1, κ → √κ.
    /// The seed is kept, so a shrunk case is a new draw of the same recipe family. Pass <paramref name="shrink"/> =
    /// false for expensive specs (each shrink candidate reruns a whole trajectory).
    /// </summary>
    public static Arbitrary<MfCase> Arbitrary(Gen<MfCase> gen, Func<MfCase, bool> valid, bool shrink = true)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(valid);
        return shrink ? Arb.From(gen, c => Shrink(c).Where(valid)) : Arb.From(gen);
    }

    /// <summary>Shrink candidates of <paramref name="c"/> (validity is the caller's filter).</summary>
    public static IEnumerable<MfCase> Shrink(MfCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.N > 1)
        {
            int n = c.N - 1;
            int m = Math.Max(n, c.M - (c.M == c.N ? 1 : 0));
            int d = c.D == c.N ? n : c.D == c.Rank ? Math.Min(c.D, n) : Math.Max(1, c.D * n / c.N);
            yield return c with { M = m, N = n, D = d, Rank = Math.Min(c.Rank, n) };
        }
        if (c.M > c.N) yield return c with { M = c.M - 1 };
        if (c.Kappa > 1.01) yield return c with { Kappa = Math.Sqrt(c.Kappa) };
    }
}
