using HaSim.Model.Parameters;

namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>
/// Random failures are stationary renewal processes from time zero: the first failure comes after
/// the forward recurrence time, so a year's expected count is a year over the mean interval in
/// short and long replications alike. Planned maintenance (uniform 15-45 days) is the case where
/// starting each replication with a whole interval would come about 0.46 events a year short
/// (on zone-redundant HA each maintenance is a planned failover).
/// </summary>
public class StationaryStartTest
{
    [Theory]
    [InlineData(1.0, 2000)]
    [InlineData(20.0, 100)]
    public void Maintenance_events_per_year_do_not_depend_on_the_replication_length(double years, int replications)
    {
        var scenario = ClosedFormRuns.OnlyFailures("azure-zone-redundant-ha", "failures.maintenance.interval: {uniform: {min: 15 d, max: 45 d}}");
        var (_, incidents) = ClosedFormRuns.Availability(scenario, replications, years);

        double perYear = incidents.Count / (replications * years);
        double expected = Units.SecondsPerYear / (30 * Units.Day);
        Assert.All(incidents, i => Assert.Equal("planned_failover", i.FailureMode.Key));
        Assert.InRange(perYear, expected - 0.1, expected + 0.1);
    }
}
