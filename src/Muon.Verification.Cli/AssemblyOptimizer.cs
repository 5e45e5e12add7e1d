using System.Reflection;
using Muon.Reference.Optimizers;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Cli;

/// <summary>
/// A .NET <see cref="IOptimizer"/> type loaded by <c>check --assembly PATH --type NAME</c>, served over the protocol.
/// Contract: a public type with a public constructor whose first parameter is <see cref="OptimizerOptions"/> and whose
/// other parameters are all optional (as <see cref="MuonOptimizer"/>). Each <c>optimizer.new</c> constructs it with
/// <c>StepSize = constant(lr)</c>, <c>Momentum = β</c>, <c>Convention = EMA</c> (declared <c>momentum: ema</c>),
/// <c>Nesterov</c> and <c>WeightDecay = λ</c>; shape scale and weight-decay form are left undeclared, so the oracle
/// measures them. When the constructed optimizer exposes a public <c>Orthogonalizer</c> property of type
/// <see cref="IOrthogonalizer"/>, that is served as the <c>orthogonalize</c> op (and judged at the orthogonalizer level).
/// </summary>
internal sealed class AssemblyOptimizer
{
    private readonly ConstructorInfo _ctor;

    private AssemblyOptimizer(Type type, ConstructorInfo ctor)
    {
        Type = type;
        _ctor = ctor;
        Probe = Create(new OptimizerHyper(0.01, 0, false, 0));
        Orthogonalizer = type.GetProperty("Orthogonalizer", BindingFlags.Public | BindingFlags.Instance) is { CanRead: true } property
            && typeof(IOrthogonalizer).IsAssignableFrom(property.PropertyType)
            ? property.GetValue(Probe) as IOrthogonalizer
            : null;
    }

    /// <summary>The loaded type.</summary>
    public Type Type { get; }

    /// <summary>One instance (lr 0.01, no momentum), for its name and orthogonalizer.</summary>
    public IOptimizer Probe { get; }

    /// <summary>The optimizer's own orthogonalizer, when it exposes one.</summary>
    public IOrthogonalizer? Orthogonalizer { get; }

    /// <summary>Whether <paramref name="type"/> is an optimizer type (to dispatch <c>--assembly</c>).</summary>
    public static bool IsOptimizer(Type type) => typeof(IOptimizer).IsAssignableFrom(type);

    /// <summary>Wraps <paramref name="type"/>; throws <see cref="InvalidOperationException"/> naming the unmet contract.</summary>
    public static AssemblyOptimizer From(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var ctor = type.GetConstructors().FirstOrDefault(c => c.GetParameters() is { Length: > 0 } ps
                && ps[0].ParameterType == typeof(OptimizerOptions) && ps.Skip(1).All(p => p.IsOptional))
            ?? throw new InvalidOperationException($"'{type.FullName}' has no public constructor (OptimizerOptions options, …optional parameters) — the oracle must set lr, momentum, Nesterov and weight decay per optimizer.new.");
        return new AssemblyOptimizer(type, ctor);
    }

    /// <summary>An instance for one <c>optimizer.new</c>.</summary>
    public IOptimizer Create(OptimizerHyper hyper)
    {
        ArgumentNullException.ThrowIfNull(hyper);
        var options = hyper.ToOptions();
        var rest = _ctor.GetParameters().Skip(1).Select(p => p.DefaultValue);
        try
        {
            return (IOptimizer)_ctor.Invoke([options, .. rest]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"{Type.FullName}({options}) threw {e.InnerException.GetType().Name}: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>The served optimizer: declared EMA momentum, scale and weight decay undeclared (measured).</summary>
    public ServedOptimizer Served() => new((h, _) => Create(h), "ema", null, null);
}
