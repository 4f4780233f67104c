using HaSim.Scenarios.Running;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// How much work a fleet asks for, known before it runs: the random failures every database is
/// expected to see per simulated year (shared outages counted once per database, an upper bound),
/// and the event limit that stops a replication going far beyond its estimate.
/// </summary>
public static class FleetWorkEstimate
{
    /// <summary>Kernel events allowed per database whatever the estimate (a scripted replay of a database takes hundreds).</summary>
    public const long EventsPerDatabase = 100_000;

    /// <summary>Random failures expected per simulated year over the whole fleet.</summary>
    public static double FailuresPerYear(FleetScenario fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return fleet.Groups.Sum(g => g.Count * WorkEstimate.FailuresPerYear(g.Preset, g.Parameters));
    }

    /// <summary>Failures and scripted faults <paramref name="replications"/> replications of <paramref name="years"/> years (null: replays of the timeline) are expected to simulate.</summary>
    public static double ExpectedFailures(FleetScenario fleet, double? years, long replications)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return ((FailuresPerYear(fleet) * (years ?? 0)) + (fleet.Timeline.Count * (double)fleet.DatabaseCount)) * replications;
    }

    /// <summary>The event limit of one replication of <paramref name="fleet"/> over <paramref name="seconds"/> simulated seconds of random failures (0: a replay).</summary>
    public static long EventLimit(FleetScenario fleet, double seconds)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        double expected = ExpectedFailures(fleet, seconds / Model.Parameters.Units.SecondsPerYear, 1);
        double limit = WorkEstimate.BaseEventLimit + (EventsPerDatabase * (double)fleet.DatabaseCount) + (WorkEstimate.EventsPerFailure * expected);
        return limit >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)limit;
    }
}
