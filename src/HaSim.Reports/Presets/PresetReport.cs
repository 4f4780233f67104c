using System.Globalization;
using System.Text;
using HaSim.Analysis;
using HaSim.Model.Architectures;
using HaSim.Model.Names;
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
        var t = new TextTable("preset", "model", ">SLA", "?seed document", "title");
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
        sb.Append(CultureInfo.InvariantCulture, $"{p.Name}: {p.Title}\n");
        sb.Append(CultureInfo.InvariantCulture, $"model {p.Model.Name()}, seed document {p.SeedDocument}, SLA {Format.Percent(p.SlaTarget, 2)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"credits: {string.Join(", ", p.ServiceLevel.CreditTiers.Select(c => $"{Format.Percent(c.CreditFraction, 0)} below {Format.Percent(c.UptimeBelow, 2)}"))} ({p.ServiceLevel.Source})\n");
        sb.Append(CultureInfo.InvariantCulture, $"default workload: WAL {Units.FormatByteRate(p.Workload.Wal.RateAt(0))}, {p.Workload.TransactionsPerSecond:G4} transactions/s, database {Format.Bytes(p.Workload.DatabaseBytes)} ({p.WorkloadSource})\n\n");
        var t = new TextTable("parameter", "value", "source");
        foreach (var (key, value) in p.Parameters.Values)
        {
            t.Add(key, value.Display(), value.Source.ToString());
        }

        sb.Append(t.Render(""));
        sb.Append(Names(p));
        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>What a scenario file may name for this preset: targets and their faults, stages, failure modes, degraded kinds.</summary>
    private static string Names(Preset p)
    {
        var architecture = ArchitectureRegistry.For(p.Model);
        var sb = new StringBuilder("\n");
        var targets = new TextTable("target", "faults", "what it is");
        foreach (var target in architecture.Targets(p.Parameters))
        {
            targets.Add(target.Label, string.Join(", ", target.Faults.Select(f => f.FileName)), target.Description);
        }

        sb.Append(targets.Render(""));
        sb.Append('\n');
        var names = new TextTable("name", "kind", "label");
        AddNames(names, "stage", architecture.Stages);
        AddNames(names, "failure mode", architecture.FailureModes);
        AddNames(names, "degraded kind", architecture.DegradedKinds);
        sb.Append(names.Render(""));
        return sb.ToString();
    }

    private static void AddNames<T>(TextTable table, string kind, NameSet<T> names)
        where T : TypedName
    {
        foreach (var n in names.All)
        {
            table.Add(n.Key, kind, n.Label);
        }
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
