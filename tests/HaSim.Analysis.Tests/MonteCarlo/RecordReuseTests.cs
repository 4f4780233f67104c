using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Running;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>
/// Monte Carlo reuses incidents, degraded intervals and the faults of random failures when its tally
/// keeps none of them: the accumulated state must be exactly that of a run that keeps every record.
/// </summary>
public sealed class RecordReuseTests
{
    [Theory]
    [InlineData("serverless")]
    [InlineData("aiven-startup")]
    [InlineData("aiven-business")]
    [InlineData("aiven-premium")]
    [InlineData("azure-non-ha")]
    [InlineData("azure-same-zone-ha")]
    [InlineData("azure-zone-redundant-ha")]
    public void ReusingRecordsGivesTheSameStateAsKeepingThem(string preset)
    {
        var s = Preset(preset);
        var settings = MonteCarloSettings.For(s, 20, 6, 13);
        var reused = new MonteCarloAccumulator(settings);
        var kept = new MonteCarloAccumulator(settings);
        var reusing = new ReplicationTally(reused);
        var keeper = new Keeper(new ReplicationTally(kept));
        for (int r = 0; r < settings.Replications; r++)
        {
            reusing.Begin();
            ReplicationRunner.Run(s, settings.Seed, r, settings.Years, reusing);
            reusing.Complete();
            keeper.Tally.Begin();
            ReplicationRunner.Run(s, settings.Seed, r, settings.Years, keeper);
            keeper.Tally.Complete();
        }

        Assert.True(reused.Incidents > 20, $"{preset}: only {reused.Incidents} incidents in {settings.Replications} x {settings.Years} years");
        Assert.Equal(Text(kept), Text(reused));

        // The keeper was given a new object for every incident, as a retaining observer must be.
        Assert.Equal(keeper.Incidents.Count, keeper.Incidents.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(reused.Incidents, keeper.Incidents.Count);
    }

    /// <summary>An observer that keeps every incident it is given (so the system must not reuse them), passing each on to a tally.</summary>
    private sealed class Keeper(ReplicationTally tally) : IRunObserver
    {
        public ReplicationTally Tally { get; } = tally;

        public List<Incident> Incidents { get; } = [];

        public bool WantsTrace => false;

        public bool RetainsRecords => true;

        public void OnIncidentClosed(Incident incident)
        {
            Incidents.Add(incident);
            Tally.OnIncidentClosed(incident);
        }

        public void OnDegraded(DegradedInterval interval) => Tally.OnDegraded(interval);

        public void OnTrace(TraceRecord record)
        {
        }
    }
}
