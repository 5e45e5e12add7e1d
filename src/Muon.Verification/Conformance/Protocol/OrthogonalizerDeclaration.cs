using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>What an implementation says its orthogonalizer is (<c>declares.orthogonalizer</c>).</summary>
public enum OrthogonalizerKind
{
    /// <summary>Nothing declared, or <c>{"kind":"unknown"}</c>: judged against the default orthogonalized band.</summary>
    Unknown,
    /// <summary><c>{"kind":"exact"}</c>: the exact polar factor (rank-preserving).</summary>
    Exact,
    /// <summary><c>{"kind":"newton-schulz", …}</c>: the declared odd-polynomial schedule.</summary>
    NewtonSchulz,
}

/// <summary>
/// A parsed <c>declares.orthogonalizer</c>. For Newton–Schulz: the steps <c>[[a,b,c],…]</c> (one per
/// iteration, in order, all of them — no extension rule is assumed), normalization (only <c>frobenius</c>
/// is defined in protocol v1), <c>eps</c> (default 0) and <c>input_cushion</c> c (default 1): the input is
/// divided by <c>c·‖G‖_F + eps</c>.
/// </summary>
public sealed record OrthogonalizerDeclaration(OrthogonalizerKind Kind, IReadOnlyList<QuinticStep> Coefficients, double Eps, double InputCushion)
{
    /// <summary>Nothing declared.</summary>
    public static OrthogonalizerDeclaration Unknown { get; } = new(OrthogonalizerKind.Unknown, [], 0, 1);

    /// <summary>The exact polar factor.</summary>
    public static OrthogonalizerDeclaration Exact { get; } = new(OrthogonalizerKind.Exact, [], 0, 1);

    /// <summary>
    /// The reference orthogonalizer the declaration describes (the oracle's expected map), or null for
    /// <see cref="OrthogonalizerKind.Unknown"/>.
    /// </summary>
    public ISpectralOrthogonalizer? ToReference() => Kind switch
    {
        OrthogonalizerKind.Exact => ExactPolar.Default,
        OrthogonalizerKind.NewtonSchulz => new NewtonSchulz(
            new CoefficientSchedule("declared", Coefficients, ScheduleExtension.Strict, InputCushion), Coefficients.Count, Eps),
        _ => null,
    };

    /// <summary>The declaration of a built-in reference orthogonalizer (as <c>muon-verify serve</c> declares it).</summary>
    public static OrthogonalizerDeclaration Of(ISpectralOrthogonalizer o) => o switch
    {
        ExactPolar => Exact,
        NewtonSchulz ns => new(OrthogonalizerKind.NewtonSchulz,
            Enumerable.Range(0, ns.Steps).Select(ns.Schedule.At).ToArray(), ns.Eps, ns.Schedule.InputCushion),
        _ => Unknown,
    };
}
