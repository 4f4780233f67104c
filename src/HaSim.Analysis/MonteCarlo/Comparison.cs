using HaSim.Analysis.Statistics;
using HaSim.Model.Metrics;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Collects a comparison of several scenarios run with common random numbers: every scenario runs
/// replication <c>i</c> with the same seed, so failures drawn from streams of the same name (zone,
/// region and component failures of the same class and target) happen at the same times, and the
/// per-replication differences between scenarios are much less noisy than independent runs.
/// </summary>
/// <remarks>
/// <para>Per pair (a, b) it keeps exact sums of the per-replication differences b − a (downtime,
/// months missed, incidents, data lost): their means get paired Student t intervals over the replications.</para>
/// <para>Per-incident figures (mean and p99 client RTO, mean RPO seconds) are not defined per
/// replication (a replication may have no incidents), so they use batch means: replication i belongs
/// to batch i mod B (B = min(20, replications)); each batch's statistic is computed per scenario and
/// the paired t interval is over the batches in which both scenarios had incidents.</para>
/// <para>Everything merges exactly, so the result does not depend on the number of threads.</para>
/// </remarks>
public sealed class ComparisonAccumulator
{
    /// <summary>The largest number of batches for per-incident differences.</summary>
    public const int MaxBatches = 20;

    /// <summary>Creates an empty comparison of <paramref name="settings"/> (one per scenario, same years, replications and seed).</summary>
    /// <exception cref="ArgumentException">Fewer than two scenarios, or their years, replications or seeds differ.</exception>
    public ComparisonAccumulator(IReadOnlyList<MonteCarloSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count < 2)
        {
            throw new ArgumentException("A comparison needs at least two scenarios.", nameof(settings));
        }

        var s0 = settings[0];
        if (settings.Any(s => !s.Years.Equals(s0.Years) || s.Replications != s0.Replications || s.Seed != s0.Seed || !s.Level.Equals(s0.Level)))
        {
            throw new ArgumentException("Compared scenarios must run the same years, replications, seed and confidence level.", nameof(settings));
        }

