using System.CommandLine;
using HaSim.Model.Presets;
using HaSim.Reports.Presets;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim presets</c>: lists the presets, or shows one preset's figures and their sources.</summary>
internal static class PresetsCommand
{
    public static (Command, string[]) Create()
    {
        var show = new Option<string?>("--show") { Description = "Show every parameter of one preset with its value and source." };
        var format = CommonOptions.FormatOption();
        var command = new Command("presets", "List the shipped presets (one per seed system) with their figures and sources.") { show, format, CommonOptions.Wide() };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string? name = parse.GetValue(show);
            var presets = PresetCatalog.All;
            if (name is not null)
            {
                var preset = PresetCatalog.Find(name) ?? throw new CliInputException(
                    $"unknown preset '{name}'; " + (DidYouMean.Phrase(name, presets.Select(p => p.Name)) ?? "presets: " + string.Join(", ", presets.Select(p => p.Name))));
                presets = [preset];
            }

            if (parse.GetValue(format) == "json")
            {
                output.Write(PresetReport.Json(presets));
            }
            else if (name is null)
            {
                output.Write(PresetReport.List(presets));
                output.WriteLine();
                output.WriteLine("'hasim presets --show <preset>' lists every figure with its source; figures");
                output.WriteLine("marked ASSUMPTION are labelled guesses.");
            }
            else
            {
                output.Write(PresetReport.Describe(presets[0]));
            }

            return ExitCodes.Success;
        });
        return (command, ["hasim presets", "hasim presets --show azure-zone-redundant-ha", "hasim presets --format json"]);
    }
}
