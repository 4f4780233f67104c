using System.CommandLine;
using HaSim.Cli.Options;
using HaSim.Reports.Output;
using HaSim.Reports.Pages;
using HaSim.Reports.Scripted;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Fleet;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim run</c>: replays a scenario and reports its timeline, RTO and RPO.</summary>
internal static class RunCommand
{
    private static void RejectReport(ReportRequest? report, string what)
    {
        if (report is not null)
        {
            throw new CliInputException($"--report makes pages of scripted runs, Monte Carlo runs, comparisons and fleet runs, not of {what}; its summary.json and report.txt hold the figures.");
        }
    }

    public static (Command, string[]) Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML) to run." };
        var seed = CommonOptions.Seed("Root seed; overrides the scenario's 'seed:'. The same seed gives byte-identical output.");
        var output = new Option<string?>("--out", "-o") { Description = "Directory for summary.json, incidents.csv, trace.jsonl, timeline.txt and manifest.json (default: results/<scenario name>), written as a whole or not at all. With --years: summary.json and report.txt (default: results/<scenario name>/monte-carlo); with --shard: partial.json. With --replications and no --years: summary.json and report.txt (default: results/<scenario name>/replays)." };
        var noFiles = new Option<bool>("--no-files") { Description = "Print only; write no output directory." };
        var checkInvariants = new Option<bool>("--check-invariants") { Description = "Check the model's invariants on every state change (slower); a violation exits with code 3 and names the seed and time." };
        var format = CommonOptions.FormatOption();
        var report = ReportCommand.ReportOption();
        var budget = ReportCommand.BudgetOption();
        var command = new Command("run", "Replay a scenario's scripted faults and report the timeline, each incident's recovery stages, RTO, RPO and degraded time. Exit code 1 if the scenario's expectations are not met. With --replications N (no --years), replay the timeline over N seeds and report every metric's distribution with intervals, checking each expectation on every replay. With --years, run a Monte Carlo simulation of random failures instead (summary.json with RTO, RPO, availability and SLA distributions). A fleet scenario (a file with 'fleet:') runs many databases sharing capacity: its timeline once, --replications times, or with --years of random failures (fleet-summary.json).")
        {
            scenario, seed, output, noFiles, format, checkInvariants, report, budget, CommonOptions.Wide(),
        };
        var monteCarlo = new MonteCarloOptions();
        monteCarlo.AddTo(command);
        var rare = new RareEventOptions();
        rare.AddTo(command);
        command.SetAction(parse =>
        {
            var reportWanted = ReportCommand.Request(parse.GetValue(report), parse.GetValue(budget), parse.GetValue(noFiles));
            if (FleetScenarioLoader.TryLoad(parse.GetRequiredValue(scenario)) is { } fleet)
            {
                monteCarlo.RejectIncidents(parse, "is not written for fleets: a fleet run writes its own fleet-incidents.csv.");
                return FleetCommand.Execute(parse, fleet, parse.GetValue(seed), parse.GetValue(output), parse.GetValue(noFiles), parse.GetValue(format)!, monteCarlo, parse.GetValue(checkInvariants), reportWanted);
            }

            rare.RejectMisplaced(parse, monteCarlo.IsMonteCarlo(parse));
            if (rare.IsRare(parse))
            {
                RejectReport(reportWanted, "a rare-event estimate");
                monteCarlo.RejectIncidents(parse, "is not written with --rare: importance sampling weights its incidents, so plain rows would mislead.");
                return RareEventCommand.Execute(parse, parse.GetRequiredValue(scenario), parse.GetValue(seed), parse.GetValue(output), parse.GetValue(noFiles), parse.GetValue(format)!, monteCarlo, rare, parse.GetValue(checkInvariants));
            }

            if (monteCarlo.IsMonteCarlo(parse))
            {
                return MonteCarloCommand.Execute(parse, parse.GetRequiredValue(scenario), parse.GetValue(seed), parse.GetValue(output), parse.GetValue(noFiles), parse.GetValue(format)!, monteCarlo, parse.GetValue(checkInvariants), reportWanted);
            }

            monteCarlo.RejectWithoutYears(parse);
            if (monteCarlo.IsReplay(parse))
            {
                RejectReport(reportWanted, "replays of a timeline over seeds (--replications without --years)");
                return ReplayCommand.Execute(parse, parse.GetRequiredValue(scenario), parse.GetValue(seed), parse.GetValue(output), parse.GetValue(noFiles), parse.GetValue(format)!, monteCarlo, parse.GetValue(checkInvariants));
            }

            var loaded = ScenarioLoader.Load(parse.GetRequiredValue(scenario));
            string? dir = parse.GetValue(noFiles) ? null : parse.GetValue(output) ?? Path.Combine("results", ResultFolder.Slug(loaded.Name));
            using var folder = CliSession.Prepare(dir);
            var result = ScenarioRunner.Run(loaded, parse.GetValue(seed), keepTrace: true, parse.GetValue(checkInvariants), CliSession.Token);
            ReportFiles? written = null;
            if (folder is not null)
            {
                ScriptedRunOutput.Write(folder, result);
                written = ReportCommand.AddTo(folder, reportWanted);
                CliSession.Commit(folder);
            }

            var stdout = parse.InvocationConfiguration.Output;
            bool json = parse.GetValue(format) == "json";
            if (json)
            {
                stdout.Write(ScenarioResultJson.Summary(result));
            }
            else
            {
                stdout.Write(TimelineReport.Render(result));
                if (dir is not null)
                {
                    stdout.WriteLine();
                    stdout.WriteLine($"Wrote {string.Join(", ", ScriptedRunOutput.Files)} to {dir}");
                }
            }

            ReportCommand.Announce(parse, written, json);

            return result.ExpectationsMet ? ExitCodes.Success : ExitCodes.ExpectationFailed;
        });
        return (command,
        [
            "hasim run scenarios/azure/zone-redundant-primary-failure.yaml",
            "hasim run scenarios/serverless/az-outage.yaml --seed 7 --out out/az",
            "hasim run scenarios/aiven/startup-node-loss.yaml --format json --no-files | jq '.incidents[0].rpo_seconds'",
            "hasim run scenarios/azure/zone-redundant-primary-failure.yaml --replications 1000   (the timeline over 1000 seeds: RTO and RPO distributions)",
            "hasim run serverless.yaml --years 100 --replications 1000 --out out/mc   (serverless.yaml: 'preset: serverless')",
            "hasim run serverless.yaml --years 100 --replications 1000 --shard 0/4 --out out/shard-0",
            "hasim run serverless.yaml --years 10 --replications 1000 --incidents out/incidents.parquet   (one row per incident, for DuckDB or pandas)",
            "hasim run scenarios/serverless/az-outage.yaml --report --budget '2 min'   (also writes report.html)",
            "hasim run azure-zr.yaml --years 1 --rare data_loss --failure-mode planned_failover   (azure-zr.yaml: 'preset: azure-zone-redundant-ha')",
            "hasim run serverless.yaml --years 1 --rare incident --failure-mode wal_quorum_lost --replications 20000",
            "hasim run scenarios/fleet/serverless-2000-az-outage.yaml                  (a fleet: the AZ outage replayed once)",
            "hasim run scenarios/fleet/serverless-2000-az-outage.yaml --replications 100 --no-files   (intervals across replays)",
            "hasim run scenarios/fleet/serverless-200-years.yaml --years 1 --replications 1000 --out out/fleet",
            "hasim run serverless.yaml --years 1000 --replications 100000 --max-events 5000000000   (a deliberately huge run)",
        ]);
    }
}
