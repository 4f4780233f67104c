namespace HaSim.Model.Incidents;

/// <summary>Receives a run's results as they happen, so long runs need not keep them all.</summary>
public interface IRunObserver
{
    /// <summary>An incident has ended (clients are back) or the run ended during it.</summary>
    void OnIncidentClosed(Incident incident);

    /// <summary>A degraded interval has ended.</summary>
    void OnDegraded(DegradedInterval interval);

    /// <summary>A trace line; only called when <see cref="WantsTrace"/> is true.</summary>
    void OnTrace(TraceRecord record);

    /// <summary>True if the observer wants trace lines (they cost time on long runs).</summary>
    bool WantsTrace { get; }

    /// <summary>
    /// True (the default) if the observer may keep the incidents and degraded intervals it is given.
    /// False if it reads each only during the call that hands it over: the system may then reuse those
    /// objects (and the faults of random failures) for later records, so that a long run allocates
    /// nothing per incident.
    /// </summary>
    bool RetainsRecords => true;
}
