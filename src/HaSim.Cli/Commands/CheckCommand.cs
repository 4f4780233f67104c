using System.CommandLine;
using HaSim.Analysis.Budgets;
using HaSim.Reports.Budgets;
using HaSim.Reports.Output;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim check</c>: judges a budgets file, compares with the committed baselines, and writes JUnit and Markdown for CI.</summary>
internal static class CheckCommand
{
    public static (Command, string[]) Create()
    {
        var options = new BudgetRunOptions();
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML here (checked before the run, replaced as a whole): one test case per budget; a failure, regression or stale baseline is a <failure> naming the figure, the limit and the interval." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write a Markdown summary here (checked before the run, replaced as a whole; for $GITHUB_STEP_SUMMARY or a merge-request note)." };
        var inconclusive = new Option<string>("--inconclusive")
        {
            Description = "How an inconclusive budget counts: 'fail' (exit 1, a JUnit failure), 'skip' (exit 0, JUnit skipped) or 'code' (exit 4 if nothing failed, JUnit skipped).",
            DefaultValueFactory = _ => "fail",
        }.AcceptOnlyFromAmong("fail", "skip", "code");
        var command = new Command("check", "Judge a budgets file: each budget's figure (a statistic of RTO, RPO, a stage or degraded time over scripted replays, or availability, SLA misses, credits or data loss over simulated years) with a confidence interval, passing or failing only when the whole interval meets or breaks the limit, doubling the replications of an inconclusive budget up to its cap. "
            + "Compares each figure with its committed baseline on the same seeds (common random numbers) and reports regressions beyond the budget's tolerance, improvements and stale baselines. "
            + "Exit codes: 0 every budget passed; 1 a budget failed, regressed or has a stale baseline (or was inconclusive, by default); 2 invalid input; 4 inconclusive with --inconclusive code.");
        options.AddTo(command);
        command.Options.Add(CommonOptions.Wide());
        command.Options.Add(junit);
        command.Options.Add(markdown);
        command.Options.Add(inconclusive);
        command.SetAction(parse =>
        {
            var (file, _, result) = options.Run(parse, _ =>
            {
                // Where the reports go is checked before any budget is measured.
                foreach (var (flag, path) in new[] { ("--junit", parse.GetValue(junit)), ("--markdown", parse.GetValue(markdown)) })
                {
                    try
                    {
                        if (path is not null)
                        {
                            AtomicFile.CheckWritable(path);
                        }
                    }
                    catch (OutputPathException e)
                    {
                        throw new CliInputException($"{flag}: {e.Message}");
                    }
                }
            });
            CliSession.Token.ThrowIfCancellationRequested();
            string mode = parse.GetValue(inconclusive)!;
            bool failed = result.AnyFailure || (mode == "fail" && result.Inconclusive > 0);
            string word = failed ? "FAIL" : result.Inconclusive > 0 ? "INCONCLUSIVE" : "PASS";
            if (parse.GetValue(junit) is { } junitPath)
            {
                AtomicFile.WriteAllText(junitPath, JUnitReport.Write(result, inconclusiveAsSkipped: mode != "fail"));
            }

            if (parse.GetValue(markdown) is { } markdownPath)
            {
                AtomicFile.WriteAllText(markdownPath, MarkdownSummary.Write(result, word));
            }

            var stdout = parse.InvocationConfiguration.Output;
            stdout.Write(parse.GetValue(options.Format) == "json" ? CheckJson.Write(result, word.ToLowerInvariant()) : CheckReport.Render(result, word));
            return failed ? ExitCodes.ExpectationFailed
                : result.Inconclusive > 0 && mode == "code" ? ExitCodes.Inconclusive
                : ExitCodes.Success;
        });
        return (command,
        [
            "hasim check scenarios/budgets.yaml",
            "hasim check scenarios/budgets.yaml --junit results/check/junit.xml --markdown \"$GITHUB_STEP_SUMMARY\"",
            "hasim check budgets.yaml --max-replications 12800 --inconclusive code --format json > check.json",
            "hasim check budgets.yaml --seed 7 --threads 2 --baselines out/baselines",
        ]);
    }
}
