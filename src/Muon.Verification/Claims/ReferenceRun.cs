using Muon.Verification.Harness;

namespace Muon.Verification.Claims;

/// <summary>One instance of a spec for the reference implementation, as the test suite and <c>reproduce</c> run it.</summary>
/// <param name="Build">Builds the spec (cheap: the property is built only when run).</param>
public sealed record ReferenceRun(Func<PropertySpec> Build)
{
    /// <summary>Runs only at deep depth (<c>MUON_VERIFY_DEPTH=deep</c>); a standard run reports it as skipped.</summary>
    public bool DeepOnly { get; init; }

    /// <summary>Cases to run instead of the depth's count (e.g. one batch of a long rate claim), or null.</summary>
    public int? Cases { get; init; }
}
