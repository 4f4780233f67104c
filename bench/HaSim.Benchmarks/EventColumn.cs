using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HaSim.Benchmarks.Models;

namespace HaSim.Benchmarks;

/// <summary>
/// Summary columns computed from a benchmark's model run. The models are deterministic, so the
/// event count and the steady-state allocation are taken from one extra run in the host process.
/// </summary>
public sealed class EventColumn : IColumn
{
    public static readonly EventColumn Events = new("Events", "Events per run (queue pops)", (run, _, _) => run.Events.ToString("N0"));

    public static readonly EventColumn EventsPerSecond = new(
        "Events/s", "Events per second of wall time", (run, report, _) =>
            report.ResultStatistics is { } stats ? (run.Events / (stats.Mean * 1e-9)).ToString("N0") : "?");

    public static readonly EventColumn BytesPerEvent = new(
        "B/event", "Allocated bytes per event, start-up included", (run, report, benchmark) =>
            (report.GcStats.GetBytesAllocatedPerOperation(benchmark) is long bytes ? (double)bytes / run.Events : double.NaN).ToString("0.000"));

    public static readonly EventColumn SteadyBytesPerEvent = new(
        "Steady B/event", "Allocated bytes per event over the last 90% of simulated time (one run in the host)", (run, _, _) =>
            ((double)run.SteadyAllocatedBytes / run.SteadyEvents).ToString("0.0000"));

    private static readonly ConcurrentDictionary<string, ModelResult> Runs = new();
    private readonly Func<ModelResult, BenchmarkReport, BenchmarkCase, string> _format;

    private EventColumn(string name, string legend, Func<ModelResult, BenchmarkReport, BenchmarkCase, string> format)
    {
        ColumnName = name;
        Legend = legend;
        _format = format;
    }

    public string Id => nameof(EventColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
        {
            return "-";
        }

        var run = Runs.GetOrAdd(benchmarkCase.Descriptor.WorkloadMethod.Name, RunOnce);
        return _format(run, report, benchmarkCase);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static ModelResult RunOnce(string method) => method switch
    {
        nameof(ModelBenchmarks.MachineRepairBare) => MachineRepair.RunBare(),
        nameof(ModelBenchmarks.MachineRepairKernel) => MachineRepair.RunKernel(),
        nameof(ModelBenchmarks.TimeoutsOnlyBare) => TimeoutsOnly.RunBare(),
        nameof(ModelBenchmarks.TimeoutsOnlyKernel) => TimeoutsOnly.RunKernel(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown benchmark."),
    };
}
