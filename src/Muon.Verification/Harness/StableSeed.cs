using System.Text;

namespace Muon.Verification.Harness;

/// <summary>
/// Seeds derived from a name by FNV-1a (64-bit), stable across processes, machines and .NET versions —
/// unlike <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
public static class StableSeed
{
    /// <summary>The 64-bit FNV-1a hash of the UTF-8 bytes of <paramref name="name"/>.</summary>
    public static ulong Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>An FsCheck (seed, gamma) pair for <paramref name="name"/>; gamma is odd, as FsCheck requires.</summary>
    public static (ulong Seed, ulong Gamma) PairOf(string name)
        => (Of(name), Of(name + "#gamma") | 1UL);
}
