using System.Globalization;
using HaSim.Analysis.RareEvents;
using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Follows one replication at a time as its incidents and degraded intervals stream in, and adds
/// the replication's figures to a <see cref="MonteCarloAccumulator"/> when it completes. One tally
/// per worker, reused for every replication that worker runs; it keeps nothing from one replication
/// to the next, and within a replication only the incidents still overlapping (constant memory).
/// </summary>
/// <remarks>
/// <para><b>Downtime</b> is the union of the incidents' client-downtime intervals
/// [start, client restored (or the end of the replication)], clipped to the replication. Incidents
/// must arrive in start order (as a simulated system reports them: it opens one incident at a time),
/// though one may start before the previous one's clients are back; overlapping time counts once and
/// is attributed to the earlier incident's failure mode.</para>
/// <para><b>Months</b> are consecutive spans of <see cref="MonteCarloSettings.MonthSeconds"/> from time 0;
/// each month's downtime is the union clipped to the month. A trailing partial month is not a month.</para>
/// <para><b>Stage time</b> within downtime is each stage clipped to its own incident's client-downtime interval.</para>
/// </remarks>
public sealed class ReplicationTally : IRunObserver
{
    private readonly MonteCarloAccumulator _target;
    private readonly MonteCarloSettings _settings;
    private readonly double _horizon;
    private readonly long _months;
    private readonly List<FailureModeAccumulator> _modes = [];
    private readonly List<StageAccumulator> _stages = [];
    private readonly List<DegradedAccumulator> _degraded = [];
    private readonly long[] _tiers;
    private readonly YearMarks _years;

    // The accumulators of the typed names seen so far, by reference: no string hashing per incident.
    private readonly Dictionary<object, StageAccumulator> _stageByName = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, DegradedAccumulator> _degradedByName = new(ReferenceEqualityComparer.Instance);

    // Failure modes are few (a handful per architecture): a linear scan of the first ones by reference
    // is cheaper than hashing; the dictionary serves any beyond (incidents made with names of their
    // own). Slot i of _modeKeys and _modeValues is the i-th mode seen.
    private const int ScannedModes = 16;
    private readonly Dictionary<object, int> _modeSlots = new(ReferenceEqualityComparer.Instance);
    private FailureMode[] _modeKeys = new FailureMode[8];
    private FailureModeAccumulator[] _modeValues = new FailureModeAccumulator[8];
    private int _modeCount;

    // Incidents of one failure mode mostly run the same stages in the same order, so the stage last
    // seen at position p of an incident of the mode in slot i (entry i * StageHints + p) is usually
    // the one there now: one reference comparison instead of a lookup. Only the first HintedModes
    // slots have hints, which bounds their memory; the arrays grow with the modes seen (a fleet has a
    // tally per database).
    private const int StageHints = 8;
    private const int HintedModes = 64;
    private StageId?[] _hintKeys = new StageId?[8 * StageHints];
    private StageAccumulator?[] _hintValues = new StageAccumulator?[8 * StageHints];

    // Per uptime band, months whose first band met is that one: the bands are in decreasing order
    // (MonteCarloAccumulator.UptimeBands), so a month meets that band and every later one, summed
    // into the band counts at the end.
    private readonly double[] _bandUptimes;
    private readonly long[] _firstBands;

    // Months with at least this uptime earn no credit: every tier with a credit needs less.
    private readonly double _noCreditFrom = double.NegativeInfinity;
    private readonly double _slaTarget;

    private bool _active;
    private bool _hasBlock;
    private double _blockStart;
    private double _blockEnd;
    private double _flushedEnd;
    private double _downtime;
    private long _incidents;
    private double _rpoBytes;
    private long _month;
    private double _monthDowntime;
    private long _missed;

