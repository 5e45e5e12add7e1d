namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// Finds the built <c>muon-verify.dll</c> (the properties project references the CLI project without its
/// assembly, so it is built first): walks up from the test assembly to the directory holding the solution,
/// then takes the CLI's output for the same configuration as the tests (Release or Debug).
/// </summary>
internal static class CliLocator
{
    public static string Dll { get; } = Locate();

    /// <summary>The directory holding Muon.Verification.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A shell command that runs the CLI with <paramref name="arguments"/>.</summary>
    public static string Command(string arguments) => $"dotnet \"{Dll}\" {arguments}";

    private static string Locate()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        string framework = testDir.Name;                       // net10.0
        string configuration = testDir.Parent?.Name ?? "Release"; // Release | Debug
        var dir = new DirectoryInfo(FindRoot());
        var candidates = new[] { configuration, "Release", "Debug" }.Distinct()
            .Select(c => Path.Combine(dir.FullName, "src", "Muon.Verification.Cli", "bin", c, framework, "muon-verify.dll"))
            .Where(File.Exists)
            .ToArray();
        return candidates.Length > 0
            ? candidates[0]
            : throw new InvalidOperationException($"muon-verify.dll not built under {dir.FullName}/src/Muon.Verification.Cli/bin/{configuration}/{framework}; build the solution first.");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Muon.Verification.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"no Muon.Verification.sln above {AppContext.BaseDirectory}.");
    }
}
