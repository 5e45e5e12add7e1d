using System.Reflection;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;

namespace Muon.Verification.Cli;

/// <summary>
/// <c>muon-verify check --assembly PATH --type NAME [--declare …]</c>: loads a .NET orthogonalizer (a public type
/// implementing <see cref="IOrthogonalizer"/> with a constructor whose parameters are all optional) and runs the
/// orthogonalizer level of the conformance suite on it, through the same in-process protocol path as any peer.
/// </summary>
internal static class AssemblyCheck
{
    public static int Run(string path, string typeName, string? declare, RunSettings settings, ProtocolOptions options, string? jsonPath)
    {
        IOrthogonalizer subject;
        try
        {
            subject = Load(path, typeName);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or InvalidOperationException or TargetInvocationException or MissingMethodException)
        {
            Console.Error.WriteLine($"--assembly/--type: {e.Message}");
            return 2;
        }
        OrthogonalizerDeclaration declared;
        if (declare is null or "unknown") declared = declare is null && subject is ExactPolar or NewtonSchulz ? OrthogonalizerDeclaration.Of((ISpectralOrthogonalizer)subject) : OrthogonalizerDeclaration.Unknown;
        else if (ServeCommand.Find(declare) is ISpectralOrthogonalizer d && BuiltIns.Orthogonalizers.Contains(d)) declared = OrthogonalizerDeclaration.Of(d);
        else
        {
            Console.Error.WriteLine($"--declare '{declare}' is not 'unknown' nor a built-in name or alias.");
            return 2;
        }
        var server = new ProtocolServer(subject.Name, subject, declared) { OffersOptimizer = false };
        return ExecCheck.Report($"{path} :: {typeName}", settings, jsonPath, () => ProcessImplementation.InProcess(server, options));
    }

    private static IOrthogonalizer Load(string path, string typeName)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(path));
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"no type '{typeName}' in {path} (types implementing IOrthogonalizer: {string.Join(", ", assembly.GetExportedTypes().Where(t => typeof(IOrthogonalizer).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName))}).");
        if (!typeof(IOrthogonalizer).IsAssignableFrom(type))
            throw new InvalidOperationException($"'{typeName}' does not implement {typeof(IOrthogonalizer).FullName}.");
        var ctor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.IsOptional))
            ?? throw new InvalidOperationException($"'{typeName}' has no public constructor whose parameters are all optional.");
        return (IOrthogonalizer)ctor.Invoke(ctor.GetParameters().Select(p => p.DefaultValue).ToArray());
    }
}
