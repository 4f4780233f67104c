using System.CommandLine;
using HaSim.Reports.Output;
using HaSim.Reports.Scripted;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim run</c>: replays a scenario and reports its timeline, RTO and RPO.</summary>
internal static class RunCommand
{
    public static (Command, string[]) Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML) to run." };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Root seed; overrides the scenario's 'seed:'. The same seed gives byte-identical output." };
        var output = new Option<string?>("--out", "-o") { Description = "Directory for summary.json, incidents.csv, trace.jsonl and timeline.txt (default: results/<scenario name>)." };
        var noFiles = new Option<bool>("--no-files") { Description = "Print only; write no output directory." };
        var format = CommonOptions.FormatOption();
        var command = new Command("run", "Replay a scenario's scripted faults and report the timeline, each incident's recovery stages, RTO, RPO and degraded time. Exit code 1 if the scenario's expectations are not met.")
        {
            scenario, seed, output, noFiles, format,
        };
        command.SetAction(parse =>
        {
            var loaded = ScenarioLoader.Load(parse.GetRequiredValue(scenario));
            var result = ScenarioRunner.Run(loaded, parse.GetValue(seed));
            var stdout = parse.InvocationConfiguration.Output;
            if (!parse.GetValue(noFiles))
            {
                string dir = parse.GetValue(output) ?? Path.Combine("results", loaded.Name);
                ScriptedRunOutput.Write(dir, result);
                if (parse.GetValue(format) == "table")
                {
                    stdout.Write(TimelineReport.Render(result));
                    stdout.WriteLine();
                    stdout.WriteLine($"Wrote {string.Join(", ", ScriptedRunOutput.Files)} to {dir}");
                }
            }
            else if (parse.GetValue(format) == "table")
            {
                stdout.Write(TimelineReport.Render(result));
            }

            if (parse.GetValue(format) == "json")
            {
                stdout.Write(ScenarioResultJson.Summary(result));
            }

            return result.ExpectationsMet ? ExitCodes.Success : ExitCodes.ExpectationFailed;
        });
        return (command,
        [
            "hasim run scenarios/azure/zone-redundant-primary-failure.yaml",
            "hasim run scenarios/serverless/az-outage.yaml --seed 7 --out out/az",
            "hasim run scenarios/aiven/startup-node-loss.yaml --format json --no-files | jq '.incidents[0].rpo_seconds'",
        ]);
    }
}
