using System.Runtime.CompilerServices;

namespace HaSim.Kernel;

/// <summary>An event that succeeds after a delay in simulated seconds.</summary>
/// <remarks>
/// Timeouts made by <see cref="Simulation.Timeout(double)"/> are pooled: once such a timeout
/// has been processed and has resumed the one process that yielded it, it is reused. Hold a
/// reference to it only until then. A timeout that is combined into a condition
/// (<see cref="Simulation.AnyOf(Event[])"/>, <see cref="Simulation.AllOf(Event[])"/>), even after it
/// was processed, or that has callbacks is never reused, and one made with the public
/// constructor is never pooled.
/// </remarks>
public sealed class Timeout : Event
{
    private readonly bool _pooled;

    /// <summary>Creates a timeout, not pooled, that succeeds with <paramref name="value"/> after <paramref name="delaySeconds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative or not a number.</exception>
    public Timeout(Simulation simulation, double delaySeconds, object? value = null)
        : base(simulation)
    {
        HasOwnProcessing = true;
        Start(delaySeconds, value);
    }

    private Timeout(Simulation simulation)
        : base(simulation)
    {
        HasOwnProcessing = true;
        _pooled = true;
    }

    /// <summary>For a pooled timeout: the event-queue slot it owns.</summary>
    internal int Slot { get; set; } = -1;

    /// <summary>The delay this timeout was scheduled with, in seconds.</summary>
    public double DelaySeconds { get; private set; }

    internal static Timeout CreatePooled(Simulation simulation) => new(simulation);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CheckDelay(double delaySeconds)
    {
        if (!(delaySeconds >= 0) || double.IsPositiveInfinity(delaySeconds))
        {
            ThrowBadDelay(delaySeconds);
        }
    }

    internal void Start(double delaySeconds, object? value)
    {
        CheckDelay(delaySeconds);
        DelaySeconds = delaySeconds;
        MarkTriggered(true, value);
        Simulation.Enqueue(this, delaySeconds, EventPriority.Normal);
    }

    /// <summary>Readies a pooled timeout, fresh from the pool (pending, no value), for its simulation to schedule; the delay is already checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void StartPooled(double delaySeconds)
    {
        DelaySeconds = delaySeconds;
        State = EventState.Triggered;
        IsOk = true;
    }

    private static void ThrowBadDelay(double delaySeconds) =>
        throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, "A timeout's delay must be a finite number of seconds, zero or more.");

    internal override void Process()
    {
        RunCallbacks();
        if (_pooled && CanReuse)
        {
            ResetForReuse();
            Simulation.ReturnTimeout(Slot);
        }
    }
}
