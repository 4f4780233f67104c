using System.CommandLine;
using System.Globalization;
using HaSim.Analysis;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Fleet;
using HaSim.Scenarios.Fleet;

namespace HaSim.Cli.Commands;

/// <summary>
/// <c>hasim run FLEET.yaml</c>: a fleet scenario. Without <c>--replications</c> or <c>--years</c> its
/// timeline is replayed once; with <c>--replications</c> it is replayed that many times (intervals
/// across replications); with <c>--years</c> random failures run too (fleet Monte Carlo).
/// </summary>
internal static class FleetCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Execute(ParseResult parse, FleetScenario fleet, ulong? seedOption, string? outDir, bool noFiles, string format, MonteCarloOptions options, bool checkInvariants)
    {
        var identity = FleetIdentity.FromFile(fleet);
        var stdout = parse.InvocationConfiguration.Output;
        double? years = parse.GetValue(options.Years);
        bool replicated = years is not null || parse.GetResult(options.Replications) is { Implicit: false } || parse.GetValue(options.Shard) is not null;
        ulong seed = seedOption ?? fleet.Seed;
        if (!replicated)
        {
            if (parse.GetResult(options.Threads) is { Implicit: false })
            {
                throw new CliInputException("--threads needs --replications or --years; one replay of a fleet's timeline runs on one thread.");
            }

            var replay = FleetRunner.Replay(fleet, seed, checkInvariants);
            var single = replay.Accumulator.Summarise(identity);
            string? replayDir = noFiles ? null : outDir ?? Path.Combine("results", fleet.Name);
            if (replayDir is not null)
            {
                FleetOutput.Write(replayDir, single, replay);
            }

            Print(stdout, single, format, replayDir, FleetOutput.Files(replay: true));
            if (checkInvariants && format != "json")
            {
                stdout.WriteLine(string.Create(C, $"Invariants: {replay.InvariantChecks} checks held."));
            }

            return ExitCodes.Success;
        }

        if (years is { } y && (!(y > 0) || !double.IsFinite(y) || y > 1e6))
        {
            throw new CliInputException($"--years {y.ToString(C)}: give a positive number of simulated years per replication (at most 1000000).");
        }

        long replications = parse.GetValue(options.Replications);
        if (replications < 1 || replications > MonteCarloSettings.MaxReplications)
        {
            throw new CliInputException($"--replications {replications}: give a whole number from 1 to {MonteCarloSettings.MaxReplications}.");
        }

        int threads = (int)parse.GetValue(options.Threads);
        bool sharded = parse.GetValue(options.Shard) is not null;
        var shard = parse.GetValue(options.Shard) ?? ShardSpec.Whole;
        if (sharded && noFiles)
        {
            throw new CliInputException("--shard writes fleet-partial.json for 'hasim merge'; it cannot be combined with --no-files.");
        }

        var settings = FleetSettings.For(fleet, years, replications, seed);
        string kind = years is null ? "replications" : "monte-carlo";
        string dir = outDir ?? (sharded ? Path.Combine("results", fleet.Name, kind, $"shard-{shard.Index}-of-{shard.Count}") : Path.Combine("results", fleet.Name, kind));
        var progress = new RunProgress(shard.ReplicationsOf(settings.Replications));
        string label = sharded ? $"{fleet.Name} shard {shard}" : fleet.Name;
        var accumulator = MonteCarloProgress.Run(label, progress, parse.InvocationConfiguration.Error, parse.GetValue(options.Quiet), 0, 1,
            ct => FleetRunner.Run(fleet, settings, shard, threads, progress, ct, checkInvariants));

        if (sharded)
        {
            FleetOutput.WritePartial(dir, new FleetPartialResult(identity, settings, shard, accumulator));
            string file = Path.Combine(dir, FleetPartialResult.FileName);
            if (format == "json")
            {
                stdout.Write(JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("format", "hasim.fleet-shard/1");
                    w.WriteString("shard", shard.ToString());
                    w.WriteNumber("replications", accumulator.Replications);
                    w.WriteNumber("of", settings.Replications);
                    w.WriteString("partial", file);
                    w.WriteEndObject();
                }));
            }
            else
            {
                stdout.WriteLine(string.Create(C, $"Shard {shard}: {accumulator.Replications} of {settings.Replications} fleet replications. Wrote {file}"));
                stdout.WriteLine("Combine all shards with: hasim merge <shard dirs...> --out <dir>");
            }

            return ExitCodes.Success;
        }

        var summary = accumulator.Summarise(identity);
        if (!noFiles)
        {
            FleetOutput.Write(dir, summary);
        }

        Print(stdout, summary, format, noFiles ? null : dir, FleetOutput.Files(replay: false));
        return ExitCodes.Success;
    }

    /// <summary>Prints a fleet summary as the report or JSON, and where it was written.</summary>
    public static void Print(TextWriter stdout, FleetSummary summary, string format, string? dir, IReadOnlyList<string> files)
    {
        if (format == "json")
        {
            stdout.Write(FleetJson.Summary(summary));
            return;
        }

        stdout.Write(FleetReport.Render(summary));
        if (dir is not null)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Wrote {string.Join(", ", files)} to {dir}");
        }
    }
}
