using System.CommandLine;
using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Replays;
using HaSim.Model.Parameters;
using HaSim.Reports.Output;
using HaSim.Reports.Replays;
using HaSim.Scenarios.Binding;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim run FILE --replications N</c> without <c>--years</c>: the scripted timeline replayed over N seeds, no random failures.</summary>
internal static class ReplayCommand
{
    public static int Execute(ParseResult parse, string scenarioPath, ulong? seedOption, string? outDir, bool noFiles, string format, MonteCarloOptions options, bool checkInvariants)
    {
        var scenario = ScenarioLoader.Load(scenarioPath);
        if (scenario.Timeline.Count == 0)
        {
            throw new CliInputException($"{scenario.FilePath}: the scenario has no timeline to replay; give --years to run random failures instead.");
        }

        long replications = parse.GetValue(options.Replications);
        if (replications < 1 || replications > MonteCarloSettings.MaxReplications)
        {
            throw new CliInputException($"--replications {replications.ToString(CultureInfo.InvariantCulture)}: give a whole number from 1 to {MonteCarloSettings.MaxReplications}.");
        }

        int threads = (int)parse.GetValue(options.Threads);
        ulong seed = seedOption ?? scenario.Seed;
        var identity = ScenarioIdentity.FromFile(scenario);

        // A replay has no random failures: its work is its scripted faults, once per seed.
        RunBudget.Check([scenario], 0, replications, parse.GetValue(options.MaxEvents), "--max-events");
        string? dir = noFiles ? null : outDir ?? Path.Combine("results", ResultFolder.Slug(scenario.Name), "replays");
        using var folder = CliSession.Prepare(dir);
        var progress = new RunProgress(replications);
        double horizonYears = Math.Max(scenario.HorizonSeconds, 1) / Units.SecondsPerYear * replications;
        var accumulator = MonteCarloProgress.Run(scenario.Name + " replays", progress, parse.InvocationConfiguration.Error, parse.GetValue(options.Quiet),
            RunBudget.ExpectedFailures([scenario], 0, replications), horizonYears,
            ct => ReplayRunner.Run(scenario, replications, seed, threads, progress, ct, checkInvariants));
        var summary = accumulator.Summarise(identity);
        if (folder is not null)
        {
            ReplayOutput.Write(folder, summary);
            CliSession.Commit(folder);
        }

        var stdout = parse.InvocationConfiguration.Output;
        if (format == "json")
        {
            stdout.Write(ReplayJson.Summary(summary));
        }
        else
        {
            stdout.Write(ReplayReport.Render(summary));
            if (dir is not null)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Wrote {ReplayOutput.SummaryFile} and {ReplayOutput.ReportFile} to {dir}");
            }
        }

        return summary.ExpectationsMet ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
