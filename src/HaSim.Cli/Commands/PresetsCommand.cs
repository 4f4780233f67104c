using System.CommandLine;
using System.Text;
using System.Text.Json;
using HaSim.Model.Presets;
using HaSim.Reports.Text;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim presets</c>: lists the presets, or shows one preset's figures and their sources.</summary>
internal static class PresetsCommand
{
    public static (Command, string[]) Create()
    {
        var show = new Option<string?>("--show") { Description = "Show every parameter of one preset with its value and source." };
        var format = CommonOptions.FormatOption();
        var command = new Command("presets", "List the shipped presets (one per seed system) with their figures and sources.") { show, format };
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
                output.Write(Json(presets));
            }
            else if (name is null)
            {
                var t = new TextTable("preset", "model", ">SLA", "seed document", "title");
                foreach (var p in presets)
                {
                    t.Add(p.Name, p.Model.Name(), Format.Percent(p.SlaTarget, 2), p.SeedDocument, p.Title);
                }

                output.Write(t.Render(""));
                output.WriteLine();
                output.WriteLine("'hasim presets --show <preset>' lists every figure with its source; figures marked ASSUMPTION are labelled guesses.");
            }
            else
            {
                output.Write(Describe(presets[0]));
            }

            return ExitCodes.Success;
        });
        return (command, ["hasim presets", "hasim presets --show azure-zone-redundant-ha", "hasim presets --format json"]);
    }

    private static string Describe(Preset p)
    {
        var sb = new StringBuilder();
        sb.Append($"{p.Name}: {p.Title}\n");
        sb.Append($"model {p.Model.Name()}, seed document {p.SeedDocument}, SLA {Format.Percent(p.SlaTarget, 2)}\n");
        sb.Append($"credits: {string.Join(", ", p.ServiceLevel.CreditTiers.Select(c => $"{Format.Percent(c.CreditFraction, 0)} below {Format.Percent(c.UptimeBelow, 2)}"))} ({p.ServiceLevel.Source})\n");
        sb.Append($"default workload: WAL {Format.Bytes(p.Workload.Wal.RateAt(0))}/s, {p.Workload.TransactionsPerSecond:G4} transactions/s, database {Format.Bytes(p.Workload.DatabaseBytes)} ({p.WorkloadSource})\n\n");
        var t = new TextTable("parameter", "value", "source");
        foreach (var (key, value) in p.Parameters.Values)
        {
            t.Add(key, value.Display(), value.Source.ToString());
        }

        sb.Append(t.Render(""));
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<Preset> presets)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var p in presets)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("title", p.Title);
                w.WriteString("model", p.Model.Name());
                w.WriteString("seed_document", p.SeedDocument);
                w.WriteNumber("sla_target", p.SlaTarget);
                w.WriteStartObject("parameters");
                foreach (var (key, value) in p.Parameters.Values)
                {
                    w.WriteStartObject(key);
                    w.WriteString("value", value.Display());
                    if (value.Distribution is { } d)
                    {
                        w.WriteNumber("mean_seconds", d.Mean);
                    }
                    else if (value.Kind is not (Model.Parameters.ParameterKind.Flag or Model.Parameters.ParameterKind.Choice))
                    {
                        w.WriteNumber("number", value.Number);
                    }

                    w.WriteString("source", value.Source.Citation);
                    w.WriteBoolean("assumption", value.Source.IsAssumption);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