    /// <summary>Creates a tally that adds completed replications to <paramref name="target"/>.</summary>
    public ReplicationTally(MonteCarloAccumulator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _settings = target.Settings;
        _horizon = _settings.HorizonSeconds;
        _months = _settings.MonthsPerReplication;
        _bandUptimes = [.. MonteCarloAccumulator.UptimeBands];
        _firstBands = new long[_bandUptimes.Length];
        _tiers = new long[_settings.CreditTiers.Count];
        foreach (var tier in _settings.CreditTiers)
        {
            if (tier.CreditFraction > 0 && tier.UptimeBelow > _noCreditFrom)
            {
                _noCreditFrom = tier.UptimeBelow;
            }
        }

        _slaTarget = _settings.SlaTarget;
        _years = new YearMarks(RareEvent.YearEvents, _settings.Years);
    }

    /// <summary>Called with every incident as it is recorded (after the tally has counted it); for comparisons. The incident is valid only during the call.</summary>
    public Action<Incident>? IncidentHook { get; set; }

    /// <inheritdoc/>
    public bool WantsTrace => false;

    /// <inheritdoc/>
    /// <remarks>The tally reads each incident and interval as it arrives and keeps none.</remarks>
    public bool RetainsRecords => false;

    /// <summary>Starts a new replication.</summary>
    /// <exception cref="InvalidOperationException">The previous replication was not completed.</exception>
    public void Begin()
    {
        if (_active)
        {
            throw new InvalidOperationException("The previous replication was not completed.");
        }

        _active = true;
        _hasBlock = false;
        _flushedEnd = double.NegativeInfinity;
        _downtime = 0;
        _incidents = 0;
        _rpoBytes = 0;
        _month = 0;
        _monthDowntime = 0;
        _missed = 0;
        ResetPending();
        Array.Clear(_firstBands);
        Array.Clear(_tiers);
        _years.Begin();
    }

    /// <inheritdoc/>
    public void OnIncidentClosed(Incident incident) => Record(incident);

    /// <inheritdoc/>
    public void OnDegraded(DegradedInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (!_degradedByName.TryGetValue(interval.Kind, out var d))
        {
            d = _target.DegradedKind(interval.Kind.Key);
            _degradedByName.Add(interval.Kind, d);
        }

        RecordDegraded(d, interval.StartSeconds, interval.EndSeconds);
    }

    /// <inheritdoc/>
    public void OnTrace(TraceRecord record)
    {
    }

