using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Conformance;

/// <summary>
/// A greeted session as every conformance level sees it: the client, the hello, and what is probed once per session —
/// the optimizer conventions, measured on first need by <see cref="Conventions"/> and shared by every later level.
/// </summary>
public sealed class ConformanceSession
{
    private OptimizerConventions? _conventions;
    private OptimizerArithmetic? _arithmetic;
    private ProtocolException? _probeFailure;

    /// <summary>Wraps a greeted session.</summary>
    public ConformanceSession(ProtocolClient client, HelloReply hello)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Hello = hello ?? throw new ArgumentNullException(nameof(hello));
    }

    /// <summary>The session of a started implementation.</summary>
    public ConformanceSession(ProcessImplementation implementation)
        : this((implementation ?? throw new ArgumentNullException(nameof(implementation))).Client, implementation.Hello)
    {
    }

    /// <summary>The protocol client (requests, <see cref="ProtocolClient.Fatal"/>, request count).</summary>
    public ProtocolClient Client { get; }

    /// <summary>The hello reply: name, capabilities, declarations.</summary>
    public HelloReply Hello { get; }

    /// <summary>
    /// The orthogonalizer the optimizer-level reference and the scale probe use: the implementation's own (its
    /// <c>orthogonalize</c> op) when it offers one, else the declared one, else null.
    /// </summary>
    public IOrthogonalizer? ReferenceOrthogonalizer()
        => Hello.CanOrthogonalize ? new ProcessOrthogonalizer(Client, Hello.Name) : Hello.Declares.Orthogonalizer.ToReference();

    /// <summary>
    /// The optimizer conventions: declared where declared, otherwise measured by <see cref="ConventionsProbe"/> — on the
    /// first call only. When the session breaks during that probe, this call and every later one throw the probe's fatal
    /// <see cref="ProtocolException"/>, so each level that needs the conventions reports the same failure.
    /// </summary>
    public OptimizerConventions Conventions()
    {
        if (_probeFailure is not null) throw _probeFailure;
        if (_conventions is not null) return _conventions;
        try
        {
            return _conventions = ConventionsProbe.Measure(Client, ReferenceOrthogonalizer(), OptimizerConventions.FromDeclarations(Hello.Declares), Arithmetic());
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            _probeFailure = e;
            throw;
        }
    }

    /// <summary>
    /// The optimizer's arithmetic: the iteration's declared dtype and the parameters' (declared <c>param_dtype</c>, and
    /// measured by one probe step either way — <see cref="OptimizerArithmetic.Measure"/>), on the first call only; a fatal
    /// probe failure is thrown here and by every later call, as for <see cref="Conventions"/>.
    /// </summary>
    public OptimizerArithmetic Arithmetic()
    {
        if (_probeFailure is not null) throw _probeFailure;
        if (_arithmetic is not null) return _arithmetic;
        try
        {
            return _arithmetic = OptimizerArithmetic.Measure(Client, Hello);
        }
        catch (ProtocolException e) when (e.IsFatal)
        {
            _probeFailure = e;
            throw;
        }
    }
}
