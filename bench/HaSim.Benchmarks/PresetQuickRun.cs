using System.Diagnostics;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Benchmarks;

/// <summary>
/// <c>--presets [replications] [filter]</c>: Monte Carlo throughput of each preset as
/// <c>hasim run --years 100</c> runs it, measured in CPU time (far steadier than wall time on a
/// shared machine): database-years per CPU-second, bytes allocated, kernel events, settles, settle
/// rounds and stage-only transitions per database-year on one thread; then the whole run on 1 and 2
/// threads, with the CPU ratio (2-thread CPU over 1-thread CPU: 1.0 means the second thread costs
/// nothing extra).
/// </summary>
public static class PresetQuickRun
{
    private const double Years = 100;

    public static int Run(int replications, string? filter)
    {
        Console.WriteLine($"presets: {replications} replications x {Years} years each; warm-up first; CPU = user + system time of this process");
        Console.WriteLine();
        Console.WriteLine($"{"preset",-26} {"db-yr/CPU-s",12} {"B/db-yr",9} {"events/db-yr",13} {"incidents/db-yr",16} {"settles/db-yr",14} {"rounds/db-yr",13} {"stage-only/db-yr",17} {"1-thr CPU s",12} {"2-thr CPU s",12} {"2/1 CPU",8}");
        foreach (var preset in PresetCatalog.All.Where(p => filter is null || p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            var scenario = ScenarioLoader.Parse($"preset: {preset.Name}\n", $"{preset.Name}.yaml");
            var settings = MonteCarloSettings.For(scenario, Years, replications, seed: 1);
            WarmUp(scenario, settings, Math.Max(1, replications / 10));
            var serial = Serial(scenario, settings, replications);
            double one = Cpu(() => MonteCarloRunner.Run(scenario, settings, ShardSpec.Whole, 1));
            double two = Cpu(() => MonteCarloRunner.Run(scenario, settings, ShardSpec.Whole, 2));
            double dbYears = replications * Years;
            Console.WriteLine(
                $"{preset.Name,-26} {dbYears / serial.CpuSeconds,12:N0} {serial.Bytes / dbYears,9:N0} {serial.Work.Events / dbYears,13:N1} {serial.Incidents / dbYears,16:N2} {serial.Work.Settles / dbYears,14:N1} {serial.Work.SettleRounds / dbYears,13:N1} {serial.Work.StageOnlyTransitions / dbYears,17:N1} {one,12:F2} {two,12:F2} {two / one,8:F2}");
        }

        return 0;
    }

    /// <summary>
    /// Runs the preset until the hot methods have reached their optimised tier: at least
    /// <paramref name="replications"/> replications and at least a second of CPU (a shorter warm-up
    /// left the first preset measured partly in the lower tiers, and its figure varied by 30%).
    /// </summary>
    internal static void WarmUp(Scenario scenario, MonteCarloSettings settings, int replications)
    {
        double spent = 0;
        do
        {
            spent += Serial(scenario, settings, replications).CpuSeconds;
        }
        while (spent < 1.0);
    }

    private static (double CpuSeconds, long Bytes, ReplicationWork Work, long Incidents) Serial(Scenario scenario, MonteCarloSettings settings, int replications)
    {
        var accumulator = new MonteCarloAccumulator(settings);
        var tally = new ReplicationTally(accumulator);
        GC.Collect();
        var work = default(ReplicationWork);
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        double cpu = Cpu(() =>
        {
            for (int r = 0; r < replications; r++)
            {
                tally.Begin();
                work += RunReplication(scenario, settings, r, tally);
                tally.Complete();
            }
        });
        return (cpu, GC.GetAllocatedBytesForCurrentThread() - bytes, work, accumulator.Incidents);
    }

    private static ReplicationWork RunReplication(Scenario scenario, MonteCarloSettings settings, int replication, ReplicationTally tally)
    {
#if LEGACY_REPLICATION_API
        // A base build from before replications reported their work (bench/compare-builds): only its events are known.
        ReplicationRunner.Run(scenario, settings.Seed, replication, settings.Years, tally, out long events);
        return new ReplicationWork(events, 0, 0, 0);
#else
        ReplicationRunner.Run(scenario, settings.Seed, replication, settings.Years, tally, out var work);
        return work;
#endif
    }

    /// <summary>The CPU seconds (user + system, all threads) this process spends in <paramref name="run"/>.</summary>
    internal static double Cpu(Action run)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        run();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }
}

#if LEGACY_REPLICATION_API
/// <summary>Stands in for <c>HaSim.Scenarios.Running.ReplicationWork</c> in a base build that predates it.</summary>
internal readonly record struct ReplicationWork(long Events, long Settles, long SettleRounds, long StageOnlyTransitions)
{
    public static ReplicationWork operator +(ReplicationWork a, ReplicationWork b) =>
        new(a.Events + b.Events, a.Settles + b.Settles, a.SettleRounds + b.SettleRounds, a.StageOnlyTransitions + b.StageOnlyTransitions);
}
#endif
