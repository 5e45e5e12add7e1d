using Muon.Reference.Orthogonalizers;
using Muon.Verification;
using Muon.Verification.Cli;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Muon.Verification.NegativeControls;

// muon-verify: exit 0 = every check passed, 1 = a check failed, 2 = usage or protocol error.
const string Usage = """
    usage: muon-verify check [--quick | --thorough] [--negative-controls] [--replay TEXT]
           muon-verify check --exec "CMD" [--json FILE] [--timeout S] [--hello-timeout S] [--quick | --thorough] [--replay …]
           muon-verify check --assembly PATH --type NAME [--declare exact|unknown|NAME] [--json FILE] [--quick | --thorough]
           muon-verify serve [--orthogonalizer NAME] [--declare exact|unknown|NAME] | serve --list
           muon-verify reproduce [--out DIR]

      check                 run the orthogonalizer laws against every built-in reference orthogonalizer
      --quick               a quarter of the standard cases
      --thorough            ten times the standard cases, with fresh random seeds (printed on failure)
      --negative-controls   also run the laws against the deliberately broken orthogonalizers
                            (each row must show at least one FAIL; they do not affect the exit code)
      --replay TEXT         replay a run printed by a failure: [name@]seed,gamma[,size][;cases=N] (as MUON_VERIFY_REPLAY)
      --exec "CMD"          check the implementation CMD speaks protocol v1 for (JSON Lines on its stdin/stdout;
                            see docs/conformance.md) instead of the built-ins
      --json FILE           with --exec or --assembly: also write the machine-readable report to FILE
      --timeout SECONDS     with --exec: per-request timeout (default 10)
      --hello-timeout SECONDS
                            with --exec: timeout of the hello, which includes start-up (default 60)
      --assembly PATH --type NAME
                            check a .NET IOrthogonalizer (public type, constructor with only optional
                            parameters) from an assembly; --declare says what it claims to be. Or a .NET IOptimizer
                            (constructor (OptimizerOptions, …optional)): every level; its public Orthogonalizer
                            property, if any, is served as orthogonalize; scale and weight decay are measured
      reproduce             recompute the papers' canonical experiments; write index.md, SVG figures and CSV data
                            to DIR (default: ./report)
    """ + "\n" + DeclareOption.Usage + "\n" + ServeCommand.Usage;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] == "reproduce")
{
    return ReproduceCommand.Run(args[1..]);
}
if (args[0] == "serve") return ServeCommand.Run(args[1..]);
if (args[0] != "check")
{
    Console.Error.WriteLine($"unknown command '{args[0]}'.");
    Console.Error.WriteLine(Usage);
    return 2;
}

RunSettings settings;
bool controls = false;
string? exec = null, json = null, assembly = null, type = null, declare = null;
var protocol = ProtocolOptions.Default;
try
{
    settings = RunSettings.FromEnvironment();
    for (int i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--quick": settings = settings with { Depth = RunDepth.Quick }; break;
            case "--thorough": settings = settings with { Depth = RunDepth.Deep }; break;
            case "--negative-controls": controls = true; break;
            case "--replay" when i + 1 < args.Length: settings = settings with { Replay = Replay.Parse(args[++i], "--replay") }; break;
            case "--exec" when i + 1 < args.Length: exec = args[++i]; break;
            case "--json" when i + 1 < args.Length: json = args[++i]; break;
            case "--assembly" when i + 1 < args.Length: assembly = args[++i]; break;
            case "--type" when i + 1 < args.Length: type = args[++i]; break;
            case "--declare" when i + 1 < args.Length: declare = args[++i]; break;
            case "--timeout" when i + 1 < args.Length: protocol = protocol with { RequestTimeout = Seconds(args[++i], "--timeout") }; break;
            case "--hello-timeout" when i + 1 < args.Length: protocol = protocol with { HelloTimeout = Seconds(args[++i], "--hello-timeout") }; break;
            default: throw new FormatException($"unknown or incomplete option '{args[i]}'.");
        }
    }
}
catch (Exception e) when (e is FormatException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
if ((assembly is null) != (type is null) || (assembly is not null && exec is not null) || (declare is not null && assembly is null))
{
    Console.Error.WriteLine("--assembly and --type go together (with an optional --declare), and not with --exec.");
    return 2;
}
if (exec is null && assembly is null && json is not null)
{
    Console.Error.WriteLine("--json is only available with --exec or --assembly in this version.");
    return 2;
}
if (assembly is not null)
{
    if (controls)
    {
        Console.Error.WriteLine("--negative-controls does not combine with --assembly.");
        return 2;
    }
    return AssemblyCheck.Run(assembly, type!, declare, settings, protocol, json);
}
if (exec is not null)
{
    if (controls)
    {
        Console.Error.WriteLine("--negative-controls does not combine with --exec.");
        return 2;
    }
    return ExecCheck.Run(exec, settings, protocol, json);
}

Console.WriteLine($"Orthogonalizer laws, built-in reference implementations ({settings.Depth} run):");
var rows = LawTable.Run(BuiltIns.Orthogonalizers.Select(o => ((IOrthogonalizer)o, o, (Muon.Verification.Generators.MatrixGenOptions?)null)), settings, Console.Error);
Console.WriteLine(LawTable.Render(rows));
var failures = rows.SelectMany(r => r.Reports).Where(r => !r.Passed).ToArray();
foreach (var f in failures) Console.WriteLine(Environment.NewLine + f.Describe());

if (controls)
{
    Console.WriteLine();
    Console.WriteLine("Negative controls (deliberately broken; each row must show a FAIL):");
    var controlRows = LawTable.Run(ControlTable.Orthogonalizers.Select(c => (c.Subject, c.Declared, c.Generator)), settings, Console.Error);
    Console.WriteLine(LawTable.Render(controlRows));
    var missed = controlRows.Where(r => r.Reports.All(x => x.Passed)).Select(r => r.Subject).ToArray();
    if (missed.Length > 0) Console.WriteLine("NOT CAUGHT: " + string.Join(", ", missed));
}

int total = rows.Sum(r => r.Reports.Count);
Console.WriteLine();
Console.WriteLine($"{total - failures.Length} passed, {failures.Length} failed");
return failures.Length == 0 ? 0 : 1;

static TimeSpan Seconds(string text, string option)
    => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86400
        ? TimeSpan.FromSeconds(s)
        : throw new FormatException($"{option} '{text}' is not a number of seconds in (0, 86400].");
