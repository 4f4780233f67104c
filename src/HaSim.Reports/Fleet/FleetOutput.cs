using HaSim.Analysis.Fleet;
using HaSim.Reports.Output;

namespace HaSim.Reports.Fleet;

/// <summary>Writes fleet output directories, each file atomically; the summary last, so a directory with one is complete.</summary>
public static class FleetOutput
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "fleet-summary.json";

    /// <summary>The readable report.</summary>
    public const string ReportFile = "fleet-report.txt";

    /// <summary>The recovery curves.</summary>
    public const string CurveFile = "recovery-curve.csv";

    /// <summary>A replay's incidents.</summary>
    public const string IncidentsFile = "fleet-incidents.csv";

    /// <summary>A replay's exact recovery steps.</summary>
    public const string StepsFile = "recovery-steps.csv";

    /// <summary>The files a run writes (with <paramref name="replay"/>: a replay's too).</summary>
    public static IReadOnlyList<string> Files(bool replay) => replay ? [ReportFile, CurveFile, IncidentsFile, StepsFile, SummaryFile] : [ReportFile, CurveFile, SummaryFile];

    /// <summary>Writes a run's report, curves and summary (and a replay's incidents and steps) to <paramref name="directory"/>.</summary>
    public static void Write(string directory, FleetSummary summary, FleetReplay? replay = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), FleetReport.Render(summary));
        AtomicFile.WriteAllText(Path.Combine(directory, CurveFile), FleetCsv.Curves(summary));
        if (replay is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, IncidentsFile), FleetCsv.Incidents(replay));
            AtomicFile.WriteAllText(Path.Combine(directory, StepsFile), FleetCsv.Steps(replay));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), FleetJson.Summary(summary));
    }

    /// <summary>Writes a shard's <c>fleet-partial.json</c>.</summary>
    public static void WritePartial(string directory, FleetPartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        AtomicFile.WriteAllText(Path.Combine(directory, FleetPartialResult.FileName), partial.ToJsonText());
    }
}
