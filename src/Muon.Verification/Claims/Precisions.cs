namespace Muon.Verification.Claims;

/// <summary>The working precisions in which a claim's check is derived (its tolerance has a round-off term for them).</summary>
[Flags]
public enum Precisions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>IEEE double, u = 2⁻⁵³.</summary>
    Float64 = 1,

    /// <summary>IEEE single, u = 2⁻²⁴.</summary>
    Float32 = 2,

    /// <summary>bfloat16, u = 2⁻⁸.</summary>
    BFloat16 = 4,

    /// <summary>IEEE half, u = 2⁻¹¹.</summary>
    Float16 = 8,
}
