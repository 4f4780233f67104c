namespace HaSim.Model.Incidents;

/// <summary>Keeps everything a run reports: for scripted runs and tests.</summary>
public sealed class RunRecorder : IRunObserver
{
    private readonly List<Incident> _incidents = [];
    private readonly List<DegradedInterval> _degraded = [];
    private readonly List<TraceRecord> _trace = [];

    /// <summary>Creates a recorder; <paramref name="keepTrace"/> false skips trace lines.</summary>
    public RunRecorder(bool keepTrace = true) => WantsTrace = keepTrace;

    /// <summary>Closed incidents in the order they closed.</summary>
    public IReadOnlyList<Incident> Incidents => _incidents;

    /// <summary>Degraded intervals in the order they ended.</summary>
    public IReadOnlyList<DegradedInterval> Degraded => _degraded;

    /// <summary>The event trace.</summary>
    public IReadOnlyList<TraceRecord> Trace => _trace;

    /// <inheritdoc/>
    public bool WantsTrace { get; }

    /// <inheritdoc/>
    public void OnIncidentClosed(Incident incident) => _incidents.Add(incident);

    /// <inheritdoc/>
    public void OnDegraded(DegradedInterval interval) => _degraded.Add(interval);

    /// <inheritdoc/>
    public void OnTrace(TraceRecord record) => _trace.Add(record);
}
