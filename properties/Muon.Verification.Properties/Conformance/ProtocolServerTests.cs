using System.Text.Json;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Properties.Conformance;

/// <summary>The reference peer answers every request line — bad ones with an error reply naming the problem — and never dies.</summary>
public sealed class ProtocolServerTests
{
    private static readonly ProtocolServer Server = ProtocolServer.For(NewtonSchulz.KellerQuintic());

    private static JsonElement Reply(ProtocolServer server, string line)
    {
        string reply = server.Handle(line, out bool bye);
        Assert.False(bye);
        using var doc = JsonDocument.Parse(reply);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Hello_declares_the_schedule_every_step_listed()
    {
        var hello = HelloParser.Parse(Reply(Server, "{\"op\":\"hello\",\"protocol\":1}"));
        Assert.Equal("newton-schulz:keller-quintic×5", hello.Name);
        Assert.Equal(OrthogonalizerKind.NewtonSchulz, hello.Declares.Orthogonalizer.Kind);
        Assert.Equal(5, hello.Declares.Orthogonalizer.Coefficients.Count);
        Assert.True(hello.CanOrthogonalize && hello.HasOptimizer);
    }

    [Theory]
    [InlineData("{\"op\":\"frobnicate\",\"id\":7}", 7, "unknown op \"frobnicate\"")]
    [InlineData("{\"op\":\"orthogonalize\",\"id\":8}", 8, "no \"g\"")]
    [InlineData("{\"op\":\"orthogonalize\",\"id\":9,\"g\":{\"rows\":1,\"cols\":2,\"data\":[1]}}", 9, "\"data\" has 1 entries")]
    [InlineData("{\"op\":\"optimizer.step\",\"id\":10,\"state\":\"s99\",\"grads\":[]}", 10, "unknown optimizer state \"s99\"")]
    [InlineData("{\"op\":\"optimizer.new\",\"id\":11,\"hyper\":{\"lr\":0.1,\"momentum\":1.5},\"params\":[{\"rows\":1,\"cols\":1,\"data\":[1]}]}", 11, "β must lie in [0, 1)")]
    public void Bad_requests_get_an_error_reply_with_their_id(string request, long id, string expected)
    {
        var reply = Reply(Server, request);
        Assert.Equal(id, reply.GetProperty("id").GetInt64());
        Assert.Contains(expected, reply.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_gets_an_error_reply_without_id()
    {
        var reply = Reply(Server, "not json");
        Assert.False(reply.TryGetProperty("id", out _));
        Assert.True(reply.TryGetProperty("error", out _));
    }

    [Fact]
    public void Optimizer_requests_are_refused_when_the_capability_is_not_offered()
    {
        var server = new ProtocolServer("o-only", ExactPolar.Default, OrthogonalizerDeclaration.Exact) { OffersOptimizer = false };
        Assert.False(HelloParser.Parse(Reply(server, "{\"op\":\"hello\",\"protocol\":1}")).HasOptimizer);
        var reply = Reply(server, "{\"op\":\"optimizer.new\",\"id\":2,\"hyper\":{\"lr\":0.1},\"params\":[]}");
        Assert.Contains("does not offer the optimizer capability", reply.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bye_ends_the_session_without_a_reply()
    {
        Assert.Equal("", Server.Handle("{\"op\":\"bye\"}", out bool bye));
        Assert.True(bye);
    }
}
