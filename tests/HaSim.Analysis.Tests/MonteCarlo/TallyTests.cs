using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Model.Names;
using HaSim.Model.Presets;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>Monthly uptime, downtime unions, SLA misses and credits on hand-made incident streams.</summary>
public sealed class TallyTests
{
    private const double M = MonteCarloSettings.MonthSeconds;
    private static readonly ScenarioIdentity Id = new("hand-made", "test", "test", "sha256:0");

    /// <summary>Target 99.9%; credits 10% below 99.9%, 25% below 99%, 100% below 95%.</summary>
    private static MonteCarloSettings Settings(double years = 1, long replications = 1) =>
        new(years, replications, 1, 0.999, [new CreditTier(0.999, 0.10), new CreditTier(0.99, 0.25), new CreditTier(0.95, 1.00)]);

    /// <summary>An incident of failure mode <paramref name="mode"/>, clients down from <paramref name="start"/> to <paramref name="clientRestored"/>.</summary>
    private static Incident Simple(string mode, double start, double? clientRestored) =>
        Incident.Recorded(1, new FailureMode(mode, mode), start, null, clientRestored, clientRestored);

    private static MonteCarloSummary Run(MonteCarloSettings settings, params Action<ReplicationTally>[] replications)
    {
        var acc = new MonteCarloAccumulator(settings);
        var tally = new ReplicationTally(acc);
        foreach (var feed in replications)
        {
            tally.Begin();
            feed(tally);
            tally.Complete();
        }

        return acc.Summarise(Id);
    }

    [Fact]
    public void AnIncidentSpanningAMonthBoundaryIsSplitBetweenTheMonths()
    {
        var s = Run(Settings(), t => t.Record(Simple("node_failure", M - 100, M + 200)));
        var months = s.Monthly.DowntimeSeconds;
        Assert.Equal(12, months.Count);
        Assert.Equal(300.0 / 12, months.Mean, 9);
        Assert.Equal(200.0, months.Max, 6);
        Assert.Equal(0.0, months.Min);
        Assert.Equal(300.0 / 60, s.Availability.DowntimeMinutesPerYear.Value, 9);
        Assert.Equal(1 - (200 / M), s.Monthly.MinUptime, 12);
    }

    [Fact]
    public void OverlappingIncidentsCountOnceAndTheOverlapGoesToTheEarlierOne()
    {
        var s = Run(Settings(), t =>
        {
            t.Record(Simple("zone", 1000, 2000));
            t.Record(Simple("crash", 1500, 2500)); // starts before the first one's clients are back
            t.Record(Simple("hang", 1600, 1800)); // entirely inside: adds nothing
            t.Record(Simple("crash", 2500, 2600)); // touching: adds 100
        });
        Assert.Equal(1600.0 / 60, s.Availability.DowntimeMinutesPerYear.Value, 9);
        var byMode = s.FailureModes.ToDictionary(m => m.Name);
        Assert.Equal(1000.0 / 60, byMode["zone"].DowntimeMinutesPerYear.Value, 9);
        Assert.Equal(600.0 / 60, byMode["crash"].DowntimeMinutesPerYear.Value, 9);
        Assert.Equal(0.0, byMode["hang"].DowntimeMinutesPerYear.Value);
        Assert.Equal(1000.0 / 1600, byMode["zone"].DowntimeShare, 9);
        Assert.Equal(1.0, s.FailureModes.Sum(m => m.DowntimeShare), 9);
        Assert.Equal(1600.0, s.Monthly.DowntimeSeconds.Max, 6);

        // Per-incident RTOs are each incident's own, overlaps or not.
        Assert.Equal(2, byMode["crash"].Metrics.Of(MetricTable.Rto).Count);
        Assert.Equal(1000.0, byMode["crash"].Metrics.Of(MetricTable.Rto).Max, 6);
        Assert.Equal(4, s.Incidents);
    }

    [Fact]
    public void OverlapAcrossAMonthBoundaryIsUnionedInEachMonth()
    {
        var s = Run(Settings(), t =>
        {
            t.Record(Simple("a", M - 500, M + 100));
            t.Record(Simple("b", M - 50, M + 400));
        });
        Assert.Equal(500.0, s.Monthly.DowntimeSeconds.Max, 6); // month 0: [M-500, M)
        Assert.Equal(900.0 / 12, s.Monthly.DowntimeSeconds.Mean, 9); // month 1: [M, M+400)
    }

    [Fact]
    public void AnUnrecoveredIncidentIsDownUntilTheEndAndLeftOutOfClientRto()
    {
        var s = Run(Settings(), t => t.Record(Simple("region", (12 * M) - 1000, null)));
        Assert.Equal(1, s.Unrecovered);
        Assert.Equal(0, s.Overall.Of(MetricTable.Rto).Count);
        Assert.Equal(1000.0 / 60, s.Availability.DowntimeMinutesPerYear.Value, 6);
        Assert.Equal(1000.0, s.Monthly.DowntimeSeconds.Max, 3);
    }

