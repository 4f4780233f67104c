namespace HaSim.Kernel;

/// <summary>Whether a <see cref="Condition"/> waits for any or for all of its events.</summary>
public enum ConditionKind
{
    /// <summary>Succeeds when the first of its events succeeds.</summary>
    AnyOf,

    /// <summary>Succeeds when every one of its events has succeeded.</summary>
    AllOf,
}

/// <summary>
/// An event over other events: any-of or all-of. It fails as soon as one of its events fails.
/// Its <see cref="Event.Value"/> on success is the list of its events that had succeeded, in
/// the order they were given.
/// </summary>
public sealed class Condition : Event
{
    private readonly Event[] _events;
    private int _succeeded;

    internal Condition(Simulation simulation, Event[] events, ConditionKind kind)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        Kind = kind;
        _events = (Event[])events.Clone();
        Action<Event> check = Check;
        foreach (var ev in _events)
        {
            ArgumentNullException.ThrowIfNull(ev, nameof(events));
            if (!ReferenceEquals(ev.Simulation, simulation))
            {
                throw new ArgumentException("All events of a condition must belong to the same simulation.", nameof(events));
            }
        }

        foreach (var ev in _events)
        {
            // The condition keeps its events (and reports them in its value): pooled ones must not be reused.
            ev.Pinned = true;
            if (ev.IsProcessed)
            {
                Check(ev);
            }
            else
            {
                ev.AddCallback(check);
            }
        }

        if (_events.Length == 0 && !IsTriggered)
        {
            Succeed(Array.Empty<Event>());
        }
    }

    /// <summary>Any-of or all-of.</summary>
    public ConditionKind Kind { get; }

    /// <summary>The events this condition watches.</summary>
    public IReadOnlyList<Event> Events => _events;

    private void Check(Event ev)
    {
        if (IsTriggered)
        {
            return;
        }

        if (!ev.IsOk)
        {
            Fail(ev.Value ?? "failed");
            return;
        }

        _succeeded++;
        if (Kind == ConditionKind.AnyOf || _succeeded == _events.Length)
        {
            Succeed(_events.Where(e => e.IsProcessed && e.IsOk).ToArray());
        }
    }
}
