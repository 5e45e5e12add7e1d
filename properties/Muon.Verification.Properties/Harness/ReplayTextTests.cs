using Muon.Verification.Harness;

namespace Muon.Verification.Properties.Harness;

/// <summary>The replay text <c>[name@]seed,gamma[,size][;cases=N]</c>: printed and parsed, edge by edge.</summary>
public sealed class ReplayTextTests
{
    public static TheoryData<string, Replay> Parsed => new()
    {
        { "12,7", new Replay(12, 7, null) },
        { "(12,7)", new Replay(12, 7, null) },
        { "12,7,0", new Replay(12, 7, 0) },
        { "@12,7", new Replay(12, 7, null) },
        { " a::b@12,7;cases=1", new Replay(12, 7, null) { Spec = "a::b", Cases = 1 } },
        { "x@y@12,7,3", new Replay(12, 7, 3) { Spec = "x@y" } },
    };

    [Theory]
    [MemberData(nameof(Parsed))]
    public void Valid_text_parses_to_the_replay(string text, Replay expected)
        => Assert.Equal(expected, Replay.Parse(text, "test"));

    [Theory]
    [InlineData(12UL, 7UL, null, null, null, "12,7")]
    [InlineData(12UL, 7UL, 0, null, null, "12,7,0")]
    [InlineData(12UL, 7UL, null, "a::b", null, "a::b@12,7")]
    [InlineData(12UL, 7UL, 3, "a::b", 400, "a::b@12,7,3;cases=400")]
    [InlineData(12UL, 7UL, null, null, 5, "12,7;cases=5")]
    public void Printing_gives_the_documented_text_and_parses_back(ulong seed, ulong gamma, int? size, string? spec, int? cases, string text)
    {
        var replay = new Replay(seed, gamma, size) { Spec = spec, Cases = cases };
        Assert.Equal(text, replay.ToString());
        Assert.Equal(replay, Replay.Parse(text, "test"));
    }

    [Theory]
    [InlineData("12,7;count=5")]
    [InlineData("12,7;cases=0")]
    [InlineData("12,7,3,4")]
    [InlineData("12,7,-1")]
    [InlineData("12,8")]
    [InlineData(";cases=3")]
    public void Malformed_text_is_rejected_naming_the_variable(string text)
    {
        var e = Assert.Throws<FormatException>(() => Replay.Parse(text, "MUON_VERIFY_REPLAY"));
        Assert.StartsWith($"MUON_VERIFY_REPLAY='{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";x")]
    [InlineData("a@;x")]
    public void A_semicolon_at_the_start_still_introduces_the_option(string text)
    {
        // The option is checked before the seed: a bad option is named as such even when no seed precedes the ';'.
        var e = Assert.Throws<FormatException>(() => Replay.Parse(text, "MUON_VERIFY_REPLAY"));
        Assert.Equal($"MUON_VERIFY_REPLAY='{text}': after ';' only 'cases=N' (N ≥ 1) is understood.", e.Message);
    }

    [Fact]
    public void Null_text_is_an_argument_error()
        => Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Replay.Parse(null!, "test")).ParamName);

    [Fact]
    public void Stable_seed_gamma_is_the_odd_hash_of_the_name_with_a_gamma_suffix()
    {
        Assert.Equal((StableSeed.Of("a"), StableSeed.Of("a#gamma") | 1UL), StableSeed.PairOf("a"));
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => StableSeed.Of(null!)).ParamName);
    }

    [Theory]
    [InlineData("", "orthogonalizer/odd-symmetry", "orthogonalizer/odd-symmetry")]
    [InlineData("ns5", "orthogonalizer/odd-symmetry", "ns5::orthogonalizer/odd-symmetry")]
    public void Qualified_name_prefixes_the_subject_when_there_is_one(string subject, string id, string qualified)
    {
        var spec = new PropertySpec(id, "c", "s", "t", 1, () => throw new InvalidOperationException()) { Subject = subject };
        Assert.Equal(qualified, spec.QualifiedName);
    }
}
