using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Muon.Verification.Conformance.Protocol;

/// <summary>
/// Starts a command as the protocol peer (through <c>/bin/sh -c</c>, or <c>cmd.exe /c</c> on Windows, so the
/// command line may contain arguments and quoting) and speaks over its stdin/stdout. Its stderr is captured
/// (the last <see cref="StderrLines"/> lines) for reports. <see cref="Stop"/> closes stdin, waits a grace
/// period, then kills the whole process tree.
/// </summary>
public sealed class ProcessTransport : StreamTransport
{
    /// <summary>Lines of stderr kept for reports.</summary>
    public const int StderrLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly Lock _stderrLock = new();
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    private ProcessTransport(Process process, string command, int maxLineChars)
        : base(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, command, maxLineChars)
    {
        _process = process;
        // A dedicated thread, not the thread pool's async reads: a test host that blocks many pool threads must not
        // delay the last stderr lines past the moment a report needs them.
        var reader = new Thread(() =>
        {
            try
            {
                while (_process.StandardError.ReadLine() is { } line)
                {
                    lock (_stderrLock)
                    {
                        _stderr.Enqueue(line.Length > 500 ? line[..500] + "…" : line);
                        while (_stderr.Count > StderrLines) _stderr.Dequeue();
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
            finally
            {
                _stderrClosed.TrySetResult();
            }
        })
        { IsBackground = true, Name = "peer stderr" };
        reader.Start();
    }

    /// <summary>Starts <paramref name="command"/>; throws <see cref="ProtocolException"/> (<see cref="ProtocolFailureKind.StartFailed"/>) when it cannot.</summary>
    public static ProcessTransport Start(string command, ProtocolOptions? options = null, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        options ??= ProtocolOptions.Default;
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.StandardOutputEncoding = new UTF8Encoding(false);
        info.StandardErrorEncoding = new UTF8Encoding(false);
        info.StandardInputEncoding = new UTF8Encoding(false);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception e)
        {
            throw new ProtocolException(ProtocolFailureKind.StartFailed, $"starting '{command}'", e.Message);
        }
        if (process is null) throw new ProtocolException(ProtocolFailureKind.StartFailed, $"starting '{command}'", "the process did not start.");
        return new ProcessTransport(process, command, options.MaxLineChars);
    }

    /// <summary>The peer's process id.</summary>
    public int ProcessId => _process.Id;

    /// <inheritdoc />
    public override string StderrTail
    {
        get
        {
            lock (_stderrLock) return string.Join("\n", _stderr);
        }
    }

    /// <inheritdoc />
    public override string ExitStatus()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(2))) return "the process is still running";
        _stderrClosed.Task.Wait(TimeSpan.FromSeconds(5)); // let the last stderr lines arrive for the report (immediate unless a grandchild holds stderr)
        int code = _process.ExitCode;
        return code > 128 && !OperatingSystem.IsWindows() ? $"the process exited with code {code} (signal {code - 128}?)" : $"the process exited with code {code}";
    }

    /// <inheritdoc />
    public override void Stop(TimeSpan grace)
    {
        if (_stopped) return;
        _stopped = true;
        try { _process.StandardInput.Close(); } catch (IOException) { } catch (InvalidOperationException) { }
        try
        {
            if (!_process.WaitForExit(grace)) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
        base.Stop(grace);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _process.Dispose();
    }
}
