using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Output;

namespace HaSim.Reports.MonteCarlo;

/// <summary>The files of Monte Carlo result sets (written into a <see cref="ResultFolder"/>, which the caller commits).</summary>
public static class MonteCarloOutput
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The readable report file name.</summary>
    public const string ReportFile = "report.txt";

    /// <summary>The comparison file name.</summary>
    public const string ComparisonFile = "comparison.json";

    /// <summary>Writes <c>report.txt</c> and <c>summary.json</c> into <paramref name="folder"/> (under <paramref name="prefix"/>, e.g. "scenario-a/").</summary>
    public static void WriteSummary(ResultFolder folder, MonteCarloSummary summary, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.WriteText(prefix + ReportFile, MonteCarloReport.Render(summary));
        folder.WriteText(prefix + SummaryFile, MonteCarloJson.Summary(summary));
    }

    /// <summary>Writes a shard's <c>partial.json</c> into <paramref name="folder"/>.</summary>
    public static void WritePartial(ResultFolder folder, PartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(partial);
        folder.WriteText(PartialResult.FileName, partial.ToJsonText());
    }

    /// <summary>Writes a comparison into <paramref name="folder"/>: one sub-folder per scenario (a safe slug of its name) with its summary, <c>report.txt</c> and <c>comparison.json</c>.</summary>
    public static void WriteComparison(ResultFolder folder, ComparisonSummary comparison)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(comparison);
        var used = new HashSet<string>(StringComparer.Ordinal) { ReportFile, ComparisonFile, ResultFolder.ManifestFile };
        foreach (var s in comparison.Scenarios)
        {
            string name = ResultFolder.Slug(s.Scenario.Name);
            string unique = name;
            for (int k = 2; !used.Add(unique); k++)
            {
                unique = $"{name}-{k}";
            }

            WriteSummary(folder, s, unique + "/");
        }

        folder.WriteText(ReportFile, MonteCarloReport.Render(comparison));
        folder.WriteText(ComparisonFile, MonteCarloJson.Comparison(comparison));
    }
}
