using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Muon.Benchmarks;

// dotnet run --project benchmarks/Muon.Benchmarks -c Release [-- --compare] [--filter TEXT]
// Prints median wall time per workload; with --compare, runs the same workloads in NumPy (python3) in the same
// run and prints the C#/NumPy ratio. Pin nothing else to the machine while it runs: two cores are easily disturbed.
bool compare = args.Contains("--compare");
if (args.Contains("--growth"))
{
    // How cost grows with n (square n×n): exact polar (fast path and SVD), 5-step quintic, one MF Muon step (n = d).
    Console.WriteLine($"{"n",5} {"polar (auto)",14} {"polar (svd)",14} {"ns5-quintic",14} {"mf-muon-step",14}");
    foreach (int n in new[] { 8, 16, 32, 64, 128, 256 })
    {
        var cells = Workload.Growth(n).Select(w => MedianTimer.Measure(w).MedianMs).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n,5} {cells[0],11:F3} ms {cells[1],11:F3} ms {cells[2],11:F3} ms {cells[3],11:F3} ms"));
    }
    return;
}
int f = Array.IndexOf(args, "--filter");
string? filter = f >= 0 && f + 1 < args.Length ? args[f + 1] : null;
var workloads = Workload.All().Where(w => filter is null || w.Name.Contains(filter, StringComparison.Ordinal)).ToArray();

Dictionary<string, double>? numpy = null;
if (compare)
{
    var script = Path.Combine(AppContext.BaseDirectory, "numpy_bench.py");
    var python = PythonWithNumpy();
    Console.Error.WriteLine($"NumPy side: {python} {script}");
    var psi = new ProcessStartInfo(python, $"\"{script}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
    try
    {
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) { p.Kill(true); throw new TimeoutException("numpy_bench.py did not finish within 10 minutes"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"numpy_bench.py exited with {p.ExitCode}: {(await stderr).Trim()} (is python3-numpy installed? apt-get install -y python3-numpy)");
        numpy = JsonSerializer.Deserialize<Dictionary<string, double>>(await stdout);
    }
    catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException or JsonException)
    {
        Console.Error.WriteLine($"NumPy comparison skipped: {e.Message}");
    }
}

Console.WriteLine(compare && numpy is not null
    ? $"{"workload",-28} {"C# median",12} {"IQR",16} {"NumPy median",13} {"C#/NumPy",9}"
    : $"{"workload",-28} {"C# median",12} {"IQR",16}");
foreach (var w in workloads)
{
    var (median, q1, q3, _) = MedianTimer.Measure(w.Run);
    string line = string.Create(CultureInfo.InvariantCulture, $"{w.Name,-28} {median,9:F3} ms [{q1,6:F3}, {q3,6:F3}]");
    if (numpy is not null && numpy.TryGetValue(w.Name, out var np))
        line += string.Create(CultureInfo.InvariantCulture, $" {np,10:F3} ms {median / np,8:F2}×");
    Console.WriteLine(line);
}

// The first of $MUON_BENCH_PYTHON, python3, /usr/bin/python3 that can import numpy (Debian's python3-numpy installs
// for /usr/bin/python3, which a pyenv shim may hide).
static string PythonWithNumpy()
{
    var candidates = new[] { Environment.GetEnvironmentVariable("MUON_BENCH_PYTHON"), "python3", "/usr/bin/python3" };
    foreach (var c in candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!))
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(c, "-c \"import numpy\"") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            if (p.WaitForExit(TimeSpan.FromSeconds(30)) && p.ExitCode == 0) return c;
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
    return "python3";
}
