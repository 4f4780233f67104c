using HaSim.Model.Incidents;

namespace HaSim.Scenarios.Fleet;

/// <summary>Receives a fleet run's results as they happen: every database's incidents and degraded time, and the fleet-wide events.</summary>
public interface IFleetObserver
{
    /// <summary>An incident of database <paramref name="database"/> (its index in the fleet) has ended, or the run ended during it.</summary>
    void OnIncidentClosed(int database, Incident incident);

    /// <summary>A degraded interval of database <paramref name="database"/> has ended.</summary>
    void OnDegraded(int database, DegradedInterval interval);

    /// <summary>A fleet-wide event is about to strike (called before any database hears of it).</summary>
    void OnFleetEvent(FleetEvent fleetEvent);
}
