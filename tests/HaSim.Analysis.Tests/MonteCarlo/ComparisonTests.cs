using HaSim.Analysis.MonteCarlo;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>Comparisons use common random numbers and paired intervals.</summary>
public sealed class ComparisonTests
{
    [Fact]
    public void AScenarioComparedWithItselfDiffersByExactlyZero()
    {
        var s = Preset("azure-zone-redundant-ha");
        var c = ComparisonRunner.Run([s, s], 1, 30, 9, 2).Summarise([Identity(s), Identity(s)]);
        var p = Assert.Single(c.Pairs);
        foreach (var e in new[] { p.Availability, p.DowntimeMinutesPerYear, p.SlaMiss, p.IncidentsPerYear, p.RpoBytesPerYear, p.MeanClientRto, p.P99ClientRto })
        {
            Assert.Equal(0.0, e.Value);
            Assert.Equal(0.0, e.Interval.Lower);
            Assert.Equal(0.0, e.Interval.Upper);
        }

        Assert.Equal(30, p.Availability.SampleSize);
        Assert.Equal(20, p.MeanClientRto.SampleSize);
    }

    [Fact]
    public void CommonRandomNumbersMakeThePairedIntervalNarrowerThanIndependentRuns()
    {
        // Same architecture, slower client reconnects: zone and component failures coincide, so the
        // paired difference is far less noisy than the two runs' own intervals.
        var a = Preset("azure-same-zone-ha");
        var b = Preset("azure-zone-redundant-ha");
        var c = ComparisonRunner.Run([a, b], 2, 40, 4, 2).Summarise([Identity(a), Identity(b)]);
        var p = Assert.Single(c.Pairs);
        var ownA = c.Scenarios[0].Availability.DowntimeMinutesPerYear.Interval;
        var ownB = c.Scenarios[1].Availability.DowntimeMinutesPerYear.Interval;
        Assert.Equal(c.Scenarios[1].Availability.DowntimeMinutesPerYear.Value - c.Scenarios[0].Availability.DowntimeMinutesPerYear.Value,
            p.DowntimeMinutesPerYear.Value, 4); // per-replication sums are kept to the millisecond
        Assert.True(p.DowntimeMinutesPerYear.Interval.Width < Math.Sqrt((ownA.Width * ownA.Width) + (ownB.Width * ownB.Width)),
            $"paired width {p.DowntimeMinutesPerYear.Interval.Width} vs independent {ownA.Width}, {ownB.Width}");
    }

    [Fact]
    public void ComparisonsDoNotDependOnThreads()
    {
        var a = Preset("serverless");
        var b = Preset("aiven-business");
        var one = ComparisonRunner.Run([a, b], 1, 12, 2, 1);
        var two = ComparisonRunner.Run([a, b], 1, 12, 2, 3);
        Assert.Equal(Text(one.Scenarios[1]), Text(two.Scenarios[1]));
        var ids = new[] { Identity(a), Identity(b) };
        Assert.Equal(one.Summarise(ids).Pairs.Single(), two.Summarise(ids).Pairs.Single());

        // Each scenario in a comparison is exactly its own Monte Carlo run.
        Assert.Equal(Text(MonteCarloRunner.Run(b, MonteCarloSettings.For(b, 1, 12, 2), ShardSpec.Whole, 2)), Text(one.Scenarios[1]));
    }
}
