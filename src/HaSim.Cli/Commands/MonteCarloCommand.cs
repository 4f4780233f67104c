using System.CommandLine;
using System.Globalization;
using HaSim.Analysis;
using HaSim.Analysis.MonteCarlo;
using HaSim.Cli.Options;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Output;
using HaSim.Scenarios.Binding;

namespace HaSim.Cli.Commands;

/// <summary>The Monte Carlo options of <c>hasim run</c> (used when <c>--years</c> is given).</summary>
internal sealed class MonteCarloOptions
{
    public Option<double?> Years { get; } = StrictOptions.OptionalPositive("--years", "-y", "Monte Carlo: simulated years per replication (at most 100000); random failures from the preset (plus the scenario's timeline). Without it, run replays the scripted timeline once.", MonteCarloSettings.MaxYears);

    public Option<long> Replications { get; } = CommonOptions.Replications(100, "Number of replications (digits only, default 100): with --years, of random failures; without, replays of the scripted timeline over as many seeds (no random failures), reporting every metric's distribution and checking each expectation on every replay.");

    public Option<long> Threads { get; } = CommonOptions.Threads("With --years or --replications: worker threads (default: all cores). Results are byte-identical for any value.");

    public Option<ShardSpec?> Shard { get; } = StrictOptions.Shard("Monte Carlo: run only shard i of N (replications with index = i mod N) and write partial.json; combine with 'hasim merge'. Exactly i/N, e.g. 0/4.");

    public Option<long> MaxEvents { get; } = CommonOptions.MaxEvents();

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress on stderr." };

    public Option<string?> Incidents { get; } = new("--incidents")
    {
        Description = "With --years: also write every incident as a row (replication, year, failure mode, each metric with its unit, each stage's time) to FILE, "
            + "CSV or Parquet by its extension (.csv, .parquet); inside --out it joins the result folder, elsewhere it is written on its own (atomically).",
        HelpName = "FILE",
    };

    public Option<long> IncidentsLimit { get; } = StrictOptions.Whole(
        "--incidents-limit", "",
        string.Create(CultureInfo.InvariantCulture, $"With --incidents: the most rows written (default {IncidentRowsFile.DefaultLimit:N0}): the first ones by replication, then time; the run says when it cut the file short."),
        1, 100_000_000, () => IncidentRowsFile.DefaultLimit);

    public void AddTo(Command command)
    {
        command.Options.Add(Years);
        command.Options.Add(Replications);
        command.Options.Add(Threads);
        command.Options.Add(Shard);
        command.Options.Add(MaxEvents);
        command.Options.Add(Quiet);
        command.Options.Add(Incidents);
        command.Options.Add(IncidentsLimit);
    }

    /// <summary>Rejects --incidents (and its limit) where no per-incident rows are written.</summary>
    public void RejectIncidents(ParseResult parse, string why)
    {
        foreach (var option in new Option[] { Incidents, IncidentsLimit })
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                throw new CliInputException($"{option.Name} {why}");
            }
        }
    }

    public bool IsMonteCarlo(ParseResult parse) => parse.GetValue(Years) is not null;

    /// <summary>Whether the scripted timeline is to be replayed over many seeds: --replications without --years.</summary>
    public bool IsReplay(ParseResult parse) => !IsMonteCarlo(parse) && parse.GetResult(Replications) is { Implicit: false };

    /// <summary>Rejects options that need --years (or --replications) on a single scripted run.</summary>
    public void RejectWithoutYears(ParseResult parse)
    {
        if (parse.GetResult(Shard) is { Implicit: false })
        {
            throw new CliInputException($"{Shard.Name} needs --years (a Monte Carlo run); shards split replications of random failures.");
        }

        if (!IsReplay(parse) && parse.GetResult(MaxEvents) is { Implicit: false })
        {
            throw new CliInputException($"{MaxEvents.Name} needs --years (a Monte Carlo run) or --replications (replays over seeds): it bounds the failures and faults a run may simulate.");
        }

        RejectIncidents(parse, "needs --years: it writes the incidents of a Monte Carlo run (a scripted run writes incidents.csv and stages.csv into its folder).");
        if (!IsReplay(parse) && parse.GetResult(Threads) is { Implicit: false })
        {
            throw new CliInputException($"{Threads.Name} needs --years (random failures) or --replications (replays of the timeline over seeds); a single scripted run uses one thread.");
        }
    }
}

