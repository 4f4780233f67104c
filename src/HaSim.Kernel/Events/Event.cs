using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HaSim.Kernel;

/// <summary>
/// Something that happens at a point in simulated time. Processes wait for events by
/// yielding them; other code can attach callbacks.
/// </summary>
/// <remarks>
/// An event starts <see cref="EventState.Pending"/>. <see cref="Succeed"/> or <see cref="Fail"/>
/// trigger it and schedule it at the current time; when the simulation takes it from the
/// queue it becomes <see cref="EventState.Processed"/> and runs its callbacks, first the
/// process waiting on it (if any), then the other callbacks in the order they were added.
/// Triggering an event twice throws <see cref="InvalidOperationException"/>.
/// </remarks>
public class Event
{
    // The one process waiting on this event, kept apart from the callback list so that the
    // common case (exactly one waiter) needs no list and no delegate.
    internal Process? Waiter;

    // Set when a condition holds this event: a pooled event must then never be reused, or the
    // condition would see another user's event in its place.
    internal bool Pinned;

    // Set by the subclasses whose Process does more than run the callbacks (timeouts, scheduled
    // callbacks, process starts, interrupts): a process may not take such an event at once.
    internal bool HasOwnProcessing;
    private List<Action<Event>>? _callbacks;

    /// <summary>Creates a pending event owned by <paramref name="simulation"/>.</summary>
    public Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
    }

    /// <summary>The simulation this event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>Where the event is in its lifecycle.</summary>
    public EventState State { get; internal set; }

    /// <summary>True once the event has succeeded or failed.</summary>
    public bool IsTriggered => State != EventState.Pending;

    /// <summary>True once the event's callbacks have run.</summary>
    public bool IsProcessed => State == EventState.Processed;

    /// <summary>True if the event succeeded; false while pending or if it failed.</summary>
    public bool IsOk { get; private protected set; }

    /// <summary>The value the event succeeded with, or the cause it failed with.</summary>
    public object? Value { get; private protected set; }

    /// <summary>
    /// The process this event will resume when it is processed, if any: the first process that
    /// yielded it, or for the kernel's own start and interrupt events the process they start or
    /// interrupt. Null once the event has been processed. Meant for traces and checks made from
    /// <see cref="Simulation.EventDequeued"/>, which runs before the event's callbacks.
    /// </summary>
    public Process? WaitingProcess => Waiter ?? ResumedProcess;

    /// <summary>The process a kernel-internal event resumes without being yielded by it.</summary>
    private protected virtual Process? ResumedProcess => null;

    /// <summary>Succeeds the event with an optional value and schedules it now.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Succeed(object? value = null, int priority = EventPriority.Normal)
    {
        EnsurePending();
        CheckPriority(priority);
        IsOk = true;
        Value = value;
        Simulation.Schedule(this, 0.0, priority);
        return this;
    }

    /// <summary>Fails the event with a cause and schedules it now. Waiting processes are resumed and see <see cref="IsOk"/> false.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Fail(object cause, int priority = EventPriority.Normal)
    {
        ArgumentNullException.ThrowIfNull(cause);
        EnsurePending();
        CheckPriority(priority);
        IsOk = false;
        Value = cause;
        Simulation.Schedule(this, 0.0, priority);
        return this;
    }

    /// <summary>
    /// Adds a callback to run when the event is processed. If it has already been processed,
    /// the callback is not run: check <see cref="IsProcessed"/> first.
    /// </summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        (_callbacks ??= new List<Action<Event>>(2)).Add(callback);
    }

    /// <summary>Removes a callback added with <see cref="AddCallback"/>; returns false if it was not attached.</summary>
    public bool RemoveCallback(Action<Event> callback) => _callbacks?.Remove(callback) ?? false;

    /// <summary>Succeeds a pending event at the current time with normal priority: <see cref="Succeed"/> without the checks.</summary>
    private protected void SucceedNow(object? value)
    {
        Debug.Assert(State == EventState.Pending, "Only a pending event can be triggered.");
        State = EventState.Triggered;
        IsOk = true;
        Value = value;
        Simulation.EnqueueNow(this);
    }

    /// <summary>Sets the event triggered (not yet scheduled). Used by subclasses that schedule themselves.</summary>
    private protected void MarkTriggered(bool ok, object? value)
    {
        EnsurePending();
        IsOk = ok;
        Value = value;
        State = EventState.Triggered;
    }

    /// <summary>Runs the event's callbacks. Called by the simulation when the event leaves the queue.</summary>
    internal virtual void Process() => RunCallbacks();

    /// <summary>Marks the event processed and runs its waiter and callbacks; inlined into subclasses' <see cref="Process"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void RunCallbacks()
    {
        State = EventState.Processed;
        var waiter = Waiter;
        if (waiter is not null)
        {
            Waiter = null;

            // With no callbacks to run after it, the waiter's resumption ends this event's processing.
            waiter.Resume(this, lastToRun: _callbacks is not { Count: > 0 });
        }

        var callbacks = _callbacks;
        if (callbacks is not null)
        {
            // Callbacks may add further callbacks to other events, never to this processed one.
            for (int i = 0; i < callbacks.Count; i++)
            {
                callbacks[i](this);
            }
        }
    }

    /// <summary>
    /// True if a process that yields this event (already triggered now) may take it at once: it is
    /// a plain event (its processing only resumes its waiter) with no callbacks and no condition on it.
    /// </summary>
    internal bool IsPlainWithoutCallbacks => !HasOwnProcessing && !Pinned && _callbacks is not { Count: > 0 };

    /// <summary>Marks an event that a process took at once (see <see cref="Simulation.TakeInline"/>) processed.</summary>
    internal void MarkProcessedInline() => State = EventState.Processed;

    /// <summary>Returns a pooled event to its fresh pending state.</summary>
    private protected void ResetForReuse()
    {
        State = EventState.Pending;
        IsOk = false;
        Value = null;
        Waiter = null;
        _callbacks = null;
    }

    /// <summary>True if a pooled event may be reused: nothing but its one waiting process refers to it.</summary>
    private protected bool CanReuse => !Pinned && _callbacks is not { Count: > 0 };

    private static void CheckPriority(int priority)
    {
        if ((uint)priority > EventPriority.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Event priority must be between 0 and {EventPriority.Max}.");
        }
    }

    private void EnsurePending()
    {
        if (State != EventState.Pending)
        {
            throw new InvalidOperationException($"{GetType().Name} has already been triggered; an event can be triggered only once.");
        }
    }
}
