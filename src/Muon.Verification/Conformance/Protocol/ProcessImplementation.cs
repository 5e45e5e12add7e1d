namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// A started protocol peer after a successful hello: its name, capabilities and declarations, an
/// <see cref="ProcessOrthogonalizer"/> view, and the session (for optimizer requests). Dispose says bye and
/// stops the peer.
/// </summary>
public sealed class ProcessImplementation : IDisposable
{
    private ProcessImplementation(ProtocolClient client, HelloReply hello)
    {
        Client = client;
        Hello = hello;
        Orthogonalizer = new ProcessOrthogonalizer(client, hello.Name);
    }

    /// <summary>The session.</summary>
    public ProtocolClient Client { get; }

    /// <summary>The hello reply.</summary>
    public HelloReply Hello { get; }

    /// <summary>The implementation's name (from hello).</summary>
    public string Name => Hello.Name;

    /// <summary>The declared conventions.</summary>
    public Declarations Declares => Hello.Declares;

    /// <summary>The orthogonalizer over the protocol.</summary>
    public ProcessOrthogonalizer Orthogonalizer { get; }

    /// <summary>Starts <paramref name="command"/> and performs the hello; throws <see cref="ProtocolException"/> (fatal) on failure, with the peer stopped.</summary>
    public static ProcessImplementation Start(string command, ProtocolOptions? options = null, string? workingDirectory = null)
        => Connect(ProcessTransport.Start(command, options, workingDirectory), options);

    /// <summary>Performs the hello over <paramref name="transport"/> (owned).</summary>
    public static ProcessImplementation Connect(IPeerTransport transport, ProtocolOptions? options = null)
    {
        var client = new ProtocolClient(transport, options);
        try
        {
            return new ProcessImplementation(client, client.Hello());
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Serves <paramref name="server"/> on a background thread over in-process pipes and connects to it: the
    /// same code path as a process peer (bytes, lines, timeouts), without a process.
    /// </summary>
    public static ProcessImplementation InProcess(ProtocolServer server, ProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Connect(InProcessPeer.Start(server.Serve, "in-process " + server.Name, options), options);
    }

    /// <summary>Says bye and stops the peer.</summary>
    public void Dispose() => Client.Dispose();
}
