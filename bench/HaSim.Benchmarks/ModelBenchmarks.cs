using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HaSim.Benchmarks.Models;

namespace HaSim.Benchmarks;

/// <summary>
/// Each model on the kernel against its bare <see cref="PriorityQueue{TElement, TPriority}"/>
/// loop; the ratio is taken within each model (category). Every benchmark checks its result
/// against the closed form and returns its throughput, so nothing can be optimised away.
/// </summary>
/// <remarks>
/// machine-repair: N=1000, C=10, up mean 100, repair mean 5, T=500,000 (exact: throughput
/// 2.000, mean wait 395.0). timeouts-only: 10,000 processes, Exp(mean 1) timeouts, T=200.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(EventColumnsConfig))]
public class ModelBenchmarks
{
    [BenchmarkCategory("machine-repair")]
    [Benchmark(Baseline = true, Description = "bare")]
    public double MachineRepairBare() => ModelChecks.MachineRepair(MachineRepair.RunBare());

    [BenchmarkCategory("machine-repair")]
    [Benchmark(Description = "kernel")]
    public double MachineRepairKernel() => ModelChecks.MachineRepair(MachineRepair.RunKernel());

    [BenchmarkCategory("timeouts-only")]
    [Benchmark(Baseline = true, Description = "bare")]
    public double TimeoutsOnlyBare() => ModelChecks.TimeoutsOnly(TimeoutsOnly.RunBare());

    [BenchmarkCategory("timeouts-only")]
    [Benchmark(Description = "kernel")]
    public double TimeoutsOnlyKernel() => ModelChecks.TimeoutsOnly(TimeoutsOnly.RunKernel());
}

/// <summary>Adds events per run, events per second and allocated bytes per event to the summary.</summary>
public sealed class EventColumnsConfig : ManualConfig
{
    public EventColumnsConfig()
    {
        AddColumn(EventColumn.Events, EventColumn.EventsPerSecond, EventColumn.BytesPerEvent, EventColumn.SteadyBytesPerEvent);
    }
}

/// <summary>Sanity checks that also keep the result alive.</summary>
public static class ModelChecks
{
    public static double MachineRepair(ModelResult r)
    {
        // Exact: 2.000 repairs per unit time, mean wait 395.0; a 500,000 run lands well within 1% and 2%.
        if (Math.Abs(r.Throughput - 2.0) > 0.02 || Math.Abs(r.MeanWait - 395.0) > 8)
        {
            throw new InvalidOperationException($"machine-repair drifted: throughput {r.Throughput}, mean wait {r.MeanWait}");
        }

        return r.Throughput;
    }

    public static double TimeoutsOnly(ModelResult r)
    {
        double expected = Models.TimeoutsOnly.Processes;
        if (Math.Abs(r.Throughput - expected) > 0.01 * expected)
        {
            throw new InvalidOperationException($"timeouts-only drifted: throughput {r.Throughput}, expected {expected}");
        }

        return r.Throughput;
    }
}
