using Muon.Verification.Harness;

namespace Muon.Verification.Properties.Harness;

/// <summary>Tests that set process environment variables: run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary><see cref="RunSettings.FromEnvironment"/> reads MUON_VERIFY_DEPTH / _REPLAY / _CASES as documented.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RunSettingsEnvironmentTests
{
    private static readonly string[] Variables = ["MUON_VERIFY_DEPTH", "MUON_VERIFY_REPLAY", "MUON_VERIFY_CASES"];

    private static RunSettings With(string? depth, string? replay, string? cases)
    {
        var saved = Variables.Select(Environment.GetEnvironmentVariable).ToArray();
        try
        {
            Environment.SetEnvironmentVariable("MUON_VERIFY_DEPTH", depth);
            Environment.SetEnvironmentVariable("MUON_VERIFY_REPLAY", replay);
            Environment.SetEnvironmentVariable("MUON_VERIFY_CASES", cases);
            return RunSettings.FromEnvironment();
        }
        finally
        {
            for (int i = 0; i < Variables.Length; i++) Environment.SetEnvironmentVariable(Variables[i], saved[i]);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Unset_or_blank_variables_mean_standard_settings(string? text)
        => Assert.Equal(RunSettings.Standard, With(text, text, text));

    [Theory]
    [InlineData("deep", RunDepth.Deep)]
    [InlineData("Quick", RunDepth.Quick)]
    [InlineData("STANDARD", RunDepth.Standard)]
    public void Depth_is_read_case_insensitively(string text, RunDepth depth)
        => Assert.Equal(RunSettings.Standard with { Depth = depth }, With(text, null, null));

    [Fact]
    public void One_case_is_a_valid_override()
        => Assert.Equal(1, With(null, null, "1").CasesOverride);

    [Fact]
    public void Replay_and_cases_are_read()
        => Assert.Equal(new RunSettings(RunDepth.Standard, new Replay(12, 7, 3) { Spec = "a::b" }, 9), With(null, "a::b@12,7,3", "9"));

    [Theory]
    [InlineData("bogus", null, null, "MUON_VERIFY_DEPTH='bogus'")]
    [InlineData(null, "12,8", null, "MUON_VERIFY_REPLAY='12,8'")]
    [InlineData(null, null, "0", "MUON_VERIFY_CASES='0'")]
    [InlineData(null, null, "ten", "MUON_VERIFY_CASES='ten'")]
    public void Malformed_values_are_rejected_naming_the_variable(string? depth, string? replay, string? cases, string expected)
    {
        var e = Record.Exception(() => With(depth, replay, cases));
        Assert.NotNull(e);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
