using System.CommandLine;
using HaSim.Analysis.MonteCarlo;
using HaSim.Cli.Options;
using HaSim.Reports.MonteCarlo;
using HaSim.Scenarios.Binding;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim compare</c>: runs several scenarios with common random numbers and reports their differences.</summary>
internal static class CompareCommand
{
    public static (Command, string[]) Create()
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Two or more scenario files to compare.", Arity = ArgumentArity.OneOrMore };
        var years = StrictOptions.Positive("--years", "-y", "Simulated years per replication (at most 100000).", MonteCarloSettings.MaxYears, 10);
        var replications = CommonOptions.Replications(100);
        var seed = CommonOptions.Seed("The common root seed (default: the first scenario's 'seed:'). Every scenario runs replication i with the same seed.");
        var threads = CommonOptions.Threads();
        var output = new Option<string?>("--out", "-o") { Description = "Directory for comparison.json, report.txt and each scenario's summary.json, written as a whole or not at all (default: print only)." };
        var maxEvents = CommonOptions.MaxEvents();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr." };
        var format = CommonOptions.FormatOption();
        var report = ReportCommand.ReportOption();
        var budget = ReportCommand.BudgetOption();
        var command = new Command("compare", "Run scenarios side by side with common random numbers (the same zone, region and component failures at the same times) and report each pair's differences in availability, downtime, RTO, SLA misses and RPO with paired confidence intervals.")
        {
            scenarios, years, replications, seed, threads, output, maxEvents, quiet, format, report, budget, CommonOptions.Wide(),
        };
        command.SetAction(parse =>
        {
            var files = parse.GetRequiredValue(scenarios);
            if (files.Length < 2)
            {
                throw new CliInputException("compare needs at least two scenario files.");
            }

            if (parse.GetValue(report) && parse.GetValue(output) is null)
            {
                throw new CliInputException("--report writes into the comparison's folder: give --out DIR.");
            }

            var reportWanted = ReportCommand.Request(parse.GetValue(report), parse.GetValue(budget), noFiles: false);
            var loaded = files.Select(ScenarioLoader.Load).ToList();
            var identities = loaded.Select(ScenarioIdentity.FromFile).ToList();
            ulong rootSeed = parse.GetValue(seed) ?? loaded[0].Seed;
            long reps = parse.GetValue(replications);
            double y = parse.GetValue(years);
            foreach (var s in loaded)
            {
                MonteCarloSettings.For(s, y, reps, rootSeed);
            }

            RunBudget.Check(loaded, y, reps, parse.GetValue(maxEvents), "--max-events");
            string? dir = parse.GetValue(output);
            using var folder = CliSession.Prepare(dir);
            int t = (int)parse.GetValue(threads);
            var progress = new RunProgress(reps);
            var accumulator = MonteCarloProgress.Run("compare", progress, parse.InvocationConfiguration.Error, parse.GetValue(quiet), RunBudget.ExpectedFailures(loaded, y, reps), y * reps * loaded.Count,
                ct => ComparisonRunner.Run(loaded, y, reps, rootSeed, t, progress, ct));
            var summary = accumulator.Summarise(identities);
            var stdout = parse.InvocationConfiguration.Output;
            HaSim.Reports.Pages.ReportFiles? written = null;
            if (folder is not null)
            {
                MonteCarloOutput.WriteComparison(folder, summary);
                written = ReportCommand.AddTo(folder, reportWanted);
                CliSession.Commit(folder);
            }

            if (parse.GetValue(format) == "json")
            {
                stdout.Write(MonteCarloJson.Comparison(summary));
            }
            else
            {
                stdout.Write(MonteCarloReport.Render(summary));
                if (dir is not null)
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"Wrote {MonteCarloOutput.ComparisonFile}, {MonteCarloOutput.ReportFile} and one summary per scenario to {dir}");
                }
            }

            ReportCommand.Announce(parse, written, parse.GetValue(format) == "json");

            return ExitCodes.Success;
        });
        return (command,
        [
            "hasim compare same-zone.yaml zone-redundant.yaml --years 10 --replications 1000   (each file may be just 'preset: <name>')",
            "hasim compare a.yaml b.yaml c.yaml --years 5 --replications 200 --seed 7 --format json > comparison.json",
            "hasim compare a.yaml b.yaml --years 10 --replications 500 --out out/compare --report --budget '2 min'",
        ]);
    }
}
