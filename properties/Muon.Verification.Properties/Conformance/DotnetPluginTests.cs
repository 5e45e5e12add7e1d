using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

using Muon.Verification.NegativeControls;

namespace Muon.Verification.Properties.Conformance;

/// <summary>The .NET plug-in points: the one-line xunit assertion and `check --assembly PATH --type NAME`.</summary>
public sealed class DotnetPluginTests(ITestOutputHelper output)
{
    [Fact]
    public void One_line_assertion_passes_a_correct_implementation()
        => ConformanceAssert.Conforms(new ProtocolServer("my-muon", NewtonSchulz.PolarExpress(), OrthogonalizerDeclaration.Of(NewtonSchulz.PolarExpress())), output);

    [Fact]
    public void One_line_assertion_rejects_a_broken_orthogonalizer_with_the_table()
    {
        var e = Assert.Throws<XunitException>(() => ConformanceAssert.Conforms(BrokenOrthogonalizers.NegatedPolar, output: output));
        Assert.Contains("orthogonalizer/descent-direction", e.Message, StringComparison.Ordinal);
        Assert.Contains("FAIL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_assembly_and_type_check_a_dotnet_orthogonalizer()
    {
        string dll = typeof(ExactPolar).Assembly.Location;
        var (code, text) = Cli.Run($"check --quick --assembly \"{dll}\" --type Muon.Reference.Orthogonalizers.ExactPolar");
        output.WriteLine(text);
        Assert.Equal(0, code);
        Assert.Contains("exact-polar/rank-preservation", text, StringComparison.Ordinal);
        var (wrong, text2) = Cli.Run($"check --quick --assembly \"{dll}\" --type Muon.Reference.Orthogonalizers.ExactPolar --declare keller");
        output.WriteLine(text2);
        Assert.Equal(1, wrong);
        Assert.Equal(2, Cli.Run($"check --assembly \"{dll}\" --type No.Such.Type").Code);
    }

    [Fact]
    public void Cli_assembly_and_type_check_a_dotnet_optimizer_at_every_level()
    {
        string dll = typeof(ExactPolar).Assembly.Location;
        var (code, text) = Cli.Run($"check --quick --assembly \"{dll}\" --type Muon.Reference.Optimizers.MuonOptimizer");
        output.WriteLine(text);
        Assert.Equal(0, code);
        Assert.Matches(@"optimizer/reference-trajectory\s+\| PASS", text);
        Assert.Matches(@"dynamics/b1-singular-value-orbit\s+\| PASS", text);
        // Gradient descent behind a declared exact polar: the update is not orthogonalized — shape-scale FAILS.
        var (gd, text2) = Cli.Run($"check --quick --assembly \"{dll}\" --type Muon.Reference.Optimizers.GradientDescent --declare exact");
        output.WriteLine(text2);
        Assert.Equal(1, gd);
        Assert.Matches(@"optimizer/shape-scale\s+\| FAIL", text2);
    }
}
