using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Output;

namespace HaSim.Reports.MonteCarlo;

/// <summary>Writes Monte Carlo output directories, each file atomically.</summary>
public static class MonteCarloOutput
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The readable report file name.</summary>
    public const string ReportFile = "report.txt";

    /// <summary>The comparison file name.</summary>
    public const string ComparisonFile = "comparison.json";

    /// <summary>Writes <c>report.txt</c> then <c>summary.json</c> (last, so a directory with a summary is complete).</summary>
    public static void WriteSummary(string directory, MonteCarloSummary summary)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), MonteCarloReport.Render(summary));
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), MonteCarloJson.Summary(summary));
    }

    /// <summary>Writes a shard's <c>partial.json</c>.</summary>
    public static void WritePartial(string directory, PartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        AtomicFile.WriteAllText(Path.Combine(directory, PartialResult.FileName), partial.ToJsonText());
    }

    /// <summary>Writes a comparison: one sub-directory per scenario with its summary, then <c>report.txt</c> and <c>comparison.json</c>.</summary>
    public static void WriteComparison(string directory, ComparisonSummary comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in comparison.Scenarios)
        {
            string name = SafeName(s.Scenario.Name);
            string unique = name;
            for (int k = 2; !used.Add(unique); k++)
            {
                unique = $"{name}-{k}";
            }

            WriteSummary(Path.Combine(directory, unique), s);
        }

        AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), MonteCarloReport.Render(comparison));
        AtomicFile.WriteAllText(Path.Combine(directory, ComparisonFile), MonteCarloJson.Comparison(comparison));
    }

    private static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var s = new string(chars).Trim('.');
        return s.Length == 0 ? "scenario" : s;
    }
}
