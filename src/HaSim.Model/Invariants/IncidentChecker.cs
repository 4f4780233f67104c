using System.Globalization;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;

namespace HaSim.Model.Invariants;

/// <summary>
/// Incidents are well formed: they do not overlap, an incident is open exactly while the service is
/// not serving, clients never return before the server, detection lies inside the incident, and no
/// figure is negative.
/// </summary>
public sealed class IncidentChecker : ModelChecker
{
    private double _lastRestored = double.NegativeInfinity;

    /// <inheritdoc/>
    public override string Name => "incidents well formed";

    /// <inheritdoc/>
    public override void OnIncidentOpened(DatabaseSystem system, Incident incident)
    {
        if (incident.StartSeconds < _lastRestored)
        {
            Violation(system, string.Create(CultureInfo.InvariantCulture, $"incident {incident.Number} starts at {incident.StartSeconds} s, before the previous one ended at {_lastRestored} s"));
        }
    }

    /// <inheritdoc/>
    public override void OnIncidentClosed(DatabaseSystem system, Incident i)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"incident {i.Number} ({i.FailureMode.Key} at {i.StartSeconds} s)");
        if (i.ServerRestoredSeconds is { } restored)
        {
            _lastRestored = restored;
            if (restored < i.StartSeconds)
            {
                Violation(system, $"{where}: server restored before it started");
            }

            if (!(i.ClientRestoredSeconds >= restored))
            {
                Violation(system, string.Create(CultureInfo.InvariantCulture, $"{where}: clients back at {i.ClientRestoredSeconds} s, before the server at {restored} s"));
            }

            if (i.DetectedSeconds is { } detected && (detected < i.StartSeconds || detected > restored))
            {
                Violation(system, string.Create(CultureInfo.InvariantCulture, $"{where}: detected at {detected} s, outside the incident"));
            }
        }

        if (i.RpoBytes < 0 || i.RpoSeconds < 0 || i.TransactionsAborted < 0)
        {
            Violation(system, $"{where}: negative RPO or aborted transactions");
        }
    }

    /// <inheritdoc/>
    public override void OnSettled(DatabaseSystem system)
    {
        if (system.IsServing == system.OpenIncident is not null)
        {
            Violation(system, system.IsServing ? "serving with an incident open" : "not serving with no incident open");
        }
    }
}
