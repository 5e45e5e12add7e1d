using System.Text;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.NegativeControls;

namespace Muon.Verification.Cli;

/// <summary>
/// <c>muon-verify serve</c>: serves a built-in orthogonalizer (and the reference optimizer around it) over
/// protocol v1 on stdin/stdout. Deliberately broken orthogonalizers can be served too, with any declaration,
/// to see the oracle catch them.
/// </summary>
internal static class ServeCommand
{
    public const string Usage = """
          serve [--orthogonalizer NAME] [--declare exact|unknown|NAME]
                                serve NAME over protocol v1 on stdin/stdout (default exact-polar), declaring what it
                                is or what --declare says (see --declare). NAME: a built-in name or alias (exact,
                                cubic5, cubic30, keller, you5, polar-express) or a negative control (broken:…); see --list
          serve --list          list the names
        """;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["exact"] = "exact-polar",
        ["cubic5"] = "newton-schulz:cubic×5",
        ["cubic30"] = "newton-schulz:cubic×30",
        ["keller"] = "newton-schulz:keller-quintic×5",
        ["you5"] = "newton-schulz:you-5×5",
        ["polar-express"] = "newton-schulz:polar-express×8",
    };

    public static int Run(string[] args)
    {
        string name = "exact-polar";
        string? declare = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--orthogonalizer" when i + 1 < args.Length: name = args[++i]; break;
                case "--declare" when i + 1 < args.Length: declare = args[++i]; break;
                case "--list":
                    foreach (var n in BuiltIns.Orthogonalizers.Select(o => o.Name).Concat(NegativeControls.Select(b => b.Name))) Console.WriteLine(n);
                    foreach (var (alias, target) in Aliases) Console.WriteLine($"{alias} = {target}");
                    return 0;
                default:
                    Console.Error.WriteLine($"serve: unknown or incomplete option '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    Console.Error.WriteLine(DeclareOption.Usage);
                    return 2;
            }
        }
        var subject = Find(name);
        if (subject is null)
        {
            Console.Error.WriteLine($"serve: no orthogonalizer named '{name}' (try serve --list).");
            return 2;
        }
        if (DeclareOption.Parse(declare, subject) is not { } declared)
        {
            Console.Error.WriteLine("serve: " + DeclareOption.Error(declare));
            return 2;
        }
        var server = new ProtocolServer(subject.Name, subject, declared);
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
        server.Serve(input, output);
        return 0;
    }

    /// <summary>The deliberately broken orthogonalizers <c>serve</c> offers (<c>broken:…</c> and the like).</summary>
    public static IReadOnlyList<IOrthogonalizer> NegativeControls { get; } = BrokenOrthogonalizers.All;

    /// <summary>A built-in or broken orthogonalizer by name or alias.</summary>
    public static IOrthogonalizer? Find(string name)
    {
        var full = Aliases.TryGetValue(name, out var target) ? target : name;
        return BuiltIns.Orthogonalizers.FirstOrDefault(o => o.Name == full)
            ?? NegativeControls.FirstOrDefault(o => o.Name == full);
    }
}
