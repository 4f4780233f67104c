using HaSim.Analysis.Replays;
using HaSim.Reports.Output;

namespace HaSim.Reports.Replays;

/// <summary>The files of a replays result set: <c>report.txt</c> and <c>summary.json</c> (written into a <see cref="ResultFolder"/>, which the caller commits).</summary>
public static class ReplayOutput
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The readable report file name.</summary>
    public const string ReportFile = "report.txt";

    /// <summary>Writes both files into <paramref name="folder"/>.</summary>
    public static void Write(ResultFolder folder, ReplaySummary summary)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.WriteText(ReportFile, ReplayReport.Render(summary));
        folder.WriteText(SummaryFile, ReplayJson.Summary(summary));
    }
}
