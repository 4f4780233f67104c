using HaSim.Analysis.Fleet;
using HaSim.Reports.Output;

namespace HaSim.Reports.Fleet;

/// <summary>The files of fleet result sets (written into a <see cref="ResultFolder"/>, which the caller commits).</summary>
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

    /// <summary>Writes a run's report, curves and summary (and a replay's incidents and steps) into <paramref name="folder"/>.</summary>
    public static void Write(ResultFolder folder, FleetSummary summary, FleetReplay? replay = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(summary);
        folder.WriteText(ReportFile, FleetReport.Render(summary));
        folder.WriteText(CurveFile, FleetCsv.Curves(summary));
        if (replay is not null)
        {
            folder.WriteText(IncidentsFile, FleetCsv.Incidents(replay));
            folder.WriteText(StepsFile, FleetCsv.Steps(replay));
        }

        folder.WriteText(SummaryFile, FleetJson.Summary(summary));
    }

    /// <summary>Writes a shard's <c>fleet-partial.json</c> into <paramref name="folder"/>.</summary>
    public static void WritePartial(ResultFolder folder, FleetPartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(partial);
        folder.WriteText(FleetPartialResult.FileName, partial.ToJsonText());
    }
}
