using FsCheck;

namespace Muon.Verification.Harness;

/// <summary>
/// A named, documented executable specification: the claim it checks, where the claim comes from, why its
/// tolerance is what it is, and a factory for the FsCheck property. Specs live in this library so that the
/// test projects, the CLI and third parties run the same catalogue.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>orthogonalizer/odd-symmetry</c>; seeds derive from it.</param>
/// <param name="Claim">The statement checked, in one sentence.</param>
/// <param name="Source">Where the claim comes from (paper, section, or "definition").</param>
/// <param name="Tolerance">How the tolerance is derived.</param>
/// <param name="StandardCases">Cases in a standard (CI) run.</param>
/// <param name="Build">Creates the property; its body throws <see cref="SpecViolation"/> with the measured value against its bound.</param>
public sealed record PropertySpec(string Id, string Claim, string Source, string Tolerance, int StandardCases, Func<Property> Build)
{
    /// <summary>The subject the spec is instantiated for (e.g. an orthogonalizer's name); part of the seed.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The name used for the seed and in reports: <c>Subject::Id</c>.</summary>
    public string QualifiedName => Subject.Length == 0 ? Id : $"{Subject}::{Id}";
}

/// <summary>What a violation is about.</summary>
public enum ViolationKind
{
    /// <summary>The claim itself: the measured quantity exceeds its bound.</summary>
    Law,
    /// <summary>The subject broke the calling contract before the claim could be measured (wrong shape, NaN/∞ output).</summary>
    Contract,
}

/// <summary>
/// Thrown by a property body when the claim is violated. A violation with numbers carries them as a
/// <see cref="Harness.Violation"/> and its message is rendered from it; one without (a run that stopped early, a wrong
/// shape) has only its message and counts as structural.
/// </summary>
public sealed class SpecViolation : Exception
{
    /// <summary>Creates a violation with no numbers: the message says what went wrong.</summary>
    public SpecViolation(string message) : base(message) { }

    /// <summary>Creates a violation from its numbers; the message is <see cref="Violation.Describe"/>.</summary>
    public SpecViolation(Violation violation) : base((violation ?? throw new ArgumentNullException(nameof(violation))).Describe())
        => Violation = violation;

    /// <summary>Creates a violation from its numbers with a helper's own wording of them (<paramref name="message"/> is rendered from <paramref name="violation"/>).</summary>
    public SpecViolation(Violation violation, string message) : base(message)
        => Violation = violation ?? throw new ArgumentNullException(nameof(violation));

    /// <summary>The measured value, bound, relation and class; null for a violation with no numbers.</summary>
    public Violation? Violation { get; }

    /// <summary>Creates a violation of the given kind.</summary>
    public SpecViolation(string message, ViolationKind kind) : base(message) => Kind = kind;

    /// <summary>Whether the claim or the calling contract was violated.</summary>
    public ViolationKind Kind { get; }

    /// <summary>Creates a violation (standard constructor).</summary>
    public SpecViolation() { }

    /// <summary>Creates a violation wrapping an inner exception.</summary>
    public SpecViolation(string message, Exception inner) : base(message, inner) { }
}
