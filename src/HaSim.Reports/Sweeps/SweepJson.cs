using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Sweeps;

namespace HaSim.Reports.Sweeps;

/// <summary>Writes <c>sweep.json</c> (format <see cref="SweepFormat.Format"/>, documented in <c>SweepSchema.md</c>): the same result gives the same bytes.</summary>
public static class SweepJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string Write(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", SweepFormat.Format);
            w.WriteStartObject("scenario");
            w.WriteString("name", r.Subject.Name);
            w.WriteString("kind", r.Subject.Fleet is null ? "database" : "fleet");
            w.WriteEndObject();
            w.WriteString("mode", SweepFormat.Key(r.Mode));
            w.WriteStartObject("run");
            if (r.Years is { } y)
            {
                w.WriteNumber("years", y);
            }
            else
            {
                w.WriteNull("years");
            }

            w.WriteNumber("replications", r.Replications);
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("level", r.Level);
            w.WriteBoolean("common_random_numbers", true);
            w.WriteEndObject();
            w.WriteStartArray("parameters");
            foreach (var p in r.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("key", p.Key);
                w.WriteStartArray("values");
                foreach (var v in p.Values)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("figures");
            foreach (var f in r.Figures)
            {
                w.WriteStartObject();
                w.WriteString("key", f.Key);
                w.WriteString("label", f.Label);
                w.WriteString("unit", SweepFormat.BaseUnit(f.Unit));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (r.Goal is { } goal)
            {
                w.WriteStartObject("goal");
                w.WriteString("text", goal.Text);
                w.WriteString("figure", goal.Figure.Key);
                w.WriteString("relation", goal.Relation.Symbol());
                w.WriteNumber("limit", goal.Limit);
                w.WriteNumber("confidence", goal.Confidence);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("goal");
            }

            WriteCostModel(w, result);
            w.WriteStartArray("points");
            foreach (var p in result.Points)
            {
                WritePoint(w, p, result.Chosen == p.Point.Index);
            }

            w.WriteEndArray();
            if (result.Chosen is { } chosen)
            {
                w.WriteNumber("chosen", chosen);
            }
            else
            {
                w.WriteNull("chosen");
            }

            w.WriteString("answer", SweepText.Answer(result));
            w.WriteEndObject();
        });
    }

    private static void WriteCostModel(Utf8JsonWriter w, SweepResult result)
    {
        if (result.Cost is not { } c)
        {
            w.WriteNull("cost");
            return;
        }

        w.WriteStartObject("cost");
        w.WriteString("prices", c.Prices);
        w.WriteString("currency", c.Currency);
        w.WriteString("source", c.Source);
        w.WriteNumber("server_vm_per_hour", c.ServerVmPerHour);
        w.WriteNumber("standby_vm_per_hour", c.StandbyVmPerHour);
        w.WriteNumber("warm_pool_vm_per_hour", c.WarmPoolVmPerHour);
        w.WriteNumber("spare_slot_per_hour", c.SpareSlotPerHour);
        w.WriteNumber("storage_per_gb_month", c.StoragePerGbMonth);
        w.WriteNumber("monthly_bill", c.MonthlyBill);
        w.WriteBoolean("credit_tiers_from_presets", c.CreditTiers is null);
        w.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter w, SweepPointResult p, bool chosen)
    {
        w.WriteStartObject();
        w.WriteNumber("index", p.Point.Index);
        w.WriteStartObject("settings");
        foreach (var (key, value) in p.Point.Settings)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteNumber("databases", p.Databases);
        w.WriteStartArray("figures");
        foreach (var f in p.Figures)
        {
            w.WriteStartObject();
            w.WriteString("key", f.Figure.Key);
            WriteEstimate(w, f.Estimate);
            w.WriteStringOrNull("verdict", f.Verdict is { } v ? SweepFormat.Key(v) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (p.Cost is { } c)
        {
            w.WriteStartObject("cost");
            w.WriteNumber("server_vms", c.Resources.ServerVms);
            w.WriteNumber("standby_vms", c.Resources.StandbyVms);
            w.WriteNumber("warm_pool_vms", c.Resources.WarmPoolVms);
            w.WriteNumber("spare_slots", c.Resources.SpareSlots);
            w.WriteNumber("storage", c.Resources.Storage);
            w.WriteNumber("resources", c.Resources.Total);
            w.WriteStartObject("credit_fraction");
            WriteEstimate(w, c.CreditFraction);
            w.WriteEndObject();
            w.WriteNumber("credit", c.Credit);
            w.WriteNumber("credit_lower", c.CreditLower);
            w.WriteNumber("credit_upper", c.CreditUpper);
            w.WriteNumber("total", c.Total);
            w.WriteNumber("total_lower", c.TotalLower);
            w.WriteNumber("total_upper", c.TotalUpper);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("cost");
        }

        w.WriteBoolean("chosen", chosen);
        w.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter w, Estimate e)
    {
        w.WriteNumberOrNull("estimate", e.Value);
        w.WriteNumberOrNull("lower", e.Interval.Lower);
        w.WriteNumberOrNull("upper", e.Interval.Upper);
        w.WriteNumber("n", e.SampleSize);
    }
}