        Batches = (int)Math.Min(MaxBatches, s0.Replications);
        Scenarios = [.. settings.Select(s => new MonteCarloAccumulator(s))];
        ClientRto = [.. settings.Select(_ => Enumerable.Range(0, Batches).Select(_ => new StatisticAccumulator(Quanta.Durations)).ToArray())];
        RpoSeconds = [.. settings.Select(_ => Enumerable.Range(0, Batches).Select(_ => new Moments(Quanta.Durations)).ToArray())];
        for (int a = 0; a < settings.Count; a++)
        {
            for (int b = a + 1; b < settings.Count; b++)
            {
                Pairs.Add(new PairSums(a, b));
            }
        }
    }

    /// <summary>How many batches per-incident differences use.</summary>
    public int Batches { get; }

    /// <summary>Each scenario's full Monte Carlo accumulator, in the order given.</summary>
    public IReadOnlyList<MonteCarloAccumulator> Scenarios { get; }

    internal StatisticAccumulator[][] ClientRto { get; }

    internal Moments[][] RpoSeconds { get; }

    internal List<PairSums> Pairs { get; } = [];

    /// <summary>Records the outcomes of one replication of every scenario (in scenario order).</summary>
    internal void AddPairs(ReadOnlySpan<ReplicationOutcome> outcomes)
    {
        foreach (var p in Pairs)
        {
            var a = outcomes[p.A];
            var b = outcomes[p.B];
            p.Downtime.Add(b.DowntimeSeconds - a.DowntimeSeconds);
            p.MissedFraction.Add(a.Months == 0 ? 0 : ((double)b.MonthsMissed / b.Months) - ((double)a.MonthsMissed / a.Months));
            p.Incidents.Add(b.Incidents - a.Incidents);
            p.RpoBytes.Add(b.RpoBytes - a.RpoBytes);
        }
    }

    /// <summary>Adds everything in <paramref name="other"/> (exact and order-independent).</summary>
    public void Merge(ComparisonAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Scenarios.Count != Scenarios.Count || other.Batches != Batches)
        {
            throw new ArgumentException("Cannot merge comparisons of different shapes.", nameof(other));
        }

        for (int s = 0; s < Scenarios.Count; s++)
        {
            Scenarios[s].Merge(other.Scenarios[s]);
            for (int k = 0; k < Batches; k++)
            {
                ClientRto[s][k].Merge(other.ClientRto[s][k]);
                RpoSeconds[s][k].Merge(other.RpoSeconds[s][k]);
            }
        }

        for (int p = 0; p < Pairs.Count; p++)
        {
            Pairs[p].Merge(other.Pairs[p]);
        }
    }

    /// <summary>The comparison's figures; <paramref name="identities"/> name the scenarios in order.</summary>
    public ComparisonSummary Summarise(IReadOnlyList<ScenarioIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count != Scenarios.Count)
        {
            throw new ArgumentException("One identity per scenario is needed.", nameof(identities));
        }

        var summaries = Scenarios.Select((a, k) => a.Summarise(identities[k])).ToList();
        var s0 = Scenarios[0].Settings;
        double level = s0.Level;
        long n = Scenarios[0].Replications;
        double years = s0.Years;
        double horizon = s0.HorizonSeconds;
        var pairs = new List<PairDifference>();
        foreach (var p in Pairs)
        {
            var downtime = Estimate.Mean(p.Downtime, n, level);
            pairs.Add(new PairDifference(
                p.A,
                p.B,
                downtime.MapDecreasing(d => -d / horizon),
                downtime.Map(d => d / years / 60),
                Estimate.Mean(p.MissedFraction, n, level),
                Estimate.Mean(p.Incidents, n, level, 1 / years),
                Estimate.Mean(p.RpoBytes, n, level, 1 / years),
                BatchDifference(p, level, (s, k) => ClientRto[s][k].Count > 0 ? ClientRto[s][k].Moments.Mean : null),
                BatchDifference(p, level, (s, k) => ClientRto[s][k].Count > 0 ? ClientRto[s][k].Sketch.Quantile(0.99) : null),
                BatchDifference(p, level, (s, k) => RpoSeconds[s][k].Count > 0 ? RpoSeconds[s][k].Mean : null)));
        }

        return new ComparisonSummary(s0.Years, s0.Replications, s0.Seed, level, Batches, summaries, pairs);
    }

    private Estimate BatchDifference(PairSums p, double level, Func<int, int, double?> statistic)
    {
        var diffs = new List<double>();
        for (int k = 0; k < Batches; k++)
        {
            if (statistic(p.A, k) is { } a && statistic(p.B, k) is { } b)
            {
                diffs.Add(b - a);
            }
        }

        return Estimate.MeanOf(diffs, level);
    }

    /// <summary>Exact sums of the per-replication differences of one pair.</summary>
    internal sealed class PairSums(int a, int b)
    {
        public int A { get; } = a;

        public int B { get; } = b;

        public ExactSum Downtime { get; } = new(Quanta.Totals);

        public ExactSum MissedFraction { get; } = new(Quanta.Fractions);

        public ExactSum Incidents { get; } = new(Quanta.Counts);

        public ExactSum RpoBytes { get; } = new(Quanta.Bytes);

        public void Merge(PairSums o)
        {
            Downtime.Merge(o.Downtime);
            MissedFraction.Merge(o.MissedFraction);
            Incidents.Merge(o.Incidents);
            RpoBytes.Merge(o.RpoBytes);
        }
    }
}

