using Muon.Reference.Orthogonalizers;

namespace Muon.Verification;

/// <summary>The built-in reference orthogonalizers the suite checks and the CLI reports on.</summary>
public static class BuiltIns
{
    /// <summary>Exact polar, cubic (5 and 30 steps), Keller quintic, You 5-step, Polar Express.</summary>
    public static IReadOnlyList<ISpectralOrthogonalizer> Orthogonalizers { get; } =
    [
        ExactPolar.Default,
        NewtonSchulz.Cubic(5),
        NewtonSchulz.Cubic(30),
        NewtonSchulz.KellerQuintic(),
        NewtonSchulz.You5(),
        NewtonSchulz.PolarExpress(),
    ];
}
