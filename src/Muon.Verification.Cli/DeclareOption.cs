using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Cli;

/// <summary>
/// <c>--declare exact|unknown|NAME</c> of <c>check --assembly</c> and <c>serve</c>: what the orthogonalizer claims to be.
/// One rule for both commands, default included.
/// </summary>
internal static class DeclareOption
{
    public const string Usage = """
          --declare exact|unknown|NAME
                                with --assembly or serve: what the orthogonalizer claims to be — the exact polar factor,
                                nothing (judged by the default band), or the schedule of a built-in NAME or alias.
                                Default: itself when it is an ExactPolar or a NewtonSchulz (a built-in, or such a
                                type loaded with --assembly); anything else, negative controls included, declares unknown
        """;

    /// <summary>The declaration <paramref name="declare"/> names for <paramref name="subject"/>, or null when it names nothing (a usage error).</summary>
    public static OrthogonalizerDeclaration? Parse(string? declare, IOrthogonalizer? subject) => declare switch
    {
        null => Default(subject),
        "unknown" => OrthogonalizerDeclaration.Unknown,
        "exact" => OrthogonalizerDeclaration.Exact,
        _ => ServeCommand.Find(declare) is ISpectralOrthogonalizer d && BuiltIns.Orthogonalizers.Contains(d) ? OrthogonalizerDeclaration.Of(d) : null,
    };

    /// <summary>The usage error for a <paramref name="declare"/> that <see cref="Parse"/> rejected.</summary>
    public static string Error(string? declare) => $"--declare '{declare}' is not 'exact', 'unknown' nor a built-in name or alias.";

    /// <summary>Without <c>--declare</c>: an exact polar or Newton–Schulz subject declares itself, unless it is a negative control.</summary>
    private static OrthogonalizerDeclaration Default(IOrthogonalizer? subject)
        => subject is ISpectralOrthogonalizer s && !ServeCommand.NegativeControls.Contains(subject) ? OrthogonalizerDeclaration.Of(s) : OrthogonalizerDeclaration.Unknown;
}
