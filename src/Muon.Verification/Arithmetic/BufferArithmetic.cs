namespace Muon.Verification.Arithmetic;

/// <summary>
/// How an implementation evaluates the momentum buffer and the Nesterov input before rounding to the parameters' format.
/// The result feeds the orthogonalizer, whose low-precision iteration amplifies a one-unit difference of its input, so the
/// emulation runs every form a correct implementation uses (<see cref="EmulatedMuon.Variants"/>).
/// </summary>
public enum BufferArithmetic
{
    /// <summary>Computed exactly, rounded once (a float32 kernel that happens to be correctly rounded).</summary>
    Exact,

    /// <summary>PyTorch's scalar <c>lerp</c> in float32 "opmath": every operation rounded to float32, then once to P.</summary>
    Float32,

    /// <summary>PyTorch's vectorized <c>lerp</c>: the last multiply-add fused (one float32 rounding), then once to P.</summary>
    Fused,

    /// <summary><c>buf.mul_(β).add_(g, alpha = 1 − β)</c>: each of the two in-place ops rounded to P.</summary>
    TwoOps,
}
