using HaSim.Model.Names;

namespace HaSim.Model.Incidents;

/// <summary>Time the service was up but degraded (cold cache, no standby, quorum at its minimum), reported apart from downtime.</summary>
/// <param name="Kind">What was degraded.</param>
/// <param name="StartSeconds">When it began.</param>
/// <param name="EndSeconds">When it ended (or the end of the run).</param>
/// <param name="IncidentNumber">The incident whose end it began at, if any.</param>
public sealed record DegradedInterval(DegradedKind Kind, double StartSeconds, double EndSeconds, int? IncidentNumber)
{
    /// <summary>What was degraded.</summary>
    public DegradedKind Kind { get; private set; } = Kind;

    /// <summary>When it began.</summary>
    public double StartSeconds { get; private set; } = StartSeconds;

    /// <summary>When it ended (or the end of the run).</summary>
    public double EndSeconds { get; private set; } = EndSeconds;

    /// <summary>The incident whose end it began at, if any.</summary>
    public int? IncidentNumber { get; private set; } = IncidentNumber;

    /// <summary>The interval's length in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>Makes this record another interval (a system reuses it when its observer keeps none; see <see cref="IRunObserver.RetainsRecords"/>).</summary>
    internal void Renew(DegradedKind kind, double startSeconds, double endSeconds, int? incidentNumber)
    {
        Kind = kind;
        StartSeconds = startSeconds;
        EndSeconds = endSeconds;
        IncidentNumber = incidentNumber;
    }
}
