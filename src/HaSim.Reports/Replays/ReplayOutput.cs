using HaSim.Analysis.Replays;
using HaSim.Reports.Output;

namespace HaSim.Reports.Replays;

/// <summary>Writes the output folder of replays: <c>report.txt</c>, then <c>summary.json</c> (last, so a folder with a summary is complete).</summary>
public static class ReplayOutput
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The readable report file name.</summary>
    public const string ReportFile = "report.txt";

    /// <summary>Writes both files into <paramref name="directory"/>, each atomically.</summary>
    public static void Write(string directory, ReplaySummary summary)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), ReplayReport.Render(summary));
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), ReplayJson.Summary(summary));
    }
}