/// <summary>The figures of a comparison.</summary>
/// <param name="Years">Years per replication.</param>
/// <param name="Replications">Replications per scenario.</param>
/// <param name="Seed">The common root seed.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Batches">Batches used for per-incident differences.</param>
/// <param name="Scenarios">Each scenario's full summary, in the order given.</param>
/// <param name="Pairs">Every pair (a before b), differences b − a.</param>
public sealed record ComparisonSummary(double Years, long Replications, ulong Seed, double Level, int Batches, IReadOnlyList<MonteCarloSummary> Scenarios, IReadOnlyList<PairDifference> Pairs);

/// <summary>Differences b − a between two compared scenarios, with paired intervals.</summary>
/// <param name="A">Index of the first scenario.</param>
/// <param name="B">Index of the second scenario.</param>
/// <param name="Availability">Availability difference (paired t over replications).</param>
/// <param name="DowntimeMinutesPerYear">Downtime difference, minutes per year (paired t over replications).</param>
/// <param name="SlaMiss">Difference in the probability that a month misses the SLA (each scenario's own target; paired t over replications of the fraction of months missed).</param>
/// <param name="IncidentsPerYear">Difference in incidents per year (paired t over replications).</param>
/// <param name="RpoBytesPerYear">Difference in committed data lost per year, bytes (paired t over replications).</param>
/// <param name="MeanClientRto">Difference in mean client RTO, seconds (paired t over batches).</param>
/// <param name="P99ClientRto">Difference in p99 client RTO, seconds (paired t over batches).</param>
/// <param name="MeanRpoSeconds">Difference in mean RPO per incident, seconds (paired t over batches).</param>
public sealed record PairDifference(
    int A,
    int B,
    Estimate Availability,
    Estimate DowntimeMinutesPerYear,
    Estimate SlaMiss,
    Estimate IncidentsPerYear,
    Estimate RpoBytesPerYear,
    Estimate MeanClientRto,
    Estimate P99ClientRto,
    Estimate MeanRpoSeconds);

/// <summary>Runs a comparison: every replication index for every scenario, on several threads.</summary>
public static class ComparisonRunner
{
    /// <summary>Runs <paramref name="scenarios"/> with common random numbers.</summary>
    /// <param name="scenarios">The scenarios, at least two.</param>
    /// <param name="years">Years per replication.</param>
    /// <param name="replications">Replications per scenario.</param>
    /// <param name="seed">The common root seed.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="progress">Counts completed replication indices (each covering every scenario), if given.</param>
    /// <param name="cancellation">Stops the workers between replications.</param>
    public static ComparisonAccumulator Run(IReadOnlyList<Scenario> scenarios, double years, long replications, ulong seed, int threads, RunProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var settings = scenarios.Select(s => MonteCarloSettings.For(s, years, replications, seed)).ToList();
        var workers = MonteCarloRunner.StartWorkers(replications, threads, cancellation, () =>
        {
            var acc = new ComparisonAccumulator(settings);
            var tallies = new ReplicationTally[scenarios.Count];
            var outcomes = new ReplicationOutcome[scenarios.Count];
            int batch = 0;
            for (int s = 0; s < scenarios.Count; s++)
            {
                int scenario = s;
                tallies[s] = new ReplicationTally(acc.Scenarios[s])
                {
                    IncidentHook = incident =>
                    {
                        if (MetricTable.Rto.Read(incident) is { } rto)
                        {
                            acc.ClientRto[scenario][batch].Add(rto);
                        }

                        acc.RpoSeconds[scenario][batch].Add(MetricTable.RpoSeconds.Read(incident) ?? 0);
                    },
                };
            }

            return (acc, (Action<long>)(i =>
            {
                batch = (int)(i % acc.Batches);
                for (int s = 0; s < scenarios.Count; s++)
                {
                    tallies[s].Begin();
                    ReplicationRunner.Run(scenarios[s], seed, i, years, tallies[s], out _, checkInvariants: false, cancellation);
                    outcomes[s] = tallies[s].Complete();
                }

                acc.AddPairs(outcomes);
                progress?.Increment();
            }));
        });
        var total = new ComparisonAccumulator(settings);
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return total;
    }
}
