using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Units;

namespace HaSim.Reports.Budgets;

/// <summary>The result of <c>hasim check --format json</c> (format <c>hasim.check/1</c>, documented in <c>BudgetsSchema.md</c>).</summary>
public static class CheckJson
{
    /// <summary>The format id.</summary>
    public const string Format = "hasim.check/1";

    /// <summary>The document's text; <paramref name="outcomeWord"/> is the overall result (<c>pass</c>, <c>fail</c>, <c>inconclusive</c>).</summary>
    public static string Write(CheckResult result, string outcomeWord)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("budgets_file", result.File.Path);
            if (result.SeedOverride is { } seed)
            {
                w.WriteNumber("seed_override", seed);
            }
            else
            {
                w.WriteNull("seed_override");
            }

            w.WriteString("result", outcomeWord);
            w.WriteStartObject("counts");
            w.WriteNumber("budgets", result.Outcomes.Count);
            w.WriteNumber("passed", result.Passed);
            w.WriteNumber("failed", result.Failed);
            w.WriteNumber("inconclusive", result.Inconclusive);
            w.WriteNumber("regressions", result.Regressions);
            w.WriteNumber("improvements", result.Improvements);
            w.WriteNumber("stale_baselines", result.Stale);
            w.WriteNumber("missing_baselines", result.MissingBaselines);
            w.WriteEndObject();
            w.WriteStartObject("method");
            w.WriteString("sequential", "replications double from the first look up to the cap; look k judges the interval at level 1 - alpha/2^k (alpha spending)");
            w.WriteNumber("batches", BudgetRunner.Batches);
            w.WriteEndObject();
            w.WriteStartArray("budgets");
            foreach (var o in result.Outcomes)
            {
                WriteOutcome(w, o);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteOutcome(Utf8JsonWriter w, BudgetOutcome o)
    {
        var b = o.Budget;
        var goal = b.Goal;
        var s = b.Subject;
        w.WriteStartObject();
        w.WriteString("name", b.Name);
        w.WriteStringOrNull("description", b.Description);
        w.WriteStringOrNull("source", b.Source);
        w.WriteNumber("line", b.Line);
        w.WriteString("goal", goal.Text);
        w.WriteString("figure", goal.Figure.Key);
        w.WriteString("figure_label", goal.Figure.Label);
        w.WriteString("relation", goal.Relation.Symbol());
        w.WriteNumber("limit", goal.Limit);
        w.WriteString("unit", Values.FormatEnum(goal.Figure.Unit));
        w.WriteNumber("confidence", goal.Confidence);
        w.WriteStartObject("subject");
        w.WriteString("run", s.Display);
        w.WriteString("preset", s.Scenario.Preset.Name);
        w.WriteString("mode", s.Mode);
        w.WriteNumberOrNull("years_per_replication", s.Years ?? double.NaN);
        w.WriteString("scenario_hash", s.Identity.Hash);
        w.WriteEndObject();
        w.WriteString("verdict", o.Verdict.ToString().ToLowerInvariant());
        WriteEstimate(w, "estimate", o.Estimate);
        w.WriteString("sample", BudgetText.SampleOf(goal.Figure));
        w.WriteNumber("replications", o.Replications);
        w.WriteNumber("look", o.Look);
        w.WriteNumber("seed", o.Seed);
        w.WriteNumber("max_replications", o.Cap);
        if (o.Needed is { } needed)
        {
            w.WriteNumber("replications_to_decide", needed);
        }
        else
        {
            w.WriteNull("replications_to_decide");
        }

        var c = o.Baseline;
        w.WriteStartObject("baseline");
        w.WriteString("status", Values.FormatEnum(c.Status));
        w.WriteStringOrNull("file", c.File.Length == 0 ? null : c.File.Replace('\\', '/'));
        w.WriteStringOrNull("reason", c.Reason);
        if (c.Baseline is { } baseline)
        {
            WriteEstimate(w, "estimate", baseline.Estimate);
            w.WriteNumber("replications", baseline.Replications);
            w.WriteString("hasim_version", baseline.HasimVersion);
        }

        if (c.Difference is { } d)
        {
            WriteEstimate(w, "difference", d);
            w.WriteNumber("tolerance", c.Tolerance);
            w.WriteString("change", Values.FormatEnum(c.Change!.Value));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter w, string name, Estimate e)
    {
        w.WriteStartObject(name);
        w.WriteNumberOrNull("estimate", e.Value);
        w.WriteNumberOrNull("lower", e.Interval.Lower);
        w.WriteNumberOrNull("upper", e.Interval.Upper);
        w.WriteNumber("confidence_level", e.Interval.Level);
        w.WriteNumber("n", e.SampleSize);
        w.WriteEndObject();
    }
}