    /// <summary>Records one incident of the current replication.</summary>
    /// <exception cref="InvalidOperationException">No replication is active, or the incident starts inside time already accounted for (out of start order).</exception>
    public void Record(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        CheckActive();
        double start = Math.Clamp(incident.StartSeconds, 0, _horizon);
        double end = Math.Clamp(incident.ClientRestoredSeconds ?? _horizon, start, _horizon);
        if (start < _flushedEnd)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"An incident ({incident.FailureMode.Key}) starting at {start} s arrived after downtime up to {_flushedEnd} s was accounted for: incidents must arrive in start order."));
        }

        double attributed = AddDowntime(start, end);
        int slot = ModeSlot(incident.FailureMode);
        var mode = _modeValues[slot];
        mode.Add(incident);
        _target.Incidents++;
        if (incident.ClientRestoredSeconds is null)
        {
            _target.Unrecovered++;
        }

        _incidents++;
        _rpoBytes += incident.RpoBytes;
        _years.Record(incident);
        if (mode.PendingIncidents == 0)
        {
            _modes.Add(mode);
        }

        mode.PendingIncidents++;
        mode.PendingDowntime += attributed;
        // Read in place rather than copying each stage through the list interface.
        var stages = incident.StageSpan;
        for (int k = 0; k < stages.Length; k++)
        {
            RecordStage(in stages[k], slot, k, start, end);
        }

        IncidentHook?.Invoke(incident);
    }

    /// <summary>The slot of <paramref name="mode"/>'s accumulator, taken on first sight.</summary>
    private int ModeSlot(FailureMode mode)
    {
        var keys = _modeKeys;
        int scanned = Math.Min(_modeCount, ScannedModes);
        for (int i = 0; i < scanned; i++)
        {
            if (ReferenceEquals(keys[i], mode))
            {
                return i;
            }
        }

        return _modeCount > ScannedModes && _modeSlots.TryGetValue(mode, out int slot) ? slot : AddMode(mode);
    }

    private int AddMode(FailureMode mode)
    {
        if (_modeCount == _modeKeys.Length)
        {
            Array.Resize(ref _modeKeys, _modeCount * 2);
            Array.Resize(ref _modeValues, _modeCount * 2);
            if (_modeCount * 2 <= HintedModes)
            {
                Array.Resize(ref _hintKeys, _modeCount * 2 * StageHints);
                Array.Resize(ref _hintValues, _modeCount * 2 * StageHints);
            }
        }

        _modeKeys[_modeCount] = mode;
        _modeValues[_modeCount] = _target.Mode(mode.Key);
        _modeSlots.Add(mode, _modeCount);
        return _modeCount++;
    }

    /// <summary>Records the <paramref name="position"/>-th stage of an incident of the mode in <paramref name="slot"/>, its clients down over [start, end].</summary>
    private void RecordStage(in RecoveryStage stage, int slot, int position, double start, double end)
    {
        StageAccumulator s;
        bool hinted = position < StageHints && slot < HintedModes;
        int hint = (slot * StageHints) + position;
        if (hinted && ReferenceEquals(_hintKeys[hint], stage.Stage))
        {
            s = _hintValues[hint]!;
        }
        else
        {
            s = StageFor(stage.Stage);
            if (hinted)
            {
                _hintKeys[hint] = stage.Stage;
                _hintValues[hint] = s;
            }
        }

        s.Occurrences++;
        s.Duration.Add(Math.Max(0, stage.DurationSeconds));
        if (!s.Touched)
        {
            s.Touched = true;
            _stages.Add(s);
        }

        double within = Math.Min(stage.EndSeconds, end) - Math.Max(stage.StartSeconds, start);
        if (within > 0)
        {
            s.PendingDowntime += within;
        }
    }

    private StageAccumulator StageFor(StageId stage)
    {
        if (!_stageByName.TryGetValue(stage, out var s))
        {
            s = _target.Stage(stage.Key);
            _stageByName.Add(stage, s);
        }

        return s;
    }

    /// <summary>Records one degraded interval of the current replication.</summary>
    public void RecordDegraded(string kind, double startSeconds, double endSeconds)
    {
        ArgumentNullException.ThrowIfNull(kind);
        RecordDegraded(_target.DegradedKind(kind), startSeconds, endSeconds);
    }

    private void RecordDegraded(DegradedAccumulator d, double startSeconds, double endSeconds)
    {
        CheckActive();
        double start = Math.Clamp(startSeconds, 0, _horizon);
        double end = Math.Clamp(endSeconds, start, _horizon);
        d.Intervals++;
        if (!d.Touched)
        {
            d.Touched = true;
            _degraded.Add(d);
        }

        d.Pending += end - start;
    }

    /// <summary>Ends the current replication and adds its figures to the accumulator.</summary>
    public ReplicationOutcome Complete()
    {
        CheckActive();
        if (_hasBlock)
        {
            Flush(_blockStart, _blockEnd);
            _hasBlock = false;
        }

        AdvanceTo(_months);
        _active = false;

        var t = _target;
        t.Replications++;
        t.DowntimePerReplication.Add(_downtime);
        t.IncidentsPerReplication.Add(_incidents);
        foreach (var mode in _modes)
        {
            mode.IncidentsPerReplication.Add(mode.PendingIncidents);
            mode.DowntimePerReplication.Add(mode.PendingDowntime);
        }

        foreach (var stage in _stages)
        {
            stage.DowntimePerReplication.Add(stage.PendingDowntime);
        }

        foreach (var d in _degraded)
        {
            d.PerReplication.Add(d.Pending);
        }

        ResetPending();

        t.MonthsMissed.Add(_missed, _months);
        long met = 0;
        for (int k = 0; k < _firstBands.Length; k++)
        {
            met += _firstBands[k];
            t.Bands[k].Add(met, _months);
        }

        for (int k = 0; k < _tiers.Length; k++)
        {
            t.Tiers[k].Add(_tiers[k], _months);
        }

        for (int k = 0; k < t.YearEvents.Length; k++)
        {
            t.YearEvents[k].Add(_years.YearsWith(k), _years.YearsPerReplication);
        }

        return new ReplicationOutcome(_horizon, _downtime, _incidents, _months, _missed, _rpoBytes);
    }

    /// <summary>Merges [start, end] into the downtime union; returns the time it adds (attributed to this incident).</summary>
    private double AddDowntime(double start, double end)
    {
        if (!_hasBlock)
        {
            _hasBlock = true;
            _blockStart = start;
            _blockEnd = end;
            return end - start;
        }

        if (start > _blockEnd)
        {
            Flush(_blockStart, _blockEnd);
            _blockStart = start;
            _blockEnd = end;
            return end - start;
        }

        if (end < _blockStart)
        {
            // Entirely before the open block but after everything flushed: a block of its own.
            Flush(start, end);
            return end - start;
        }

        double added = Math.Max(0, end - _blockEnd) + Math.Max(0, _blockStart - start);
        _blockStart = Math.Min(_blockStart, start);
        _blockEnd = Math.Max(_blockEnd, end);
        return added;
    }

    /// <summary>Accounts a finished block of downtime to the replication total and its months.</summary>
    private void Flush(double start, double end)
    {
        _flushedEnd = end;
        _downtime += end - start;
        const double m = MonteCarloSettings.MonthSeconds;
        for (long month = (long)Math.Floor(start / m); month < _months; month++)
        {
            double monthStart = month * m;
            if (monthStart >= end)
            {
                break;
            }

            AdvanceTo(month);
            double overlap = Math.Min(end, (month + 1) * m) - Math.Max(start, monthStart);
            if (overlap > 0)
            {
                _monthDowntime += overlap;
            }
        }
    }

    /// <summary>Closes every month before <paramref name="month"/>.</summary>
    private void AdvanceTo(long month)
    {
        while (_month < month)
        {
            CloseMonth(_monthDowntime);
            _monthDowntime = 0;
            _month++;
        }
    }

    private void CloseMonth(double downtime)
    {
        downtime = Math.Clamp(downtime, 0, MonteCarloSettings.MonthSeconds);
        double uptime = 1 - (downtime / MonteCarloSettings.MonthSeconds);
        _target.MonthDowntime.Add(downtime);
        if (uptime < _slaTarget)
        {
            _missed++;
        }

        var bands = _bandUptimes;
        for (int k = 0; k < bands.Length; k++)
        {
            if (uptime >= bands[k])
            {
                _firstBands[k]++;
                break;
            }
        }

        int tier = uptime >= _noCreditFrom ? -1 : _settings.TierFor(uptime);
        if (tier >= 0)
        {
            _tiers[tier]++;
            _target.MonthCredit.Add(_settings.CreditTiers[tier].CreditFraction);
        }
        else
        {
            _target.MonthCredit.AddQuanta(0);
        }
    }

    private void ResetPending()
    {
        foreach (var mode in _modes)
        {
            mode.PendingIncidents = 0;
            mode.PendingDowntime = 0;
        }

        foreach (var stage in _stages)
        {
            stage.Touched = false;
            stage.PendingDowntime = 0;
        }

        foreach (var d in _degraded)
        {
            d.Touched = false;
            d.Pending = 0;
        }

        _modes.Clear();
        _stages.Clear();
        _degraded.Clear();
    }

    private void CheckActive()
    {
        if (!_active)
        {
            throw new InvalidOperationException("Call Begin() before recording a replication.");
        }
    }
}

/// <summary>The headline figures of one replication (for paired comparisons).</summary>
/// <param name="HorizonSeconds">The replication's length.</param>
/// <param name="DowntimeSeconds">Client downtime (union of incidents), clipped to the replication.</param>
/// <param name="Incidents">Incidents.</param>
/// <param name="Months">Whole months.</param>
/// <param name="MonthsMissed">Months whose uptime was below the SLA target.</param>
/// <param name="RpoBytes">Committed data lost, summed over the incidents.</param>
public readonly record struct ReplicationOutcome(double HorizonSeconds, double DowntimeSeconds, long Incidents, long Months, long MonthsMissed, double RpoBytes);
