using System.CommandLine;
using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Model.Architectures;
using HaSim.Reports.Output;
using HaSim.Reports.RareEvents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli.Commands;

/// <summary>The options of <c>hasim run --years Y --rare EVENT</c>.</summary>
internal sealed class RareEventOptions
{
    /// <summary>Replications of an accelerated run when --replications is not given.</summary>
    public const long DefaultReplications = 10_000;

    public Option<string?> Rare { get; } = new("--rare")
    {
        Description = "With --years: estimate the probability of a rare event by importance sampling (balanced failure biasing) instead of naive Monte Carlo: "
            + string.Join(", ", RareEvent.All.All.Select(e => e.Key)) + $". Default replications {DefaultReplications}.",
        HelpName = "EVENT",
    };

    public Option<string?> FailureMode { get; } = new("--failure-mode")
    {
        Description = "With --rare: count only incidents of this failure mode (e.g. planned_failover, wal_quorum_lost; 'hasim presets --show PRESET' lists them).",
        HelpName = "MODE",
    };

    public Option<double?> TimeScale { get; } = new("--bias-time-scale")
    {
        Description = "With --rare: bias failures on this one time scale, in seconds, instead of the pilot's mixture (10 s, 100 s, 1000 s and the mean vulnerable episode). Changes only the speed of convergence.",
        HelpName = "SECONDS",
    };

    public Option<string?> Importance { get; } = new Option<string?>("--importance")
    {
        Description = "With --rare: what the importance function counts: 'data_copies_down' (the default for data_loss) or 'serving_paths_down' (the default for the others). Changes only the speed of convergence.",
        HelpName = "KIND",
    }.AcceptOnlyFromAmong("data_copies_down", "serving_paths_down");

    public void AddTo(Command command)
    {
        command.Options.Add(Rare);
        command.Options.Add(FailureMode);
        command.Options.Add(TimeScale);
        command.Options.Add(Importance);
    }

    public bool IsRare(ParseResult parse) => parse.GetValue(Rare) is not null;

    /// <summary>Rejects --failure-mode without --rare, and --rare without --years.</summary>
    public void RejectMisplaced(ParseResult parse, bool monteCarlo)
    {
        foreach (var option in new Option[] { FailureMode, TimeScale, Importance })
        {
            if (parse.GetResult(option) is { Implicit: false } && !IsRare(parse))
            {
                throw new CliInputException($"{option.Name} needs --rare EVENT (an accelerated rare-event run).");
            }
        }

        if (IsRare(parse) && !monteCarlo)
        {
            throw new CliInputException("--rare needs --years (the simulated years per replication), e.g. --years 1 --rare data_loss.");
        }
    }
}

/// <summary><c>hasim run --years Y --rare EVENT</c>: an accelerated estimate of a rare event's probability.</summary>
internal static class RareEventCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Execute(ParseResult parse, string scenarioPath, ulong? seedOption, string? outDir, bool noFiles, string format, MonteCarloOptions options, RareEventOptions rare, bool checkInvariants)
    {
        if (parse.GetValue(options.Shard) is not null)
        {
            throw new CliInputException("--shard is not available with --rare: run the replications in one process (--threads uses every core, with the same result).");
        }

        var rareEvent = ParseEvent(parse.GetValue(rare.Rare)!);
        var scenario = ScenarioLoader.Load(scenarioPath);
        string? mode = ParseFailureMode(parse.GetValue(rare.FailureMode), rareEvent, scenario);
        double years = parse.GetValue(options.Years)!.Value;
        long replications = parse.GetResult(options.Replications) is { Implicit: false } ? parse.GetValue(options.Replications) : RareEventOptions.DefaultReplications;
        int threads = (int)parse.GetValue(options.Threads);
        double? timeScale = parse.GetValue(rare.TimeScale);
        if (timeScale is { } t && !(t > 0 && double.IsFinite(t) && t <= 1e9))
        {
            throw new CliInputException($"--bias-time-scale {t.ToString(C)}: give a positive number of seconds (at most 1e9).");
        }

        var settings = new RareEventSettings(rareEvent, mode, years, replications, seedOption ?? scenario.Seed, TimeScales: timeScale is { } tau ? [tau] : null,
            Importance: parse.GetValue(rare.Importance) switch
            {
                "data_copies_down" => RedundancyKind.Data,
                "serving_paths_down" => RedundancyKind.Service,
                _ => null,
            });
        try
        {
            settings.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliInputException($"--rare {rareEvent.Key} --years {years.ToString(C)}: {e.Message.Split(" (Parameter")[0]}");
        }

        var identity = ScenarioIdentity.FromFile(scenario);
        RunBudget.Check([scenario], years, replications, parse.GetValue(options.MaxEvents), "--max-events");
        string? dir = noFiles ? null : outDir ?? Path.Combine("results", ResultFolder.Slug(scenario.Name), "rare-event", mode is null ? rareEvent.Key : $"{rareEvent.Key}-{mode}");
        using var folder = CliSession.Prepare(dir);
        var progress = new RunProgress(replications);
        var run = MonteCarloProgress.Run($"{scenario.Name} --rare {rareEvent.Key}", progress, parse.InvocationConfiguration.Error, parse.GetValue(options.Quiet), RunBudget.ExpectedFailures([scenario], years, replications), years * replications,
            ct => RareEventRunner.Run(scenario, settings, ShardSpec.Whole, threads, progress, ct, checkInvariants));
        var estimate = run.Summarise();
        if (folder is not null)
        {
            RareEventReport.Write(folder, identity, estimate);
            CliSession.Commit(folder);
        }

        var stdout = parse.InvocationConfiguration.Output;
        if (format == "json")
        {
            stdout.Write(RareEventJson.Summary(identity, estimate));
        }
        else
        {
            stdout.Write(RareEventReport.Render(identity, estimate));
            if (dir is not null)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Wrote {RareEventReport.SummaryFile} and {RareEventReport.ReportFile} to {dir}");
            }
        }

        return ExitCodes.Success;
    }

    private static string Suggest(string text, IEnumerable<string> keys) => DidYouMean.Phrase(text, keys) is { } phrase ? $" ({phrase})" : "";

    private static RareEvent ParseEvent(string text) =>
        RareEvent.All.Find(text)
        ?? throw new CliInputException($"--rare {text}: not a rare event{Suggest(text, RareEvent.All.All.Select(e => e.Key))}; choose one of {string.Join(", ", RareEvent.All.All.Select(e => e.Key))}.");

    private static string? ParseFailureMode(string? text, RareEvent rareEvent, Scenario scenario)
    {
        if (text is null)
        {
            return null;
        }

        if (rareEvent.Period != RareEventPeriod.Year)
        {
            throw new CliInputException($"--failure-mode applies to the year-level events, not to {rareEvent.Key} (a month's uptime counts every incident).");
        }

        var modes = scenario.Preset.Architecture.FailureModes;
        return modes.Find(text)?.Key
            ?? throw new CliInputException($"--failure-mode {text}: not a failure mode of {scenario.Preset.Name}{Suggest(text, modes.All.Select(m => m.Key))}; choose one of {string.Join(", ", modes.All.Select(m => m.Key))}.");
    }
}
