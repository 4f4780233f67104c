using HaSim.Reports.Html;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Output;

namespace HaSim.Reports.Pages;

/// <summary>The kind of results a folder holds.</summary>
public enum ResultsKind
{
    /// <summary>A scripted replay (<c>hasim run</c>): summary.json, trace.jsonl, ...</summary>
    Scripted,

    /// <summary>A Monte Carlo run (<c>hasim run --years</c>, or <c>hasim merge</c>): summary.json.</summary>
    MonteCarlo,

    /// <summary>A comparison (<c>hasim compare --out</c>): comparison.json.</summary>
    Comparison,

    /// <summary>A sweep (<c>hasim sweep</c>): sweep.json.</summary>
    Sweep,
}

/// <summary>What <see cref="ResultsReport.Write"/> wrote.</summary>
/// <param name="Kind">The kind of results reported.</param>
/// <param name="Html">The HTML file.</param>
/// <param name="Markdown">The Markdown file (its charts are PNG files beside it).</param>
/// <param name="Charts">How many charts the report holds.</param>
public sealed record ReportFiles(ResultsKind Kind, string Html, string Markdown, int Charts);

/// <summary>
/// <c>hasim report</c>: reads a results folder, builds its report and writes it as one
/// self-contained HTML file and a Markdown file with PNG charts, each written whole or not at all.
/// </summary>
public static class ResultsReport
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>The folder of the Markdown report and its charts.</summary>
    public const string MarkdownFolder = "report-md";

    /// <summary>The Markdown report's file name inside <see cref="MarkdownFolder"/>.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>Reads the results in <paramref name="directory"/> and builds their report.</summary>
    /// <exception cref="ReportInputException">The folder holds no results a report can be made from, or a file is malformed.</exception>
    public static (ResultsKind Kind, ReportDocument Document, string Footer) Build(string directory, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(directory))
        {
            throw new ReportInputException($"{directory}: no such results folder");
        }

        string sweep = Path.Combine(directory, Sweeps.SweepFormat.JsonFile);
        string nestedSweep = Path.Combine(directory, "sweep", Sweeps.SweepFormat.JsonFile);
        if (File.Exists(sweep) || (File.Exists(nestedSweep) && !File.Exists(Path.Combine(directory, MonteCarloOutput.SummaryFile))))
        {
            string file = File.Exists(sweep) ? sweep : nestedSweep; // results/<name>/sweep of a sweep run
            var result = SweepResultFile.Parse(file, Read(file));
            return (ResultsKind.Sweep, SweepPage.Build(result), Footer(Sweeps.SweepFormat.Format, []));
        }

        string comparison = Path.Combine(directory, MonteCarloOutput.ComparisonFile);
        if (File.Exists(comparison))
        {
            var c = ComparisonResult.Parse(comparison, Read(comparison));
            return (ResultsKind.Comparison, ComparisonPage.Build(c, options), Footer(MonteCarloJson.CompareFormat, c.Scenarios.Select(s => s.Hash)));
        }

        string summary = Path.Combine(directory, MonteCarloOutput.SummaryFile);
        string nested = Path.Combine(directory, "monte-carlo", MonteCarloOutput.SummaryFile);
        if (!File.Exists(summary) && File.Exists(nested))
        {
            summary = nested; // results/<name> of a Monte Carlo run keeps its summary one level down
        }

        if (!File.Exists(summary))
        {
            string hint = File.Exists(Path.Combine(directory, "partial.json"))
                ? "it holds one shard's partial.json; combine the shards with 'hasim merge' and report on the merged folder"
                : "expected summary.json (from 'hasim run' or 'hasim merge') or comparison.json (from 'hasim compare --out')";
            throw new ReportInputException($"{directory}: no results to report: {hint}");
        }

        string text = Read(summary);
        string format = JsonFields.Parse(summary, text).String("format");
        if (format == ScriptedResult.Format)
        {
            string trace = Path.Combine(Path.GetDirectoryName(summary)!, "trace.jsonl");
            var s = ScriptedResult.Parse(summary, text, trace, File.Exists(trace) ? Read(trace) : null);
            return (ResultsKind.Scripted, ScriptedPage.Build(s, options), Footer(ScriptedResult.Format, []));
        }

        var m = MonteCarloResult.Parse(summary, text);
        return (ResultsKind.MonteCarlo, MonteCarloPage.Build(m, options), Footer(MonteCarloJson.SummaryFormat, [m.Hash]));
    }

    /// <summary>Builds the report of <paramref name="directory"/> and writes it into <paramref name="outDirectory"/> (default: the results folder).</summary>
    public static ReportFiles Write(string directory, ReportOptions options, string? outDirectory = null)
    {
        var (kind, document, footer) = Build(directory, options);
        string target = outDirectory ?? directory;
        string html = Path.Combine(target, HtmlFile);
        string folder = Path.Combine(target, MarkdownFolder);
        var (markdown, images) = MarkdownReportWriter.Render(document, footer);
        string page = HtmlReportWriter.Render(document, footer);

        // Markdown and its charts move in as one folder; the HTML file last.
        AtomicDirectory.Replace(folder, staging =>
        {
            foreach (var (file, png) in images)
            {
                File.WriteAllBytes(Path.Combine(staging, file), png);
            }

            File.WriteAllText(Path.Combine(staging, MarkdownFile), markdown);
        });
        AtomicFile.WriteAllText(html, page);
        return new ReportFiles(kind, html, Path.Combine(folder, MarkdownFile), document.Charts.Count());
    }

    private static string Footer(string format, IEnumerable<string> hashes)
    {
        var h = hashes.ToList();
        return $"HaSim report from results of format {format}" + (h.Count > 0 ? "; scenario " + string.Join(", ", h) : "") + ". The same results give the same report.";
    }

    private static string Read(string path)
    {
        const long Limit = 256L << 20; // a summary is well under a megabyte; refuse to read a runaway file whole
        var info = new FileInfo(path);
        if (info.Length > Limit)
        {
            throw new ReportInputException($"{path}: {info.Length} bytes is too large for a results file");
        }

        return File.ReadAllText(path);
    }
}
