using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HaSim.Benchmarks.Models;

namespace HaSim.Benchmarks;

/// <summary>
/// Summary columns computed from the event count of a benchmark's model. The models are
/// deterministic, so the count is taken from one extra run in the host process.
/// </summary>
public sealed class EventColumn : IColumn
{
    public static readonly EventColumn Events = new("Events", "Events per run (queue pops)", (events, _, _) => events.ToString("N0"));

    public static readonly EventColumn EventsPerSecond = new(
        "Events/s", "Events per second of wall time", (events, report, _) =>
            report.ResultStatistics is { } stats ? (events / (stats.Mean * 1e-9)).ToString("N0") : "?");

    public static readonly EventColumn BytesPerEvent = new(
        "B/event", "Allocated bytes per event, start-up included", (events, report, benchmark) =>
            (report.GcStats.GetBytesAllocatedPerOperation(benchmark) is long bytes ? (double)bytes / events : double.NaN).ToString("0.000"));

    private static readonly ConcurrentDictionary<string, long> EventCounts = new();
    private readonly Func<long, BenchmarkReport, BenchmarkCase, string> _format;

    private EventColumn(string name, string legend, Func<long, BenchmarkReport, BenchmarkCase, string> format)
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

        string key = benchmarkCase.Descriptor.Type.Name + "." + benchmarkCase.Descriptor.WorkloadMethod.Name;
        long events = EventCounts.GetOrAdd(key, CountEvents);
        return _format(events, report, benchmarkCase);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static long CountEvents(string key) => key switch
    {
        "MachineRepairBenchmarks.Bare" => MachineRepair.RunBare().Events,
        "MachineRepairBenchmarks.Kernel" => MachineRepair.RunKernel().Events,
        "TimeoutsOnlyBenchmarks.Bare" => TimeoutsOnly.RunBare().Events,
        "TimeoutsOnlyBenchmarks.Kernel" => TimeoutsOnly.RunKernel().Events,
        _ => 0,
    };
}
