using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Model.Names;
using HaSim.Model.Presets;
using HaSim.Scenarios.Running;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>
/// The tally counts what an incident has and skips what it lacks, finds stage accumulators through
/// per-mode hints, and closes months through precomputed band and tier thresholds: each must leave
/// exactly the state of the general rule it replaces.
/// </summary>
public sealed class TallyFastPathTests
{
    private const double M = MonteCarloSettings.MonthSeconds;

    [Fact]
    public void AnIncidentsMissingFiguresAreSkippedAndTheRestCounted()
    {
        var mode = new FailureMode("crash", "crash");
        Incident[] incidents =
        [
            Incident.Recorded(1, mode, 100, null, null, null),
            Incident.Recorded(2, mode, 200, 210, null, null, rpoBytes: 10),
            Incident.Recorded(3, mode, 300, 305, 340, null, rpoSeconds: 1.5),
            Incident.Recorded(4, mode, 400, 401, 420, 450, 4096, 2),
            Incident.Recorded(5, mode, 1e-7, 0.1 + 1e-7, 0.3, 0.30000000000000004),
            Incident.Recorded(6, mode, 500, 500, 500, 500, -0.0, -0.0),
        ];
        var accumulator = new FailureModeAccumulator();
        foreach (var incident in incidents)
        {
            accumulator.Add(incident);
        }

        Assert.Equal(6, accumulator.Incidents);
        Assert.Equal(3, accumulator.Unrecovered);
        Assert.Equal(3, accumulator.Figures[0].Count); // client RTO: recovered only
        Assert.Equal(4, accumulator.Figures[1].Count); // server RTO
        Assert.Equal(5, accumulator.Figures[2].Count); // detection
        Assert.Equal(6, accumulator.Figures[3].Count); // RPO bytes: every incident
        Assert.Equal(4096 + 10, accumulator.Figures[3].Moments.Sum);
        Assert.Equal(0.0, accumulator.Figures[1].Moments.Min); // incident 6: -0 recorded as +0
        Assert.Equal(50, accumulator.Figures[0].Moments.Max);
    }

    [Fact]
    public void UptimeBandsAreInDecreasingOrderAsTheTallyCountsThem()
    {
        var bands = MonteCarloAccumulator.UptimeBands;
        for (int k = 1; k < bands.Count; k++)
        {
            Assert.True(bands[k] < bands[k - 1], $"band {k} ({bands[k]}) is not below band {k - 1} ({bands[k - 1]})");
        }
    }

    [Fact]
    public void MonthsCloseIntoTheBandsTiersAndCreditsOfTheGeneralRule()
    {
        // Tiers out of order, one without credit and two with the same threshold, so the first tier
        // with the largest credit matters; downtimes put months on, just above and just below every
        // band and tier threshold.
        CreditTier[] tiers = [new(0.999, 0.10), new(0.99995, 0), new(0.95, 1.00), new(0.99, 0.25), new(0.99, 0.25), new(0.9999, 0.05)];
        double[] thresholds = [.. MonteCarloAccumulator.UptimeBands, .. tiers.Select(t => t.UptimeBelow), 0.999];
        var downtimes = new List<double> { 0, 1e-9, M / 2, M, 2 * M };
        foreach (var u in thresholds)
        {
            double d = (1 - u) * M;
            downtimes.AddRange([d, Math.BitIncrement(d), Math.BitDecrement(d), d * (1 + 1e-12), d * (1 - 1e-12)]);
        }

        downtimes.RemoveAll(d => d < 0);
        int months = downtimes.Count;
        var settings = new MonteCarloSettings(Math.Ceiling(months / 12.0), 1, 1, 0.999, tiers);
        var acc = new MonteCarloAccumulator(settings);
        var tally = new ReplicationTally(acc);
        tally.Begin();

        // The reference, by the rules as written: each band by its own comparison, each tier by TierFor.
        var bands = new long[MonteCarloAccumulator.UptimeBands.Count];
        var tierMonths = new long[tiers.Length];
        var credit = new ExactSum(1e12);
        var monthDowntime = new StatisticAccumulator();
        long missed = 0;
        for (int month = 0; month < settings.MonthsPerReplication; month++)
        {
            double start = month * M;
            double d = month < months ? Math.Min(downtimes[month], M * 0.999999) : 0;
            if (d > 0)
            {
                tally.Record(Incident.Recorded(month + 1, new FailureMode("x", "x"), start, null, null, start + d));
            }

            double overlap = d > 0 ? Math.Min(start + d, (month + 1) * M) - Math.Max(start, start) : 0;
            double down = Math.Clamp(overlap, 0, M);
            double uptime = 1 - (down / M);
            monthDowntime.Add(down);
            missed += uptime < settings.SlaTarget ? 1 : 0;
            for (int k = 0; k < bands.Length; k++)
            {
                bands[k] += uptime >= MonteCarloAccumulator.UptimeBands[k] ? 1 : 0;
            }

            int tier = settings.TierFor(uptime);
            if (tier >= 0)
            {
                tierMonths[tier]++;
                credit.Add(tiers[tier].CreditFraction);
            }
            else
            {
                credit.AddQuanta(0);
            }
        }

        tally.Complete();
        Assert.Equal(bands, acc.Bands.Select(b => b.Successes));
        Assert.Equal(tierMonths, acc.Tiers.Select(t => t.Successes));
        Assert.Equal(missed, acc.MonthsMissed.Successes);
        Assert.True(acc.MonthCredit.HasSameState(credit));
        Assert.True(acc.MonthDowntime.HasSameState(monthDowntime));
        Assert.Contains(tierMonths, n => n > 0);
        Assert.True(tierMonths.Count(n => n > 0) >= 3, "the months should reach several tiers");
    }

