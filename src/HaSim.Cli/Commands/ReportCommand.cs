using System.CommandLine;
using HaSim.Reports.Charts;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
using HaSim.Scenarios.Units;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim report</c>: one self-contained HTML page (and a Markdown twin with PNG charts) from a results folder.</summary>
internal static class ReportCommand
{
    public static (Command, string[]) Create()
    {
        var directory = new Argument<string>("results") { Description = "A results folder written by 'hasim run' (scripted, --years or a fleet), 'hasim merge', 'hasim compare --out' or 'hasim sweep'." };
        var budget = BudgetOption();
        var output = new Option<string?>("--out", "-o") { Description = "Where to write report.html and report-md/ as their own result set (default: into the results folder, which is then rewritten as a whole with the report in its manifest)." };
        var command = new Command("report", "Write a report people would rather look at than read: report.html (one self-contained file, charts inline as SVG, no network) and report-md/report.md with PNG charts, from a results folder. Charts: client RTO distributions per failure mode (or per scenario), monthly uptime against the SLA, downtime by failure mode and by recovery stage; for scripted runs a timeline of what was down and each incident's recovery stages; for fleet runs the fleet's recovery curve after each kind of fleet event, the time until 50/90/99/100% of its databases were back with intervals, the per-database RTO distribution and the shared pools' peak use and waits; for sweeps each figure across the sweep with its confidence band and the goal line, and the cost per month with the chosen point.")
        {
            directory, budget, output,
        };
        command.SetAction(parse =>
        {
            var options = new ReportOptions(ParseBudget(parse.GetValue(budget)));
            var files = Write(parse.GetRequiredValue(directory), options, parse.GetValue(output));
            parse.InvocationConfiguration.Output.WriteLine($"Wrote {files.Html} and {files.Markdown} ({files.Charts} charts; {Describe(files.Kind)})");
            return ExitCodes.Success;
        });
        return (command,
        [
            "hasim report results/serverless-az-outage",
            "hasim report out/mc --budget '2 min'          (draws a client RTO budget on the recovery charts)",
            "hasim report out/compare --out /tmp/compare-report",
            "hasim report results/serverless-2000-spare-slot-sweep/sweep   (a sweep: curves with bands, the goal, cost)",
            "hasim report results/serverless-2000-az-outage          (a fleet run: recovery curve, time to 50/90/99/100% back)",
            "hasim run serverless.yaml --years 100 --replications 1000 --out out/mc --report   (run and report in one go)",
        ]);
    }

    /// <summary>The <c>--budget</c> option, shared by run and compare.</summary>
    public static Option<string?> BudgetOption() => new("--budget")
    {
        Description = "A client RTO budget (a duration such as '120 s' or '2 min') to draw on the report's recovery-time charts and incident timelines.",
    };

    /// <summary>The <c>--report</c> option of run and compare.</summary>
    public static Option<bool> ReportOption() => new("--report")
    {
        Description = "Also write report.html and report-md/ (see 'hasim report') into the output folder.",
    };

    /// <summary>What <c>--report</c> and <c>--budget</c> ask of run or compare, checked before anything runs; null when no report is wanted.</summary>
    public static ReportRequest? Request(bool report, string? budget, bool noFiles)
    {
        double? seconds = ParseBudget(budget);
        if (!report)
        {
            return budget is null ? null : throw new CliInputException("--budget is drawn on the report: add --report (or give it to 'hasim report').");
        }

        return noFiles ? throw new CliInputException("--report writes into the results folder; it cannot be combined with --no-files.") : new ReportRequest(seconds);
    }

    /// <summary>
    /// Adds the report asked for to the result set a run is writing, before it is committed, so the
    /// results and their report appear together or not at all; null when none was asked for.
    /// </summary>
    public static ReportFiles? AddTo(ResultFolder? folder, ReportRequest? request)
    {
        if (request is null || folder is null)
        {
            return null;
        }

        return Guard(() => ResultsReport.WriteInto(folder, new ReportOptions(request.BudgetSeconds)));
    }

    /// <summary>Says where the report of a run went (on stderr when stdout carries JSON).</summary>
    public static void Announce(ParseResult parse, ReportFiles? files, bool json)
    {
        if (files is null)
        {
            return;
        }

        var writer = json ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output;
        writer.WriteLine($"Wrote {files.Html} and {files.Markdown} ({files.Charts} charts)");
    }

    public static double? ParseBudget(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!Durations.TryParse(text, out double seconds, out var error))
        {
            throw new CliInputException($"--budget '{text}': {error.Message}");
        }

        if (!(seconds > 0) || !double.IsFinite(seconds))
        {
            throw new CliInputException($"--budget '{text}': give a positive duration, such as '120 s' or '2 min'.");
        }

        return seconds;
    }

    /// <summary>Writes the report of <paramref name="directory"/>; bad or missing results are bad input (exit 2).</summary>
    public static ReportFiles Write(string directory, ReportOptions options, string? outDirectory = null) =>
        Guard(() => ResultsReport.Write(directory, options, outDirectory));

    private static ReportFiles Guard(Func<ReportFiles> write)
    {
        try
        {
            return write();
        }
        catch (ReportInputException e)
        {
            throw new CliInputException("report: " + e.Message);
        }
        catch (ChartFontsMissingException e)
        {
            throw new CliInputException("report: " + e.Message);
        }
    }

    private static string Describe(ResultsKind kind) => kind switch
    {
        ResultsKind.Scripted => "scripted replay",
        ResultsKind.MonteCarlo => "Monte Carlo run",
        ResultsKind.Sweep => "sweep",
        ResultsKind.Fleet => "fleet run",
        _ => "comparison",
    };
}

/// <summary>A report to write after a run.</summary>
/// <param name="BudgetSeconds">The client RTO budget to draw, if any.</param>
internal sealed record ReportRequest(double? BudgetSeconds);
