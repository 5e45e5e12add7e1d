using System.Reflection;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Cli;

/// <summary>
/// <c>muon-verify check --assembly PATH --type NAME [--declare …]</c>: loads a .NET orthogonalizer (a public type
/// implementing <see cref="IOrthogonalizer"/> with a constructor whose parameters are all optional) and runs the
/// orthogonalizer level of the conformance suite on it — or a .NET optimizer (an <see cref="Muon.Reference.Optimizers.IOptimizer"/>
/// type, see <see cref="AssemblyOptimizer"/>) and runs every level — through the same in-process protocol path as any peer.
/// </summary>
internal static class AssemblyCheck
{
    public static int Run(string path, string typeName, string? declare, RunSettings settings, ProtocolOptions options, string? jsonPath)
    {
        ProtocolServer server;
        try
        {
            var type = LoadType(path, typeName);
            IOrthogonalizer? subject;
            AssemblyOptimizer? optimizer = null;
            if (AssemblyOptimizer.IsOptimizer(type))
            {
                optimizer = AssemblyOptimizer.From(type);
                subject = optimizer.Orthogonalizer;
            }
            else subject = Load(type);
            if (DeclareOption.Parse(declare, subject) is not { } declared)
            {
                Console.Error.WriteLine(DeclareOption.Error(declare));
                return 2;
            }
            server = optimizer is null
                ? new ProtocolServer(subject!.Name, subject, declared) { OffersOptimizer = false }
                : new ProtocolServer(optimizer.Probe.Name, subject ?? ExactPolar.Default, declared, optimizer.Served()) { OffersOrthogonalize = subject is not null };
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or InvalidOperationException or TargetInvocationException or MissingMethodException)
        {
            Console.Error.WriteLine($"--assembly/--type: {e.Message}");
            return 2;
        }
        return ExecCheck.Report($"{path} :: {typeName}", settings, jsonPath, () => ProcessImplementation.InProcess(server, options));
    }

    private static Type LoadType(string path, string typeName)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(path));
        return assembly.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"no type '{typeName}' in {path} (types implementing IOrthogonalizer or IOptimizer: {string.Join(", ", assembly.GetExportedTypes().Where(t => (typeof(IOrthogonalizer).IsAssignableFrom(t) || AssemblyOptimizer.IsOptimizer(t)) && !t.IsAbstract).Select(t => t.FullName))}).");
    }

    private static IOrthogonalizer Load(Type type)
    {
        string typeName = type.FullName ?? type.Name;
        if (!typeof(IOrthogonalizer).IsAssignableFrom(type))
            throw new InvalidOperationException($"'{typeName}' implements neither {typeof(IOrthogonalizer).FullName} nor {typeof(Muon.Reference.Optimizers.IOptimizer).FullName}.");
        var ctor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.IsOptional))
            ?? throw new InvalidOperationException($"'{typeName}' has no public constructor whose parameters are all optional.");
        return (IOrthogonalizer)ctor.Invoke(ctor.GetParameters().Select(p => p.DefaultValue).ToArray());
    }
}
