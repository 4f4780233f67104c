using System.CommandLine;
using System.Globalization;
using HaSim.Analysis;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Reports.Fleet;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
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

    public static int Execute(ParseResult parse, FleetScenario fleet, ulong? seedOption, string? outDir, bool noFiles, string format, MonteCarloOptions options, bool checkInvariants, ReportRequest? report = null)
    {
        var identity = FleetIdentity.FromFile(fleet);
        var stdout = parse.InvocationConfiguration.Output;
        double? years = parse.GetValue(options.Years);
        bool replicated = years is not null || parse.GetResult(options.Replications) is { Implicit: false } || parse.GetValue(options.Shard) is not null;
        ulong seed = seedOption ?? fleet.Seed;
        long maxEvents = parse.GetValue(options.MaxEvents);
        string slug = ResultFolder.Slug(fleet.Name);
        if (!replicated)
        {
            if (parse.GetResult(options.Threads) is { Implicit: false })
            {
                throw new CliInputException("--threads needs --replications or --years; one replay of a fleet's timeline runs on one thread.");
            }

            FleetBudget.Check(fleet, null, 1, maxEvents, "--max-events");
            string? replayDir = noFiles ? null : outDir ?? Path.Combine("results", slug);
            using var replayFolder = CliSession.Prepare(replayDir);
            CliSession.Token.ThrowIfCancellationRequested();
            var replay = FleetRunner.Replay(fleet, seed, checkInvariants, CliSession.Token);
            CliSession.Token.ThrowIfCancellationRequested();
            var single = replay.Accumulator.Summarise(identity);
            ReportFiles? replayReport = null;
            if (replayFolder is not null)
            {
                FleetOutput.Write(replayFolder, single, replay);
                replayReport = ReportCommand.AddTo(replayFolder, report);
                CliSession.Commit(replayFolder);
            }

            Print(stdout, single, format, replayDir, FleetOutput.Files(replay: true));
            if (checkInvariants && format != "json")
            {
                stdout.WriteLine(string.Create(C, $"Invariants: {replay.InvariantChecks} checks held."));
            }

            ReportCommand.Announce(parse, replayReport, format == "json");
            return ExitCodes.Success;
        }

        if (years is { } y && (!(y > 0) || !double.IsFinite(y) || y > 1e6))
        {
            throw new CliInputException($"--years {y.ToString(C)}: give a positive number of simulated years per replication (at most 1000000).");
        }

        long replications = parse.GetValue(options.Replications);
        if (replications < 1 || replications > MonteCarloSettings.MaxReplications)
        {
            throw new CliInputException($"--replications {replications.ToString(C)}: give a whole number from 1 to {MonteCarloSettings.MaxReplications}.");
        }

        int threads = (int)parse.GetValue(options.Threads);
        bool sharded = parse.GetValue(options.Shard) is not null;
        var shard = parse.GetValue(options.Shard) ?? ShardSpec.Whole;
        if (sharded && noFiles)
        {
            throw new CliInputException("--shard writes fleet-partial.json for 'hasim merge'; it cannot be combined with --no-files.");
        }

        if (sharded && report is not null)
        {
            throw new CliInputException("--report needs a whole run's summary, and a shard writes only fleet-partial.json: combine the shards with 'hasim merge', then run 'hasim report' on the merged folder.");
        }

        var settings = FleetSettings.For(fleet, years, replications, seed);
        long shardReplications = shard.ReplicationsOf(settings.Replications);
        FleetBudget.Check(fleet, years, shardReplications, maxEvents, "--max-events");
        string kind = years is null ? "replications" : "monte-carlo";
        string? dir = noFiles ? null : outDir ?? (sharded ? Path.Combine("results", slug, kind, string.Create(C, $"shard-{shard.Index}-of-{shard.Count}")) : Path.Combine("results", slug, kind));
        using var folder = CliSession.Prepare(dir);
        var progress = new RunProgress(shardReplications);
        string label = sharded ? $"{fleet.Name} shard {shard}" : fleet.Name;
        double expected = FleetWorkEstimate.ExpectedFailures(fleet, years, shardReplications);
        double simulatedYears = settings.RunSeconds / HaSim.Model.Parameters.Units.SecondsPerYear * shardReplications * fleet.DatabaseCount;
        var accumulator = MonteCarloProgress.Run(label, progress, parse.InvocationConfiguration.Error, parse.GetValue(options.Quiet), expected, simulatedYears,
            ct => FleetRunner.Run(fleet, settings, shard, threads, progress, ct, checkInvariants));

        if (sharded)
        {
            FleetOutput.WritePartial(folder!, new FleetPartialResult(identity, settings, shard, accumulator));
            CliSession.Commit(folder!);
            ShardAnnouncement.Print(stdout, format, "hasim.fleet-shard/1", "fleet replications", shard, accumulator.Replications, settings.Replications, Path.Combine(dir!, FleetPartialResult.FileName));
            return ExitCodes.Success;
        }

        var summary = accumulator.Summarise(identity);
        ReportFiles? written = null;
        if (folder is not null)
        {
            FleetOutput.Write(folder, summary);
            written = ReportCommand.AddTo(folder, report);
            CliSession.Commit(folder);
        }

        Print(stdout, summary, format, dir, FleetOutput.Files(replay: false));
        ReportCommand.Announce(parse, written, format == "json");
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
