using System.Runtime.ExceptionServices;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>Progress of a running Monte Carlo job, safe to read from another thread.</summary>
public sealed class RunProgress
{
    private long _completed;

    /// <summary>Creates a progress counter for <paramref name="total"/> replications.</summary>
    public RunProgress(long total) => Total = total;

    /// <summary>Replications to run.</summary>
    public long Total { get; }

    /// <summary>Replications completed so far.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    internal void Increment() => Interlocked.Increment(ref _completed);
}

/// <summary>
/// Runs the replications of a Monte Carlo job on several threads. Each worker claims the next
/// replication index from a shared counter, runs it with <see cref="ReplicationRunner"/> (seeded from
/// the root seed and the index only) and adds it to its own <see cref="MonteCarloAccumulator"/>; the
/// workers' accumulators are merged at the end. Merging is exact and order-independent, so the result
/// is the same for any number of threads, any interleaving and any split into shards.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>Runs the replications of <paramref name="shard"/> of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">Years, replications and seed (see <see cref="MonteCarloSettings.For"/>).</param>
    /// <param name="shard">Which replications to run (<see cref="ShardSpec.Whole"/> for all).</param>
    /// <param name="threads">Worker threads (at least 1).</param>
    /// <param name="progress">Counts completed replications, if given.</param>
    /// <param name="cancellation">Stops the workers between replications; the run then throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="checkInvariants">Check the model's invariants on every state change of every replication.</param>
    /// <param name="incidents">Collects the incidents as rows, if given.</param>
    public static MonteCarloAccumulator Run(Scenario scenario, MonteCarloSettings settings, ShardSpec shard, int threads, RunProgress? progress = null, CancellationToken cancellation = default, bool checkInvariants = false,
        IncidentRowCollector? incidents = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        long count = shard.ReplicationsOf(settings.Replications);
        var workers = StartWorkers(count, threads, cancellation, () =>
        {
            var accumulator = new MonteCarloAccumulator(settings);
            var tally = new ReplicationTally(accumulator);
            var rows = incidents?.ForWorker();
            if (rows is not null)
            {
                tally.IncidentHook = rows.Add;
            }

            return (accumulator, (Action<long>)(k =>
            {
                tally.Begin();
                long replication = shard.ReplicationIndex(k);
                rows?.Begin(replication);
                ReplicationRunner.Run(scenario, settings.Seed, replication, settings.Years, tally, out _, checkInvariants, cancellation);
                tally.Complete();
                progress?.Increment();
            }));
        });
        var total = new MonteCarloAccumulator(settings);
        foreach (var w in workers)
        {
            total.Merge(w);
        }

        return total;
    }

    /// <summary>
    /// Runs <paramref name="count"/> work items (0 .. count − 1) on <paramref name="threads"/> threads,
    /// each with its own state from <paramref name="create"/>; returns the states in worker order.
    /// The first failure (by worker order) is rethrown after every worker has stopped.
    /// </summary>
    internal static List<TState> StartWorkers<TState>(long count, int threads, CancellationToken cancellation, Func<(TState State, Action<long> Work)> create)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        threads = (int)Math.Max(1, Math.Min(threads, count));
        long next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var states = new TState[threads];
        var errors = new Exception?[threads];
        var pool = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            int worker = w;
            pool[w] = new Thread(() =>
            {
                try
                {
                    var (state, work) = create();
                    states[worker] = state;
                    while (!stop.IsCancellationRequested)
                    {
                        long k = Interlocked.Increment(ref next);
                        if (k >= count)
                        {
                            break;
                        }

                        work(k);
                    }
                }
                catch (Exception e)
                {
                    errors[worker] = e;
                    stop.Cancel();
                }
            })
            {
                IsBackground = true,
                Name = $"hasim worker {w}",
            };
            pool[w].Start();
        }

        foreach (var t in pool)
        {
            t.Join();
        }

        foreach (var e in errors)
        {
            if (e is not null)
            {
                ExceptionDispatchInfo.Capture(e).Throw();
            }
        }

        cancellation.ThrowIfCancellationRequested();
        return [.. states];
    }
}