/// <summary><c>hasim run --years</c>: a Monte Carlo run, a shard of one, and their outputs.</summary>
internal static class MonteCarloCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Execute(ParseResult parse, string scenarioPath, ulong? seedOption, string? outDir, bool noFiles, string format, MonteCarloOptions options, bool checkInvariants, ReportRequest? report = null)
    {
        var scenario = ScenarioLoader.Load(scenarioPath);
        if (scenario.Expectations.Count > 0)
        {
            // expect: checks one replay's figures; over random years it would be judged on nothing.
            throw new CliInputException($"{scenario.FilePath}:{scenario.Expectations[0].Line}: expect: checks the scripted incidents of a replay (run without --years, "
                + "or with --replications N to check them on N seeds); over simulated years of random failures there is no 'incident 1' to check. "
                + "State the figure as a budget instead (e.g. 'goal: p99 rto <= 120 s' with 'years: 1' in a budgets file) and run 'hasim check', or remove 'expect:' from this file");
        }

        var identity = ScenarioIdentity.FromFile(scenario);
        int threads = (int)parse.GetValue(options.Threads);
        var shardOption = parse.GetValue(options.Shard);
        var shard = shardOption ?? ShardSpec.Whole;
        bool sharded = shardOption is not null; // even 0/1: the user asked for a partial result
        double years = parse.GetValue(options.Years)!.Value;
        var settings = MonteCarloSettings.For(scenario, years, parse.GetValue(options.Replications), seedOption ?? scenario.Seed);
        string? incidentsFile = parse.GetValue(options.Incidents);
        if (incidentsFile is not null && !IncidentRowsFile.IsSupported(incidentsFile))
        {
            throw new CliInputException($"--incidents '{incidentsFile}': the file must end in .csv or .parquet (the extension chooses the format).");
        }

        if (incidentsFile is not null && sharded)
        {
            throw new CliInputException("--incidents writes the rows of a whole run, and a shard writes only partial.json: run without --shard to get the incidents file.");
        }

        if (incidentsFile is null && parse.GetResult(options.IncidentsLimit) is { Implicit: false })
        {
            throw new CliInputException("--incidents-limit needs --incidents FILE: it bounds the rows written there.");
        }

        if (sharded && report is not null)
        {
            throw new CliInputException("--report needs a whole run's summary, and a shard writes only partial.json: combine the shards with 'hasim merge', then run 'hasim report' on the merged folder.");
        }

        if (sharded && noFiles)
        {
            throw new CliInputException("--shard writes partial.json for 'hasim merge'; it cannot be combined with --no-files.");
        }

        var incidents = incidentsFile is null ? null : new IncidentRowCollector(parse.GetValue(options.IncidentsLimit), scenario.Preset.Architecture.Stages.All);
        long replications = shard.ReplicationsOf(settings.Replications);
        RunBudget.Check([scenario], years, replications, parse.GetValue(options.MaxEvents), "--max-events");
        string? dir = noFiles ? null : outDir ?? DefaultDirectory(scenario.Name, sharded ? shard : null);
        using var folder = CliSession.Prepare(dir);
        var stdout = parse.InvocationConfiguration.Output;
        var progress = new RunProgress(replications);
        string label = sharded ? $"{scenario.Name} shard {shard}" : scenario.Name;
        double expected = RunBudget.ExpectedFailures([scenario], years, replications);
        var accumulator = MonteCarloProgress.Run(label, progress, parse.InvocationConfiguration.Error, parse.GetValue(options.Quiet), expected, years * replications,
            ct => MonteCarloRunner.Run(scenario, settings, shard, threads, progress, ct, checkInvariants, incidents));

        if (sharded)
        {
            var partial = new PartialResult(identity, settings, shard, accumulator);
            MonteCarloOutput.WritePartial(folder!, partial);
            CliSession.Commit(folder!);
            ShardAnnouncement.Print(stdout, format, "hasim.monte-carlo-shard/1", "replications", shard, accumulator.Replications, settings.Replications, Path.Combine(dir!, PartialResult.FileName));
            return ExitCodes.Success;
        }

        var summary = accumulator.Summarise(identity);
        HaSim.Reports.Pages.ReportFiles? written = null;
        string? incidentsNote = incidents is null ? null : WriteIncidents(incidentsFile!, incidents, folder, dir);
        if (folder is not null)
        {
            MonteCarloOutput.WriteSummary(folder, summary);
            written = ReportCommand.AddTo(folder, report);
            CliSession.Commit(folder);
        }

        Print(stdout, summary, format, dir);
        if (incidentsNote is not null)
        {
            (format == "json" ? parse.InvocationConfiguration.Error : stdout).WriteLine(incidentsNote);
        }

        ReportCommand.Announce(parse, written, format == "json");
        return ExitCodes.Success;
    }

    /// <summary>Prints a summary as a table or JSON, and where it was written.</summary>
    public static void Print(TextWriter stdout, MonteCarloSummary summary, string format, string? dir)
    {
        if (format == "json")
        {
            stdout.Write(MonteCarloJson.Summary(summary));
            return;
        }

        stdout.Write(MonteCarloReport.Render(summary));
        if (dir is not null)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Wrote {MonteCarloOutput.SummaryFile} and {MonteCarloOutput.ReportFile} to {dir}");
        }
    }

    /// <summary>Writes the incident rows into the result folder (if the file is inside it) or atomically on their own; returns what was written.</summary>
    private static string WriteIncidents(string file, IncidentRowCollector incidents, ResultFolder? folder, string? dir)
    {
        var rows = incidents.Rows();
        var bytes = IncidentRowsFile.Render(file, incidents, rows);
        string full = Path.GetFullPath(file);
        string? relative = dir is null ? null : Path.GetRelativePath(Path.GetFullPath(dir), full);
        if (folder is not null && relative is not null && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            folder.WriteBytes(relative.Replace(Path.DirectorySeparatorChar, '/'), bytes);
        }
        else
        {
            try
            {
                AtomicFile.Write(full, s => s.Write(bytes));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"--incidents '{file}': cannot write it: {e.Message}");
            }
        }

        return incidents.Truncated
            ? string.Create(C, $"Wrote the first {rows.Count:N0} of {incidents.Produced:N0} incidents to {file} (cut at --incidents-limit {incidents.Limit:N0}; raise it for all)")
            : string.Create(C, $"Wrote {rows.Count:N0} incidents to {file}");
    }

    private static string DefaultDirectory(string scenarioName, ShardSpec? shard) =>
        shard is not { } s
            ? Path.Combine("results", ResultFolder.Slug(scenarioName), "monte-carlo")
            : Path.Combine("results", ResultFolder.Slug(scenarioName), "monte-carlo", string.Create(C, $"shard-{s.Index}-of-{s.Count}"));
}
