using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// A misbehaving peer gives a clear failure naming the request — never a hang or a crashed run. Every test
/// bounds its own wall time.
/// </summary>
public sealed class MisbehavingPeerTests
{
    private static readonly Matrix<double> G = Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0 }, { 0.0, 2.0 } });
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15); // 2 s timeout (FakePeers.Fast) plus room for a loaded machine

    private static ProtocolException Fails(ProtocolClient client, ProtocolFailureKind kind, string requestLabel)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ProtocolException>(() => client.Orthogonalize(G));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal(kind, e.Kind);
        Assert.Contains(requestLabel, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void Crash_is_a_fatal_peer_exited_failure_naming_the_request()
    {
        using var client = FakePeers.Connect((_, _, _) => { });
        var e = Fails(client, ProtocolFailureKind.PeerExited, "request #2 orthogonalize 2×2");
        Assert.True(e.IsFatal);
        Assert.Same(client.Fatal, e);
    }

    [Fact]
    public void Hang_times_out_and_breaks_the_session()
    {
        using var client = FakePeers.Connect((_, input, _) => FakePeers.Hang(input));
        var e = Fails(client, ProtocolFailureKind.Timeout, "request #2 orthogonalize 2×2");
        Assert.Contains("no reply within 2 s", e.Message, StringComparison.Ordinal);
        var next = Assert.Throws<ProtocolException>(() => client.Orthogonalize(G));
        Assert.Equal(ProtocolFailureKind.SessionBroken, next.Kind); // raised before sending: no new timeout is waited for
        Assert.Contains("request #3", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_line_is_malformed_and_tells_adapters_to_log_to_stderr()
    {
        using var client = FakePeers.Connect((_, _, output) => output.WriteLine("loading weights..."));
        var e = Fails(client, ProtocolFailureKind.MalformedReply, "request #2 orthogonalize 2×2");
        Assert.Contains("loading weights...", e.Message, StringComparison.Ordinal);
        Assert.Contains("write logs to stderr", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_line_is_malformed()
    {
        using var client = FakePeers.Connect((_, _, output) => output.Write("{\"id\":2,\"o\":{\"rows\":2,"));
        var e = Fails(client, ProtocolFailureKind.MalformedReply, "request #2");
        Assert.Contains("truncated reply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_NaN_token_is_malformed_with_a_hint()
    {
        using var client = FakePeers.Connect((req, _, output) => output.WriteLine($"{{\"id\":{FakePeers.IdOf(req)},\"o\":{{\"rows\":2,\"cols\":2,\"data\":[NaN,1,1,1]}}}}"));
        var e = Fails(client, ProtocolFailureKind.MalformedReply, "request #2");
        Assert.Contains("\"NaN\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_id_is_a_fatal_mismatch()
    {
        using var client = FakePeers.Connect((_, _, output) => output.WriteLine("{\"id\":41,\"o\":{\"rows\":2,\"cols\":2,\"data\":[1,0,0,1]}}"));
        var e = Fails(client, ProtocolFailureKind.IdMismatch, "request #2");
        Assert.Contains("id is 41, expected 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_longer_than_the_limit_stops_reading()
    {
        var options = FakePeers.Fast with { MaxLineChars = 1000 };
        using var client = FakePeers.Connect((_, input, output) => { output.Write(new string('x', 100_000)); FakePeers.Hang(input); }, options: options);
        Fails(client, ProtocolFailureKind.LineTooLong, "request #2");
    }

    [Fact]
    public void Peer_that_stops_reading_its_input_cannot_block_the_sender()
    {
        var big = Matrix<double>.Build.Dense(300, 300, (i, j) => 1.0 / (1 + i + j) + 1e-3 * i); // ≈ 2 MB of JSON, far above a pipe buffer
        string hello = Muon.Verification.Conformance.Protocol.ProtocolServer.For(Muon.Reference.Orthogonalizers.ExactPolar.Default).Handle("{\"op\":\"hello\",\"protocol\":1}", out _);
        var transport = InProcessPeer.Start((input, output) => { input.ReadLine(); output.WriteLine(hello); Thread.Sleep(TimeSpan.FromSeconds(10)); }, "deaf peer", FakePeers.Fast);
        using var client = new ProtocolClient(transport, FakePeers.Fast);
        client.Hello();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ProtocolException>(() => client.Orthogonalize(big));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal(ProtocolFailureKind.Timeout, e.Kind);
        Assert.Contains("request #2 orthogonalize 300×300", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_shape_is_a_non_fatal_failure_and_the_session_goes_on()
    {
        using var client = FakePeers.Connect((req, input, output) =>
        {
            output.WriteLine($"{{\"id\":{FakePeers.IdOf(req)},\"o\":{{\"rows\":1,\"cols\":2,\"data\":[1,0]}}}}");
            while (input.ReadLine() is { } next && !next.Contains("bye", StringComparison.Ordinal)) { output.WriteLine($"{{\"id\":{FakePeers.IdOf(next)},\"o\":{{\"rows\":2,\"cols\":2,\"data\":[1,0,0,1]}}}}"); }
        });
        var e = Fails(client, ProtocolFailureKind.WrongShape, "request #2 orthogonalize 2×2");
        Assert.Contains("o is 1×2, expected 2×2", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsFatal);
        Assert.Equal(1.0, client.Orthogonalize(G)[0, 0]);
    }

    [Fact]
    public void NaN_in_a_reply_is_a_non_finite_failure()
    {
        using var client = FakePeers.Connect((req, _, output) => output.WriteLine($"{{\"id\":{FakePeers.IdOf(req)},\"o\":{{\"rows\":2,\"cols\":2,\"data\":[1,\"NaN\",0,1]}}}}"));
        var e = Fails(client, ProtocolFailureKind.NonFinite, "request #2");
        Assert.Contains("o[0,1] = NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_reply_is_reported_with_the_peers_message()
    {
        using var client = FakePeers.Connect((req, _, output) => output.WriteLine($"{{\"id\":{FakePeers.IdOf(req)},\"error\":\"CUDA out of memory\"}}"));
        var e = Fails(client, ProtocolFailureKind.ErrorReply, "request #2");
        Assert.Contains("CUDA out of memory", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsFatal);
    }

    [Fact]
    public void Wrong_protocol_version_fails_the_handshake()
    {
        var transport = InProcessPeer.Start((input, output) => { input.ReadLine(); output.WriteLine("{\"protocol\":2,\"name\":\"x\",\"capabilities\":[]}"); }, "v2 peer", FakePeers.Fast);
        using var client = new ProtocolClient(transport, FakePeers.Fast);
        var e = Assert.Throws<ProtocolException>(() => client.Hello());
        Assert.Equal(ProtocolFailureKind.HandshakeFailed, e.Kind);
        Assert.Contains("speaks protocol 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"dtype\":\"int8\"}", "declares.dtype = \"int8\" is not one of")]
    [InlineData("{\"orthogonalizer\":{\"kind\":\"newton-schulz\"}}", "coefficients must be a non-empty array")]
    [InlineData("{\"orthogonalizer\":{\"kind\":\"newton-schulz\",\"coefficients\":[[1,2]]}}", "coefficients[0] is not a triple")]
    [InlineData("{\"nesterov\":\"yes\"}", "declares.nesterov = \"yes\" is not a boolean")]
    public void Malformed_declarations_fail_the_handshake_naming_the_field(string declares, string expected)
    {
        var transport = InProcessPeer.Start((input, output) => { input.ReadLine(); output.WriteLine($"{{\"protocol\":1,\"name\":\"x\",\"capabilities\":[\"orthogonalize\"],\"declares\":{declares}}}"); }, "peer", FakePeers.Fast);
        using var client = new ProtocolClient(transport, FakePeers.Fast);
        var e = Assert.Throws<ProtocolException>(() => client.Hello());
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
