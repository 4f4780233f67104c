namespace HaSim.Kernel;

/// <summary>
/// The pooled event behind <see cref="Simulation.ScheduleCallback"/>: it runs one callback at its
/// time and returns to its simulation's pool, so steady-state scheduling allocates nothing.
/// </summary>
internal sealed class CallbackEvent : Event
{
    private IScheduledCallback? _target;
    private long _token;

    internal CallbackEvent(Simulation simulation)
        : base(simulation)
    {
        HasOwnProcessing = true;
    }

    /// <summary>The event-queue slot it owns.</summary>
    internal int Slot { get; set; } = -1;

    /// <summary>Readies it for its simulation to schedule.</summary>
    internal void Start(IScheduledCallback target, long token)
    {
        _target = target;
        _token = token;
        State = EventState.Triggered;
        IsOk = true;
    }

    internal override void Process()
    {
        var target = _target!;
        long token = _token;
        _target = null;
        ResetForReuse();
        Simulation.ReturnCallback(Slot);
        target.OnCallback(token);
    }
}
