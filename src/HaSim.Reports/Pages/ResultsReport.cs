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

    /// <summary>A fleet run (<c>hasim run FLEET.yaml</c>, or <c>hasim merge</c> of fleet shards): fleet-summary.json.</summary>
    Fleet,
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

        string fleet = Path.Combine(directory, Fleet.FleetOutput.SummaryFile);
        if (File.Exists(fleet))
        {
            var f = FleetResult.Parse(fleet, Read(fleet));
            return (ResultsKind.Fleet, FleetPage.Build(f, options), Footer(FleetResult.Format, [f.Hash]));
        }

        string summary = Path.Combine(directory, MonteCarloOutput.SummaryFile);
        string nested = Path.Combine(directory, "monte-carlo", MonteCarloOutput.SummaryFile);
        if (!File.Exists(summary) && File.Exists(nested))
        {
            summary = nested; // results/<name> of a Monte Carlo run keeps its summary one level down
        }

        if (!File.Exists(summary))
        {
            string hint = File.Exists(Path.Combine(directory, "partial.json")) || File.Exists(Path.Combine(directory, "fleet-partial.json"))
                ? "it holds one shard's partial result; combine the shards with 'hasim merge' and report on the merged folder"
                : "expected summary.json (from 'hasim run' or 'hasim merge'), fleet-summary.json (from a fleet run) or comparison.json (from 'hasim compare --out')";
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

    /// <summary>
    /// Builds the report of <paramref name="directory"/> and writes it into <paramref name="outDirectory"/>
    /// as its own result set, or (by default) into the results folder itself, whose files are carried
    /// into a new result set together with the report, so the folder changes as a whole or not at all.
    /// </summary>
    /// <exception cref="ReportInputException">The folder holds no results a report can be made from, or a file is malformed or damaged.</exception>
    /// <exception cref="OutputPathException">The destination cannot be used.</exception>
    public static ReportFiles Write(string directory, ReportOptions options, string? outDirectory = null)
    {
        var (kind, document, footer) = Build(directory, options);
        string target = outDirectory ?? directory;
        var files = Render(document, footer);
        using var folder = ResultFolder.Create(target);
        if (outDirectory is null)
        {
            CarryResults(directory, folder);
        }

        foreach (var (path, bytes) in files)
        {
            folder.WriteBytes(path, bytes);
        }

        folder.Commit();
        return Files(kind, target, document);
    }

    /// <summary>
    /// Builds the report of the result set being written into <paramref name="folder"/> and adds it
    /// there, before the folder is committed (<c>--report</c>): the report goes in with the results.
    /// </summary>
    /// <exception cref="ReportInputException">The results cannot be reported.</exception>
    public static ReportFiles WriteInto(ResultFolder folder, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (kind, document, footer) = Build(folder.StagingPath, options);
        foreach (var (path, bytes) in Render(document, footer))
        {
            folder.WriteBytes(path, bytes);
        }

        return Files(kind, folder.Display, document);
    }

    private static ReportFiles Files(ResultsKind kind, string target, ReportDocument document) =>
        new(kind, Path.Combine(target, HtmlFile), Path.Combine(target, MarkdownFolder, MarkdownFile), document.Charts.Count());

    /// <summary>The report's files: report.html and report-md/ with report.md and its PNG charts.</summary>
    private static List<(string Path, byte[] Bytes)> Render(ReportDocument document, string footer)
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        var (markdown, images) = MarkdownReportWriter.Render(document, footer);
        var files = new List<(string, byte[])> { (HtmlFile, utf8.GetBytes(HtmlReportWriter.Render(document, footer))) };
        files.AddRange(images.Select(i => ($"{MarkdownFolder}/{i.FileName}", i.Png)));
        files.Add(($"{MarkdownFolder}/{MarkdownFile}", utf8.GetBytes(markdown)));
        return files;
    }

    /// <summary>
    /// Copies the results of <paramref name="directory"/> (every file of its manifest, checked against
    /// it, or without one the top-level files HaSim writes) into <paramref name="folder"/>, leaving out an
    /// earlier report; sub-folders of other results are carried over by the commit.
    /// </summary>
    private static void CarryResults(string directory, ResultFolder folder)
    {
        IReadOnlyDictionary<string, (long Bytes, string Sha256)>? manifest;
        try
        {
            manifest = ResultFolder.ReadManifest(directory);
        }
        catch (FormatException e)
        {
            throw new ReportInputException(e.Message);
        }

        var paths = manifest?.Keys.ToList()
            ?? [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Where(ResultFolder.KnownFileNames.Contains)];
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            if (path == HtmlFile || path.StartsWith(MarkdownFolder + "/", StringComparison.Ordinal) || path == ResultFolder.ManifestFile)
            {
                continue;
            }

            string file = Path.Combine(directory, Path.Combine(path.Split('/')));
            if (!File.Exists(file))
            {
                throw new ReportInputException($"{directory}: {path} is listed in {ResultFolder.ManifestFile} but missing; the folder is incomplete");
            }

            byte[] bytes = File.ReadAllBytes(file);
            if (manifest is not null && Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) != manifest[path].Sha256)
            {
                throw new ReportInputException($"{file}: does not match {ResultFolder.ManifestFile} (edited or damaged after it was written)");
            }

            folder.WriteBytes(path, bytes);
        }
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
