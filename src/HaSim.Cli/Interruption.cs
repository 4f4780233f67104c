using System.Runtime.InteropServices;

namespace HaSim.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM turned into a cancellation every verb honours: long work stops within
/// a few thousand simulation events, nothing half-written is left, and the process exits with
/// <see cref="ExitCodes.Cancelled"/> (130) or <see cref="ExitCodes.Terminated"/> (143) and a message.
/// A signal that arrives while results are being moved into place waits until they are complete.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    private Interruption()
    {
    }

    /// <summary>Cancelled when a signal arrives (or <see cref="Request"/> is called).</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The exit code the signal asks for (130 or 143), or 0 if none arrived.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>The signal's name for messages, e.g. "SIGTERM".</summary>
    public string SignalName => ExitCode == ExitCodes.Terminated ? "SIGTERM" : "SIGINT (Ctrl+C)";

    /// <summary>An interruption that listens to SIGINT and SIGTERM of this process.</summary>
    public static Interruption FromSignals()
    {
        var interruption = new Interruption();
        foreach (var (signal, code) in new[] { (PosixSignal.SIGINT, ExitCodes.Cancelled), (PosixSignal.SIGTERM, ExitCodes.Terminated) })
        {
            try
            {
                interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true; // stop cleanly instead of dying mid-write
                    interruption.Request(code);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // No such signal here (SIGTERM on some platforms): the default handling stays.
            }
        }

        return interruption;
    }

    /// <summary>An interruption only <see cref="Request"/> triggers (for tests and embedding).</summary>
    public static Interruption Manual() => new();

    /// <summary>Asks the running command to stop, as the signal with exit code <paramref name="exitCode"/> would.</summary>
    public void Request(int exitCode = ExitCodes.Cancelled)
    {
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        _source.Cancel();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _source.Dispose();
    }
}
