using System.CommandLine;
using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.MonteCarlo;
using HaSim.Scenarios.Binding;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim compare</c>: runs several scenarios with common random numbers and reports their differences.</summary>
internal static class CompareCommand
{
    public static (Command, string[]) Create()
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Two or more scenario files to compare.", Arity = ArgumentArity.OneOrMore };
        var years = new Option<double>("--years", "-y") { Description = "Simulated years per replication.", DefaultValueFactory = _ => 10 };
        var replications = new Option<long>("--replications", "-r") { Description = "Replications per scenario.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "The common root seed (default: the first scenario's 'seed:'). Every scenario runs replication i with the same seed." };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads (default: all cores). Results are byte-identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out", "-o") { Description = "Directory for comparison.json, report.txt and each scenario's summary.json (default: print only)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr." };
        var format = CommonOptions.FormatOption();
        var report = ReportCommand.ReportOption();
        var budget = ReportCommand.BudgetOption();
        var command = new Command("compare", "Run scenarios side by side with common random numbers (the same zone, region and component failures at the same times) and report each pair's differences in availability, downtime, RTO, SLA misses and RPO with paired confidence intervals.")
        {
            scenarios, years, replications, seed, threads, output, quiet, format, report, budget,
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
                MonteCarloCommand.Settings(s, y, reps, rootSeed);
            }

            int t = MonteCarloCommand.ParseThreads(parse.GetValue(threads));
            var progress = new RunProgress(reps);
            var accumulator = MonteCarloProgress.Run("compare", progress, parse.InvocationConfiguration.Error, parse.GetValue(quiet),
                ct => ComparisonRunner.Run(loaded, y, reps, rootSeed, t, progress, ct));
            var summary = accumulator.Summarise(identities);
            var stdout = parse.InvocationConfiguration.Output;
            string? dir = parse.GetValue(output);
            if (dir is not null)
            {
                MonteCarloOutput.WriteComparison(dir, summary);
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

            ReportCommand.WriteAfterRun(parse, reportWanted, dir, parse.GetValue(format) == "json");

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
