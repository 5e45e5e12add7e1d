using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// <c>--declare</c> has one rule for <c>serve</c> and <c>check --assembly</c>: without it an exact polar or Newton–Schulz
/// subject declares itself unless it is a negative control; a name that is not exact, unknown or a built-in is a usage error.
/// </summary>
public sealed class DeclareOptionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("--orthogonalizer exact", OrthogonalizerKind.Exact)]
    [InlineData("--orthogonalizer keller", OrthogonalizerKind.NewtonSchulz)]
    [InlineData("--orthogonalizer broken:identity", OrthogonalizerKind.Unknown)]
    [InlineData("--orthogonalizer 'newton-schulz:keller-quintic×5(eps=0.001)'", OrthogonalizerKind.Unknown)] // a negative control that is a NewtonSchulz
    [InlineData("--orthogonalizer broken:identity --declare exact", OrthogonalizerKind.Exact)]
    [InlineData("--orthogonalizer keller --declare unknown", OrthogonalizerKind.Unknown)]
    public void Serve_declares_by_the_shared_rule(string arguments, OrthogonalizerKind expected)
    {
        using var implementation = ProcessImplementation.Start(CliLocator.Command("serve " + arguments), FakePeers.Fast with { HelloTimeout = TimeSpan.FromSeconds(60) });
        output.WriteLine(implementation.Declares.RawJson);
        Assert.Equal(expected, implementation.Declares.Orthogonalizer.Kind);
    }

    [Fact]
    public void An_unknown_name_is_the_same_usage_error_for_both_commands()
    {
        const string Message = "--declare 'bogus' is not 'exact', 'unknown' nor a built-in name or alias.";
        var (serve, serveText) = Cli.Run("serve --declare bogus");
        Assert.Equal(2, serve);
        Assert.Contains("serve: " + Message, serveText, StringComparison.Ordinal);
        var (check, checkText) = Cli.Run($"check --quick --assembly \"{typeof(ExactPolar).Assembly.Location}\" --type Muon.Reference.Orthogonalizers.ExactPolar --declare bogus");
        Assert.Equal(2, check);
        Assert.Contains(Message, checkText, StringComparison.Ordinal);
    }
}
