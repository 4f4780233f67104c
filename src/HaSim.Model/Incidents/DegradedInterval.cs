using HaSim.Model.Names;

namespace HaSim.Model.Incidents;

/// <summary>Time the service was up but degraded (cold cache, no standby, quorum at its minimum), reported apart from downtime.</summary>
/// <param name="Kind">What was degraded.</param>
/// <param name="StartSeconds">When it began.</param>
/// <param name="EndSeconds">When it ended (or the end of the run).</param>
/// <param name="IncidentNumber">The incident whose end it began at, if any.</param>
public sealed record DegradedInterval(DegradedKind Kind, double StartSeconds, double EndSeconds, int? IncidentNumber)
{
    /// <summary>The interval's length in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
