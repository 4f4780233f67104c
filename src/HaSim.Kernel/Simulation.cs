using System.Globalization;
using System.Runtime.CompilerServices;
using HaSim.Kernel.Collections;
using HaSim.Kernel.Random;

namespace HaSim.Kernel;

/// <summary>
/// A discrete-event simulation: the clock, the event queue and the random streams.
/// The vocabulary follows SimPy and SimSharp (processes, timeouts, resources, interrupts).
/// </summary>
/// <remarks>
/// <para>Time is a <see cref="double"/> number of seconds since the start of the run.
/// Events scheduled for the same time run in a fixed order: by time, then by priority
/// (<see cref="EventPriority"/>, lower first), then in the order they were scheduled.</para>
/// <para>A simulation is single-threaded. Run independent replications in separate
/// <see cref="Simulation"/> instances, each with its own seed.</para>
/// </remarks>
public sealed class Simulation
{
    private const int OrderShift = 56;
    private readonly EventQueue _queue = new();

    // Free pooled timeouts and callbacks, as the permanent queue slots they own: taking one from
    // the pool or putting it back stores no object reference.
    private int[] _timeoutPool = new int[64];
    private int _timeoutPoolCount;
    private int[] _callbackPool = new int[64];
    private int _callbackPoolCount;
    private long _insertions;
    private long _processedCount;
    private long _nextCheck = CheckInterval;
    private long _eventLimit = long.MaxValue;

    /// <summary>How many events pass between looks at <see cref="Cancellation"/> (and the event limit).</summary>
    private const long CheckInterval = 4096;

    // True while Run() or Run(double) drives the loop: only then may a process take the event it
    // yields at once when that event is the next due anyway (see Process.Resume).
    private bool _inlineAllowed;

    /// <summary>Creates a simulation whose random streams all derive from <paramref name="seed"/>.</summary>
    public Simulation(ulong seed = 0)
    {
        Streams = new RandomStreams(seed);
    }

    /// <summary>The current simulated time in seconds.</summary>
    public double Now { get; private set; }

    /// <summary>The named random streams of this run.</summary>
    public RandomStreams Streams { get; }

    /// <summary>The process whose iterator is running, or null between events.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>How many events have been processed so far.</summary>
    public long ProcessedEventCount => _processedCount;

    /// <summary>How many events are scheduled and not yet processed.</summary>
    public int ScheduledEventCount => _queue.Count;

    /// <summary>The time of the next scheduled event, or positive infinity if none.</summary>
    public double PeekTime => _queue.PeekTime;