    [Fact]
    public void StagesFoundThroughTheHintsAreTheStagesOfTheirNames()
    {
        // More modes than the tally scans, or keeps stage hints for, more stages in an incident than
        // it keeps hints for, and stages in varying order and number, so hints hit, miss and grow.
        var random = new Random(21);
        var modes = Enumerable.Range(0, 70).Select(i => new FailureMode($"mode_{i}", $"mode {i}")).ToArray();
        var stageIds = Enumerable.Range(0, 13).Select(i => new StageId($"stage_{i}", $"stage {i}")).ToArray();
        var settings = new MonteCarloSettings(1, 2, 1, 0.999, []);
        var acc = new MonteCarloAccumulator(settings);
        var tally = new ReplicationTally(acc);
        var durations = stageIds.ToDictionary(x => x.Key, _ => new StatisticAccumulator());
        var occurrences = stageIds.ToDictionary(x => x.Key, _ => 0L);
        var within = stageIds.ToDictionary(x => x.Key, _ => new ExactSum(1_000));
        for (int r = 0; r < settings.Replications; r++)
        {
            tally.Begin();
            var pending = new Dictionary<string, double>();
            double t = 0;
            for (int i = 0; i < 1000; i++)
            {
                int m = random.Next(random.Next(2) == 0 ? 3 : modes.Length);
                var mode = modes[m];
                int count = random.Next(4) == 0 ? random.Next(0, 15) : 3;
                var stages = new List<RecoveryStage>();
                double start = t + 1000, end = start + 300, at = start;
                for (int k = 0; k < count; k++)
                {
                    // Mostly a fixed sequence per mode, sometimes any stage.
                    var id = random.Next(5) == 0 ? stageIds[random.Next(stageIds.Length)] : stageIds[((3 * m) + k) % stageIds.Length];
                    double length = random.NextDouble() * 200;
                    stages.Add(new RecoveryStage(id, at, at + length, StageOutcome.Done));
                    at += length / 2;
                }

                tally.Record(Incident.Recorded(i + 1, mode, start, null, end, end, stages: stages));
                foreach (var stage in stages)
                {
                    occurrences[stage.Stage.Key]++;
                    durations[stage.Stage.Key].Add(Math.Max(0, stage.DurationSeconds));
                    // A stage that ran adds its time within downtime, if any, and counts for the replication either way.
                    double w = Math.Min(stage.EndSeconds, end) - Math.Max(stage.StartSeconds, start);
                    double sofar = pending.GetValueOrDefault(stage.Stage.Key);
                    pending[stage.Stage.Key] = w > 0 ? sofar + w : sofar;
                }

                t = end;
            }

            tally.Complete();
            foreach (var (key, w) in pending)
            {
                within[key].Add(w);
            }
        }

        foreach (var id in stageIds)
        {
            var s = acc.Stages[id.Key];
            Assert.Equal(occurrences[id.Key], s.Occurrences);
            Assert.True(durations[id.Key].HasSameState(s.Duration), id.Key);
            Assert.True(within[id.Key].HasSameState(s.DowntimePerReplication), id.Key);
        }

        Assert.Equal(modes.Length, acc.Modes.Count);
        Assert.Equal(2 * 1000, acc.Modes.Values.Sum(m => m.Incidents));
    }
}
