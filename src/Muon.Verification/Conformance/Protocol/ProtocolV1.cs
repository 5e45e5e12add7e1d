namespace Muon.Verification.Conformance.Protocol;

/// <summary>Names and vocabulary of process protocol version 1 (documented in docs/conformance.md).</summary>
public static class ProtocolV1
{
    /// <summary>The protocol version.</summary>
    public const int Version = 1;

    /// <summary>Handshake request.</summary>
    public const string OpHello = "hello";

    /// <summary>Orthogonalize one matrix.</summary>
    public const string OpOrthogonalize = "orthogonalize";

    /// <summary>Create an optimizer over parameters.</summary>
    public const string OpOptimizerNew = "optimizer.new";

    /// <summary>One optimizer step.</summary>
    public const string OpOptimizerStep = "optimizer.step";

    /// <summary>End of session (no reply).</summary>
    public const string OpBye = "bye";

    /// <summary>Capability: answers <c>orthogonalize</c>.</summary>
    public const string CapabilityOrthogonalize = "orthogonalize";

    /// <summary>Capability: answers <c>optimizer.new</c> and <c>optimizer.step</c>.</summary>
    public const string CapabilityOptimizer = "optimizer";

    /// <summary>Allowed <c>declares.dtype</c>, <c>declares.normalization_dtype</c> and <c>declares.param_dtype</c> values.</summary>
    public static IReadOnlyList<string> Dtypes { get; } = ["float64", "float32", "bfloat16", "float16"];

    /// <summary>Allowed <c>declares.momentum</c> values.</summary>
    public static IReadOnlyList<string> MomentumConventions { get; } = ["ema", "heavy-ball", "none"];

    /// <summary>Allowed <c>declares.scale</c> values (rows = out, cols = in).</summary>
    public static IReadOnlyList<string> Scales { get; } = ["none", "sqrt-max-1-rows-over-cols", "rms-0.2", "sqrt-rows-over-cols", "sqrt-max-rows-cols"];

    /// <summary>Allowed <c>declares.weight_decay</c> values.</summary>
    public static IReadOnlyList<string> WeightDecays { get; } = ["decoupled", "none"];

    /// <summary>Allowed <c>declares.orthogonalizer.kind</c> values.</summary>
    public static IReadOnlyList<string> OrthogonalizerKinds { get; } = ["exact", "newton-schulz", "unknown"];
}
