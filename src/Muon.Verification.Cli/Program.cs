using Muon.Reference.Orthogonalizers;
using Muon.Verification;
using Muon.Verification.Cli;
using Muon.Verification.Harness;
using Muon.Verification.NegativeControls;

// muon-verify: exit 0 = every check passed, 1 = a check failed, 2 = usage error.
const string Usage = """
    usage: muon-verify check [--quick | --thorough] [--negative-controls] [--replay SEED,GAMMA[,SIZE]]
           muon-verify reproduce [--out DIR]

      check                 run the orthogonalizer laws against every built-in reference orthogonalizer
      --quick               a quarter of the standard cases
      --thorough            ten times the standard cases, with fresh random seeds (printed on failure)
      --negative-controls   also run the laws against the deliberately broken orthogonalizers
                            (each row must show at least one FAIL; they do not affect the exit code)
      --replay S,G[,N]      replay a run printed by a failure (same as MUON_VERIFY_REPLAY)
      reproduce             recompute the papers' canonical experiments; write index.md, SVG figures and CSV data
                            to DIR (default: ./report)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] == "reproduce")
{
    return ReproduceCommand.Run(args[1..]);
}
if (args[0] != "check")
{
    Console.Error.WriteLine($"unknown command '{args[0]}'.");
    Console.Error.WriteLine(Usage);
    return 2;
}

RunSettings settings;
bool controls = false;
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

Console.WriteLine($"Orthogonalizer laws, built-in reference implementations ({settings.Depth} run):");
var rows = LawTable.Run(BuiltIns.Orthogonalizers.Select(o => ((IOrthogonalizer)o, o, (Muon.Verification.Generators.MatrixGenOptions?)null)), settings, Console.Error);
Console.WriteLine(LawTable.Render(rows));
var failures = rows.SelectMany(r => r.Reports).Where(r => !r.Passed).ToArray();
foreach (var f in failures) Console.WriteLine(Environment.NewLine + f.Describe());

if (controls)
{
    Console.WriteLine();
    Console.WriteLine("Negative controls (deliberately broken; each row must show a FAIL):");
    var controlRows = LawTable.Run(OrthogonalizerControls.All.Select(c => (c.Subject, c.Declared, c.Generator)), settings, Console.Error);
    Console.WriteLine(LawTable.Render(controlRows));
    var missed = controlRows.Where(r => r.Reports.All(x => x.Passed)).Select(r => r.Subject).ToArray();
    if (missed.Length > 0) Console.WriteLine("NOT CAUGHT: " + string.Join(", ", missed));
}

int total = rows.Sum(r => r.Reports.Count);
Console.WriteLine();
Console.WriteLine($"{total - failures.Length} passed, {failures.Length} failed");
return failures.Length == 0 ? 0 : 1;
