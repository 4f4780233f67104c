using HaSim.Analysis;
using System.Text;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Reports.Text;

namespace HaSim.Reports.Presets;

/// <summary>The shipped presets as text and JSON, for <c>hasim presets</c>.</summary>
public static class PresetReport
{
    /// <summary>One row per preset: name, model, SLA, seed document, title.</summary>
    public static string List(IReadOnlyList<Preset> presets)
    {
        var t = new TextTable("preset", "model", ">SLA", "seed document", "title");
        foreach (var p in presets)
        {
            t.Add(p.Name, p.Model.Name(), Format.Percent(p.SlaTarget, 2), p.SeedDocument, p.Title);
        }

        return t.Render("");
    }

    /// <summary>One preset: its model, SLA, credits, default workload, and every parameter with its value and source.</summary>
    public static string Describe(Preset p)
    {
        var sb = new StringBuilder();
        sb.Append($"{p.Name}: {p.Title}\n");
        sb.Append($"model {p.Model.Name()}, seed document {p.SeedDocument}, SLA {Format.Percent(p.SlaTarget, 2)}\n");
        sb.Append($"credits: {string.Join(", ", p.ServiceLevel.CreditTiers.Select(c => $"{Format.Percent(c.CreditFraction, 0)} below {Format.Percent(c.UptimeBelow, 2)}"))} ({p.ServiceLevel.Source})\n");
        sb.Append($"default workload: WAL {Units.FormatByteRate(p.Workload.Wal.RateAt(0))}, {p.Workload.TransactionsPerSecond:G4} transactions/s, database {Format.Bytes(p.Workload.DatabaseBytes)} ({p.WorkloadSource})\n\n");
        var t = new TextTable("parameter", "value", "source");
        foreach (var (key, value) in p.Parameters.Values)
        {
            t.Add(key, value.Display(), value.Source.ToString());
        }

        sb.Append(t.Render(""));
        return sb.ToString();
    }

    /// <summary>The presets as a JSON array: name, model, SLA, and each parameter's value, number, source and whether it is an assumption.</summary>
    public static string Json(IReadOnlyList<Preset> presets)
    {
        return JsonText.Write(w =>
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
                    else if (value.Kind is not (ParameterKind.Flag or ParameterKind.Choice))
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
        });
    }
}
