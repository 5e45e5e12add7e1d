using System.Text.Json;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// Misbehaving in-process peers (connected through pipes, so the client's byte/line/timeout code runs exactly
/// as for a process). Each answers the hello correctly, then serves <c>healthy</c> requests correctly (as the
/// exact polar), then misbehaves on the next one.
/// </summary>
internal static class FakePeers
{
    // 2 s: long enough that a loaded 2-core CI machine never turns a prompt (mis)reply into a timeout, short enough for the hung-peer tests.
    public static readonly ProtocolOptions Fast = new() { RequestTimeout = TimeSpan.FromSeconds(2), HelloTimeout = TimeSpan.FromSeconds(5), ByeGrace = TimeSpan.FromMilliseconds(100) };

    private static readonly ProtocolServer Reference = ProtocolServer.For(ExactPolar.Default);

    /// <summary>A client connected to a peer whose (healthy+1)-th request after hello gets <paramref name="misbehave"/>.</summary>
    public static ProtocolClient Connect(Action<string, TextReader, TextWriter> misbehave, int healthy = 0, ProtocolOptions? options = null)
    {
        var transport = InProcessPeer.Start((input, output) =>
        {
            int served = -1; // the hello does not count
            while (input.ReadLine() is { } line)
            {
                if (served >= healthy)
                {
                    misbehave(line, input, output);
                    return;
                }
                output.WriteLine(Reference.Handle(line, out bool bye));
                if (bye) return;
                served++;
            }
        }, "fake peer", options ?? Fast);
        var client = new ProtocolClient(transport, options ?? Fast);
        client.Hello();
        return client;
    }

    /// <summary>The request's id (for replies that echo it).</summary>
    public static long IdOf(string request)
    {
        using var doc = JsonDocument.Parse(request);
        return doc.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>Blocks until the oracle closes the peer's input (i.e. stops the peer) or 30 s pass.</summary>
    public static void Hang(TextReader input)
    {
        // A thread of its own, not the pool's: the read blocks until the oracle closes the pipe, and a pool thread held
        // that long delays every other pool work item of the test host.
        var reading = new Thread(() => { try { while (input.ReadLine() is not null) { } } catch (IOException) { } catch (ObjectDisposedException) { } })
        { IsBackground = true, Name = "hung fake peer" };
        reading.Start();
        reading.Join(TimeSpan.FromSeconds(30));
    }
}
