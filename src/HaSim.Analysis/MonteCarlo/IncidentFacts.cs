using HaSim.Model.Incidents;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// What the Monte Carlo aggregation needs to know about one incident (a copy of an
/// <see cref="Incident"/>'s fields, so tests and tools can make incident streams by hand).
/// </summary>
/// <param name="FailureMode">The failure mode that opened the incident.</param>
/// <param name="StartSeconds">When service was lost.</param>
/// <param name="DetectedSeconds">When the platform detected the failure, if it did.</param>
/// <param name="ServerRestoredSeconds">When the server side was serving again, if it was.</param>
/// <param name="ClientRestoredSeconds">When clients were back, or null if not before the end of the replication.</param>
/// <param name="RpoBytes">Committed WAL lost, in bytes.</param>
/// <param name="RpoSeconds">The same loss as seconds of commits.</param>
/// <param name="Stages">The recovery stages that ran, in start order.</param>
public readonly record struct IncidentFacts(
    string FailureMode,
    double StartSeconds,
    double? DetectedSeconds,
    double? ServerRestoredSeconds,
    double? ClientRestoredSeconds,
    double RpoBytes,
    double RpoSeconds,
    IReadOnlyList<RecoveryStage> Stages)
{
    /// <summary>The facts of <paramref name="incident"/>.</summary>
    public static IncidentFacts From(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentFacts(incident.FailureMode, incident.StartSeconds, incident.DetectedSeconds, incident.ServerRestoredSeconds,
            incident.ClientRestoredSeconds, incident.RpoBytes, incident.RpoSeconds, incident.Stages);
    }

    /// <summary>An incident with no stages and no data loss, for tests: clients down from <paramref name="start"/> to <paramref name="clientRestored"/>.</summary>
    public static IncidentFacts Simple(string failureMode, double start, double? clientRestored) =>
        new(failureMode, start, null, clientRestored, clientRestored, 0, 0, []);
}
