namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// The conventions an implementation declares in its hello reply (<c>declares</c>). Every field is optional;
/// null means "not declared" — the oracle then measures instead of assuming. String values are kept as sent
/// after validation against the protocol's vocabulary (see <see cref="ProtocolV1"/>).
/// </summary>
/// <param name="Orthogonalizer">The declared orthogonalizer (<see cref="OrthogonalizerDeclaration.Unknown"/> when absent).</param>
/// <param name="Dtype">The arithmetic of the iteration: <c>float64</c>, <c>float32</c>, <c>bfloat16</c> or <c>float16</c>.</param>
/// <param name="Momentum"><c>ema</c>, <c>heavy-ball</c> or <c>none</c>.</param>
/// <param name="Nesterov">Whether the Nesterov input is used.</param>
/// <param name="Scale">Shape scale: <c>none</c>, <c>sqrt-max-1-rows-over-cols</c>, <c>rms-0.2</c>, <c>sqrt-rows-over-cols</c>, <c>sqrt-max-rows-cols</c>.</param>
/// <param name="WeightDecay"><c>decoupled</c> or <c>none</c>.</param>
/// <param name="NormalizationDtype">The arithmetic of the input normalization, when it differs from <paramref name="Dtype"/>
/// (e.g. a float16 iteration after a float32 normalization, <c>normalization_dtype</c>).</param>
/// <param name="ParamDtype">The arithmetic of the parameters and the momentum buffer (<c>param_dtype</c>), when declared;
/// otherwise the oracle measures it from the optimizer's outputs.</param>
/// <param name="RawJson">The <c>declares</c> object exactly as received ("{}" when absent), for reports.</param>
public sealed record Declarations(
    OrthogonalizerDeclaration Orthogonalizer,
    string? Dtype,
    string? Momentum,
    bool? Nesterov,
    string? Scale,
    string? WeightDecay,
    string? NormalizationDtype,
    string? ParamDtype,
    string RawJson)
{
    /// <summary>Nothing declared.</summary>
    public static Declarations None { get; } = new(OrthogonalizerDeclaration.Unknown, null, null, null, null, null, null, null, "{}");
}
