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
    private Timeout[] _timeoutPool = new Timeout[64];
    private int _timeoutPoolCount;
    private CallbackEvent[] _callbackPool = new CallbackEvent[64];
    private int _callbackPoolCount;
    private long _insertions;
    private long _processedCount;
    private long _nextCheck = CheckInterval;
    private long _eventLimit = long.MaxValue;

    /// <summary>How many events pass between looks at <see cref="Cancellation"/> (and the event limit).</summary>
    private const long CheckInterval = 4096;

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
        var timeout = _timeoutPoolCount > 0 ? _timeoutPool[--_timeoutPoolCount] : Kernel.Timeout.CreatePooled(this);
        timeout.StartPooled(delaySeconds);
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
        var callback = _callbackPoolCount > 0 ? _callbackPool[--_callbackPoolCount] : new CallbackEvent(this);
        callback.Start(delaySeconds, target, token);
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
        while (_queue.TryDequeue(double.PositiveInfinity, out var ev, out double time))
        {
            ProcessEvent(ev, time);
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

        while (_queue.TryDequeue(untilSeconds, out var ev, out double time))
        {
            ProcessEvent(ev, time);
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
                throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, string.Create(CultureInfo.InvariantCulture, $"An event at Now ({Now}s) plus this delay would be at an infinite time."));
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

    internal void ReturnCallback(CallbackEvent callback)
    {
        if (_callbackPoolCount == _callbackPool.Length)
        {
            Array.Resize(ref _callbackPool, _callbackPool.Length * 2);
        }

        _callbackPool[_callbackPoolCount++] = callback;
    }

    internal void ReturnTimeout(Timeout timeout)
    {
        if (_timeoutPoolCount == _timeoutPool.Length)
        {
            Array.Resize(ref _timeoutPool, _timeoutPool.Length * 2);
        }

        _timeoutPool[_timeoutPoolCount++] = timeout;
    }
}