    /// <summary>
    /// The most events this simulation may process; one more throws <see cref="EventLimitExceededException"/>.
    /// A bound on work that no input can lift: a model that keeps scheduling events without time
    /// passing stops here instead of running for ever.
    /// </summary>
    public long EventLimit
    {
        get => _eventLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _eventLimit = value;
            _nextCheck = Math.Min(_processedCount + CheckInterval, value);
        }
    }

    /// <summary>Looked at every few thousand events: once cancelled, the run throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>
    /// Optional observer called as each event leaves the queue, just before its callbacks run,
    /// with the time and the event. Use it for traces and invariant checks; leave it null on fast runs.
    /// </summary>
    public Action<double, Event>? EventDequeued { get; set; }

    /// <summary>Starts a process now. Its iterator first runs before ordinary events at the current time.</summary>
    public Process Process(IEnumerable<Event> steps, string? name = null)
    {
        var process = new Process(this, steps, name);
        process.Start();
        return process;
    }

    /// <summary>Returns a pooled timeout that succeeds after <paramref name="delaySeconds"/> (see <see cref="Kernel.Timeout"/> for reuse rules).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or not a number.</exception>
    public Timeout Timeout(double delaySeconds)
    {
        Kernel.Timeout.CheckDelay(delaySeconds);
        Timeout timeout;
        if (_timeoutPoolCount > 0)
        {
            timeout = Unsafe.As<Timeout>(_queue.EventAt(_timeoutPool[--_timeoutPoolCount]));
        }
        else
        {
            timeout = Kernel.Timeout.CreatePooled(this);
            timeout.Slot = _queue.AddPermanent(timeout);
        }

        timeout.StartPooled(delaySeconds);
        EnqueuePooled(timeout, timeout.Slot, delaySeconds);
        return timeout;
    }

    /// <summary>
    /// Calls <paramref name="target"/>'s <see cref="IScheduledCallback.OnCallback"/> with <paramref name="token"/>
    /// after <paramref name="delaySeconds"/>, in the same order a timeout scheduled now for that delay would
    /// run (time, normal priority, insertion). The event behind it is pooled: nothing is allocated in steady state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or not a number.</exception>
    public void ScheduleCallback(double delaySeconds, IScheduledCallback target, long token)
    {
        ArgumentNullException.ThrowIfNull(target);
        Kernel.Timeout.CheckDelay(delaySeconds);
        CallbackEvent callback;
        if (_callbackPoolCount > 0)
        {
            callback = Unsafe.As<CallbackEvent>(_queue.EventAt(_callbackPool[--_callbackPoolCount]));
        }
        else
        {
            callback = new CallbackEvent(this);
            callback.Slot = _queue.AddPermanent(callback);
        }

        callback.Start(target, token);
        EnqueuePooled(callback, callback.Slot, delaySeconds);
    }

    /// <summary>Creates a pending event that some code will later succeed or fail.</summary>
    public Event Event() => new(this);

    /// <summary>An event that succeeds when any of <paramref name="events"/> succeeds (or fails when one fails first).</summary>
    public Condition AnyOf(params Event[] events) => new(this, events, ConditionKind.AnyOf);

    /// <summary>An event that succeeds when all of <paramref name="events"/> have succeeded (or fails when one fails).</summary>
    public Condition AllOf(params Event[] events) => new(this, events, ConditionKind.AllOf);

    /// <summary>Runs until no events remain.</summary>
    public void Run()
    {
        _inlineAllowed = true;
        try
        {
            while (_queue.TryDequeue(double.PositiveInfinity, out var ev, out double time))
            {
                ProcessEvent(ev, time);
            }
        }
        finally
        {
            _inlineAllowed = false;
        }
    }

    /// <summary>
    /// Runs every event scheduled strictly before <paramref name="untilSeconds"/>, then sets
    /// the clock to <paramref name="untilSeconds"/>. Events at exactly that time stay queued.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is before <see cref="Now"/>.</exception>
    public void Run(double untilSeconds)
    {
        if (!(untilSeconds >= Now))
        {
            throw new ArgumentOutOfRangeException(nameof(untilSeconds), untilSeconds, string.Create(CultureInfo.InvariantCulture, $"Cannot run until a time before now ({Now}s)."));
        }

        _inlineAllowed = true;
        try
        {
            while (_queue.TryDequeue(untilSeconds, out var ev, out double time))
            {
                ProcessEvent(ev, time);
            }
        }
        finally
        {
            _inlineAllowed = false;
        }

        Now = untilSeconds;
    }

    /// <summary>Runs until <paramref name="until"/> has been processed, or no events remain.</summary>
    /// <returns>True if the event was processed.</returns>
    public bool Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        while (!until.IsProcessed && _queue.TryDequeue(double.PositiveInfinity, out var ev, out double time))
        {
            ProcessEvent(ev, time);
        }

        return until.IsProcessed;
    }

    /// <summary>Processes the next event.</summary>
    /// <exception cref="InvalidOperationException">No event is scheduled.</exception>
    public void Step()
    {
        if (!_queue.TryDequeue(double.PositiveInfinity, out var ev, out double time))
        {
            throw new InvalidOperationException("No event is scheduled.");
        }

        ProcessEvent(ev, time);
    }

    /// <summary>Triggers <paramref name="ev"/> (already marked triggered) at Now + delay.</summary>
    internal void Schedule(Event ev, double delaySeconds, int priority)
    {
        ev.State = EventState.Triggered;
        Enqueue(ev, delaySeconds, priority);
    }

    /// <summary>Schedules an already triggered event now with normal priority.</summary>
    internal void EnqueueNow(Event ev) => _queue.EnqueueLane(Now, ((long)EventPriority.Normal << OrderShift) | _insertions++, ev);

    /// <summary>Schedules a pooled event that owns queue slot <paramref name="slot"/> after <paramref name="delaySeconds"/> with normal priority.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnqueuePooled(Event ev, int slot, double delaySeconds)
    {
        long order = ((long)EventPriority.Normal << OrderShift) | _insertions++;
        if (delaySeconds == 0)
        {
            _queue.EnqueueLane(Now, order, ev);
            return;
        }

        double time = Now + delaySeconds;
        if (double.IsInfinity(time))
        {
            ThrowInfiniteTime(delaySeconds);
        }

        _queue.EnqueuePermanent(time, order, slot);
    }

    /// <summary>
    /// True if <paramref name="ev"/>, just scheduled now with normal priority, is the next event the
    /// loop would take, and the loop allows it to be taken at once (no observer, not stepping).
    /// </summary>
    internal bool IsNextAndInlinable(Event ev) => _inlineAllowed && EventDequeued is null && _queue.IsNext(ev);

    /// <summary>Takes <paramref name="ev"/> (see <see cref="IsNextAndInlinable"/>) off the queue and counts it processed.</summary>
    internal void TakeInline(Event ev)
    {
        _queue.TakeLaneHead(ev);
        _processedCount++;
    }

    internal void Enqueue(Event ev, double delaySeconds, int priority)
    {
        long order = ((long)priority << OrderShift) | _insertions++;
        if (delaySeconds == 0 && priority == EventPriority.Normal)
        {
            // Every lane entry has time Now and normal priority, so insertion order is its order.
            _queue.EnqueueLane(Now, order, ev);
        }
        else
        {
            double time = Now + delaySeconds;
            if (double.IsInfinity(time))
            {
                ThrowInfiniteTime(delaySeconds);
            }

            _queue.Enqueue(time, order, ev);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ProcessEvent(Event ev, double time)
    {
        if (_processedCount >= _nextCheck)
        {
            CheckBudget();
        }

        Now = time;
        _processedCount++;
        EventDequeued?.Invoke(time, ev);
        ev.Process();
    }

    private void CheckBudget()
    {
        Cancellation.ThrowIfCancellationRequested();
        if (_processedCount >= _eventLimit)
        {
            throw new EventLimitExceededException(_eventLimit, Now);
        }

        _nextCheck = Math.Min(_processedCount + CheckInterval, _eventLimit);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ReturnCallback(int slot)
    {
        if (_callbackPoolCount == _callbackPool.Length)
        {
            Array.Resize(ref _callbackPool, _callbackPool.Length * 2);
        }

        _callbackPool[_callbackPoolCount++] = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ReturnTimeout(int slot)
    {
        if (_timeoutPoolCount == _timeoutPool.Length)
        {
            Array.Resize(ref _timeoutPool, _timeoutPool.Length * 2);
        }

        _timeoutPool[_timeoutPoolCount++] = slot;
    }

    private void ThrowInfiniteTime(double delaySeconds) =>
        throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, string.Create(CultureInfo.InvariantCulture, $"An event at Now ({Now}s) plus this delay would be at an infinite time."));
}