    [Fact]
    public void IncidentsOutOfStartOrderIntoAccountedTimeAreRejected()
    {
        var acc = new MonteCarloAccumulator(Settings());
        var tally = new ReplicationTally(acc);
        tally.Begin();
        tally.Record(Simple("a", 1000, 2000));
        tally.Record(Simple("b", 5000, 6000)); // flushes [1000, 2000]
        Assert.Throws<InvalidOperationException>(() => tally.Record(Simple("c", 1500, 1600)));
    }

    [Fact]
    public void SlaMissProbabilityAndCreditsFollowTheTiers()
    {
        // Month 0 meets the target at 99.96%; month 1 misses it (99.8%: 10%), month 2 at 98% (25%),
        // month 3 at 90% (100%); months 4-11 have no downtime. A second replication has no incidents at all.
        var s = Run(Settings(1, 2),
            t =>
            {
                t.Record(Simple("x", 0, 0.0004 * M));
                t.Record(Simple("x", M, M + (0.002 * M)));
                t.Record(Simple("x", 2 * M, (2 * M) + (0.02 * M)));
                t.Record(Simple("x", 3 * M, (3 * M) + (0.1 * M)));
            },
            _ => { });
        var mo = s.Monthly;
        Assert.Equal(24, mo.Months);
        Assert.Equal(3.0 / 24, mo.SlaMiss.Value, 12);
        Assert.Equal(24, mo.SlaMiss.SampleSize);
        var wilson = new ProportionEstimate(3, 24).WilsonInterval(0.95);
        Assert.Equal(wilson, mo.SlaMiss.Interval);

        Assert.Equal((0.10 + 0.25 + 1.00) / 24, mo.ExpectedCredit.Value, 9);
        Assert.Equal(24, mo.ExpectedCredit.SampleSize);
        Assert.Equal([1.0 / 24, 1.0 / 24, 1.0 / 24], mo.Tiers.Select(t => t.Probability.Value));
        Assert.Equal(mo.ExpectedCredit.Value, mo.Tiers.Sum(t => t.ExpectedCredit), 12);

        var band = mo.Bands.ToDictionary(b => b.AtLeast, b => b.Probability.Value);
        Assert.Equal(20.0 / 24, band[1.0], 12); // every month without downtime
        Assert.Equal(21.0 / 24, band[0.9995], 12); // month 0 at 99.96%
        Assert.Equal(23.0 / 24, band[0.95], 12);
        Assert.Equal(0.9, mo.MinUptime, 9);

        // Availability is per replication: 0.1225 months of downtime in the first, none in the second.
        double downtime = (0.0004 + 0.002 + 0.02 + 0.1) * M;
        Assert.Equal(1 - (downtime / 2 / (12 * M)), s.Availability.Availability.Value, 12);
        Assert.Equal(2, s.Availability.Availability.SampleSize);
        Assert.Equal(2.0, s.IncidentsPerYear.Value);
    }

    [Fact]
    public void StageTimeCountsOnlyWithinTheIncidentsDowntimeAndDegradedTimeIsPerYear()
    {
        var stages = new List<RecoveryStage>
        {
            new(new StageId("detect", "detect"), 100, 130, StageOutcome.Done),
            new(new StageId("rebuild_standby", "rebuild standby"), 150, 1000, StageOutcome.Done), // runs on after clients are back at 200
        };
        var s = Run(Settings(2, 1), t =>
        {
            t.Record(Incident.Recorded(1, new FailureMode("crash", "crash"), 100, 130, 190, 200, 4096, 2, stages));
            t.RecordDegraded("no_standby", 190, 190 + 7200);
        });
        var byStage = s.Stages.ToDictionary(x => x.Name);
        Assert.Equal(30.0 / 2 / 60, byStage["detect"].DowntimeMinutesPerYear.Value, 9);
        Assert.Equal(0.3, byStage["detect"].DowntimeShare, 9);
        Assert.Equal(0.5, byStage["rebuild_standby"].DowntimeShare, 9);
        Assert.Equal(850.0, byStage["rebuild_standby"].Duration.Max, 6);
        Assert.Equal(30.0, s.Overall.Of(MetricTable.Detection).Max, 6);
        Assert.Equal(90.0, s.Overall.Of(MetricTable.ServerRto).Max, 6);
        Assert.Equal(4096.0, s.Overall.Of(MetricTable.RpoBytes).Max);
        Assert.Equal(1.0, s.Degraded.Single().HoursPerYear.Value, 9);
        Assert.Equal(1, s.Degraded.Single().Intervals);
    }

    [Fact]
    public void ATrailingPartialMonthCountsForAvailabilityButIsNotAMonth()
    {
        var s = Run(Settings(1.5 / 12, 1), t => t.Record(Simple("x", M + 10, M + 70)));
        Assert.Equal(1, s.Monthly.Months);
        Assert.Equal(0.0, s.Monthly.DowntimeSeconds.Max);
        Assert.Equal(60.0, s.Availability.DowntimeMinutesPerYear.Value * 1.5 / 12 * 60, 6);
    }
}
