using System.CommandLine;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Fleet;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Output;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim merge</c>: combines the partial results of every shard into the single run's summary.</summary>
internal static class MergeCommand
{
    public static (Command, string[]) Create()
    {
        var inputs = new Argument<string[]>("partials") { Description = "Shard output directories (each holding partial.json, or fleet-partial.json for a fleet) or those files, one per shard, in any order.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Directory for summary.json and report.txt, written as a whole or not at all (default: results/<scenario name>/monte-carlo)." };
        var noFiles = new Option<bool>("--no-files") { Description = "Print only; write no output directory." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Accepted for symmetry with run; merge prints no progress." };
        var format = CommonOptions.FormatOption();
        var command = new Command("merge", "Merge the partial results of a sharded Monte Carlo run (hasim run --shard i/N) into summary.json, byte-identical to what a single run writes. Checks that every shard of the same run is present exactly once and that no partial was edited or damaged (its digest and its counts must agree); exit code 2 naming the file if not.")
        {
            inputs, output, noFiles, quiet, format,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetRequiredValue(inputs);
            if (paths.Length > 0 && FleetPartialResult.IsAt(paths[0]))
            {
                return MergeFleet(parse, paths, parse.GetValue(output), parse.GetValue(noFiles), parse.GetValue(format)!);
            }

            var partials = new List<(string, PartialResult)>();
            try
            {
                foreach (var path in parse.GetRequiredValue(inputs))
                {
                    CliSession.Token.ThrowIfCancellationRequested();
                    partials.Add((path, PartialResult.Read(path)));
                }

                var (scenario, accumulator) = PartialResult.Merge(partials);
                string? dir = parse.GetValue(noFiles) ? null : parse.GetValue(output) ?? Path.Combine("results", ResultFolder.Slug(scenario.Name), "monte-carlo");
                using var folder = CliSession.Prepare(dir);
                var summary = accumulator.Summarise(scenario);
                if (folder is not null)
                {
                    MonteCarloOutput.WriteSummary(folder, summary);
                    CliSession.Commit(folder);
                }

                MonteCarloCommand.Print(parse.InvocationConfiguration.Output, summary, parse.GetValue(format)!, dir);
                return ExitCodes.Success;
            }
            catch (PartialResultException e)
            {
                throw new CliInputException("merge: " + e.Message);
            }
        });
        return (command,
        [
            "hasim merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 --out out/merged",
            "hasim merge out/fleet-shard-0 out/fleet-shard-1 --out out/fleet   (shards of a fleet run: fleet-partial.json)",
            "hasim merge /results/shard-* --out /results/merged --format json",
        ]);
    }

    private static int MergeFleet(ParseResult parse, string[] paths, string? outDir, bool noFiles, string format)
    {
        var partials = new List<(string, FleetPartialResult)>();
        try
        {
            foreach (var path in paths)
            {
                CliSession.Token.ThrowIfCancellationRequested();
                partials.Add((path, FleetPartialResult.Read(path)));
            }

            var (scenario, accumulator) = FleetPartialResult.Merge(partials);
            var summary = accumulator.Summarise(scenario);
            string? dir = noFiles ? null : outDir ?? Path.Combine("results", ResultFolder.Slug(scenario.Name), summary.Settings.RandomFailures ? "monte-carlo" : "replications");
            using var folder = CliSession.Prepare(dir);
            if (folder is not null)
            {
                FleetOutput.Write(folder, summary);
                CliSession.Commit(folder);
            }

            FleetCommand.Print(parse.InvocationConfiguration.Output, summary, format, dir, FleetOutput.Files(replay: false));
            return ExitCodes.Success;
        }
        catch (PartialResultException e)
        {
            throw new CliInputException("merge: " + e.Message);
        }
    }
}
