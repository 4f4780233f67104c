using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HaSim.Benchmarks.Models;

namespace HaSim.Benchmarks;

/// <summary>
/// Machine-repair (N=1000, C=10, up mean 100, repair mean 5, T=500,000): kernel against bare loop.
/// Each benchmark returns its throughput after checking it against the exact 2.000.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EventColumnsConfig))]
public class MachineRepairBenchmarks
{
    [Benchmark(Baseline = true, Description = "machine-repair bare")]
    public double Bare() => ModelChecks.MachineRepair(MachineRepair.RunBare());

    [Benchmark(Description = "machine-repair kernel")]
    public double Kernel() => ModelChecks.MachineRepair(MachineRepair.RunKernel());
}

/// <summary>Timeouts-only (10,000 processes, Exp(mean 1) timeouts, T=200): kernel against bare loop.</summary>
[MemoryDiagnoser]
[Config(typeof(EventColumnsConfig))]
public class TimeoutsOnlyBenchmarks
{
    [Benchmark(Baseline = true, Description = "timeouts-only bare")]
    public double Bare() => ModelChecks.TimeoutsOnly(TimeoutsOnly.RunBare());

    [Benchmark(Description = "timeouts-only kernel")]
    public double Kernel() => ModelChecks.TimeoutsOnly(TimeoutsOnly.RunKernel());
}

/// <summary>Adds events per run, events per second and allocated bytes per event to the summary.</summary>
public sealed class EventColumnsConfig : ManualConfig
{
    public EventColumnsConfig()
    {
        AddColumn(EventColumn.Events, EventColumn.EventsPerSecond, EventColumn.BytesPerEvent);
    }
}

/// <summary>Sanity checks that also keep the result alive.</summary>
public static class ModelChecks
{
    public static double MachineRepair(ModelResult r)
    {
        // Exact: 2.000 repairs per unit time, mean wait 395.0; a 500,000 run lands well within 1%.
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
