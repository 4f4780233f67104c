using System.Globalization;

namespace HaSim.Kernel;

/// <summary>
/// A simulated activity written as a C# iterator that yields the events it waits for.
/// The process is itself an event that succeeds when the iterator finishes, so other
/// processes can wait for it.
/// </summary>
/// <remarks>
/// <para>A process waits for one event at a time: <c>yield return sim.Timeout(5)</c>.
/// When that event is processed the iterator resumes after the <c>yield</c>. If the event
/// failed, <see cref="Event.IsOk"/> on it is false.</para>
/// <para><see cref="Interrupt(object?)"/> stops a process in the middle of a wait: it is
/// detached from the event it was waiting for and resumed at once. The process must then call
/// <see cref="TryTakeInterruption(out Interruption)"/> (or <see cref="TakeInterruption"/>)
/// before it yields again; an interruption left unhandled is a modelling bug and throws.</para>
/// </remarks>
public sealed class Process : Event
{
    private readonly IEnumerator<Event> _steps;
    private Action<Event>? _resumeCallback;
    private Event? _target;
    private Interruption? _pendingInterruption;

    internal Process(Simulation simulation, IEnumerable<Event> steps, string? name)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.GetEnumerator();
        Name = name ?? "process";
    }

    /// <summary>A name used in traces and error messages.</summary>
    public string Name { get; }

    /// <summary>True until the iterator has finished.</summary>
    public bool IsAlive => !IsTriggered;

    /// <summary>The event the process is waiting for, or null while it runs or after it ends.</summary>
    public Event? Target => _target;

    /// <summary>True if the process was interrupted and has not yet taken the interruption.</summary>
    public bool IsInterrupted => _pendingInterruption is not null;

    /// <summary>
    /// Interrupts the process: it stops waiting for its current event and resumes at the
    /// current time, before ordinary events at this time. Interrupting a finished process
    /// does nothing. Interrupts from several sources are delivered one at a time, in order.
    /// </summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            return;
        }

        var delivery = new InterruptDelivery(this, new Interruption(cause, Simulation.Now));
        delivery.ScheduleNow();
    }

    /// <summary>Takes the pending interruption, if any, so the process can react to it.</summary>
    public bool TryTakeInterruption(out Interruption interruption)
    {
        if (_pendingInterruption is null)
        {
            interruption = null!;
            return false;
        }

        interruption = _pendingInterruption;
        _pendingInterruption = null;
        return true;
    }

    /// <summary>Takes the pending interruption.</summary>
    /// <exception cref="InvalidOperationException">The process was not interrupted.</exception>
    public Interruption TakeInterruption() =>
        TryTakeInterruption(out var i) ? i : throw new InvalidOperationException($"Process '{Name}' has no pending interruption.");

    /// <inheritdoc/>
    public override string ToString() => $"Process({Name})";

    internal void Start() => new ProcessStart(this).ScheduleNow();

    /// <summary>Resumes the iterator until it yields an event still to come (or finishes).</summary>
    /// <param name="trigger">The event that resumes it.</param>
    /// <param name="lastToRun">
    /// True if nothing else runs as part of processing <paramref name="trigger"/> after this (the process
    /// is its waiter and it has no callbacks). Then, if the process yields an event triggered now that is
    /// the very next event the loop would take (a resource granted at once, say), the process takes it at
    /// once, as the loop would have done next, instead of leaving it in the queue.
    /// </param>
    internal void Resume(Event trigger, bool lastToRun = false)
    {
        var sim = Simulation;
        var previous = sim.ActiveProcess;
        sim.ActiveProcess = this;
        try
        {
            while (true)
            {
                if (!_steps.MoveNext())
                {
                    Finish();
                    return;
                }

                var next = _steps.Current;
                if (_pendingInterruption is not null || next is null || !ReferenceEquals(next.Simulation, sim))
                {
                    ThrowBadYield(next);
                }

                if (next.IsProcessed)
                {
                    // Already happened: continue straight away, as SimPy does.
                    continue;
                }

                if (next.Waiter is null)
                {
                    if (lastToRun && next.State == EventState.Triggered && next.IsPlainWithoutCallbacks && sim.IsNextAndInlinable(next))
                    {
                        // The loop would take this event next and resume only this process: do it now.
                        sim.TakeInline(next);
                        next.MarkProcessedInline();
                        continue;
                    }

                    next.Waiter = this;
                }
                else
                {
                    next.AddCallback(_resumeCallback ??= ResumeFromCallback);
                }

                _target = next;
                return;
            }
        }
        finally
        {
            // Between events there is no active process: storing a constant null needs no GC write barrier.
            if (previous is null)
            {
                sim.ActiveProcess = null;
            }
            else
            {
                sim.ActiveProcess = previous;
            }
        }
    }

    private void ResumeFromCallback(Event trigger) => Resume(trigger);

    private void Finish()
    {
        _target = null;
        _steps.Dispose();
        if (_pendingInterruption is not null)
        {
            ThrowInterruptionUnhandled();
        }

        Succeed();
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowBadYield(Event? next)
    {
        if (_pendingInterruption is not null)
        {
            ThrowInterruptionUnhandled();
        }

        if (next is null)
        {
            throw new InvalidOperationException($"Process '{Name}' yielded null; yield an event.");
        }

        throw new InvalidOperationException($"Process '{Name}' yielded an event of another simulation.");
    }

    internal void DeliverInterruption(Interruption interruption)
    {
        if (!IsAlive)
        {
            return;
        }

        var target = _target;
        if (target is not null)
        {
            if (ReferenceEquals(target.Waiter, this))
            {
                target.Waiter = null;
            }
            else
            {
                target.RemoveCallback(_resumeCallback!);
            }

            _target = null;
        }

        _pendingInterruption = interruption;
        Resume(this, lastToRun: true);
    }

    private void ThrowInterruptionUnhandled() =>
        throw new InvalidOperationException(
            string.Create(CultureInfo.InvariantCulture, $"Process '{Name}' was interrupted at t={_pendingInterruption!.TimeSeconds}s (cause: {_pendingInterruption.Cause}) and did not take the interruption; call TryTakeInterruption after each yield that can be interrupted."));

    private sealed class ProcessStart : Event
    {
        private readonly Process _process;

        public ProcessStart(Process process)
            : base(process.Simulation)
        {
            _process = process;
            HasOwnProcessing = true;
        }

        private protected override Process? ResumedProcess => _process;

        public void ScheduleNow() => Succeed(null, EventPriority.Urgent);

        internal override void Process()
        {
            base.Process();
            _process.Resume(this, lastToRun: true);
        }
    }

    private sealed class InterruptDelivery : Event
    {
        private readonly Process _process;
        private readonly Interruption _interruption;

        public InterruptDelivery(Process process, Interruption interruption)
            : base(process.Simulation)
        {
            _process = process;
            _interruption = interruption;
            HasOwnProcessing = true;
        }

        private protected override Process? ResumedProcess => _process.IsAlive ? _process : null;

        public void ScheduleNow() => Succeed(_interruption, EventPriority.Urgent);

        internal override void Process()
        {
            base.Process();
            _process.DeliverInterruption(_interruption);
        }
    }
}
