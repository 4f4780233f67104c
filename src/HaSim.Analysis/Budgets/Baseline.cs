using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// A budget's committed reference result (format <c>hasim.baseline/1</c>, one file per budget): the
/// figure's estimate, its interval and sample size, the figure in each batch of replications (for
/// the paired regression test), and what it was measured on: the scenario's hash, the replication
/// mode, seed and first look, and the HaSim version that made it.
/// </summary>
/// <param name="Budget">The budget's name.</param>
/// <param name="Figure">The figure's canonical text (<see cref="Budgets.Figure.Key"/>).</param>
/// <param name="Subject">What ran (scenario path or preset).</param>
/// <param name="Preset">The preset.</param>
/// <param name="Mode"><c>scripted</c> or <c>years</c>.</param>
/// <param name="Years">Years per replication, for a years run.</param>
/// <param name="ScenarioHash">The scenario's hash (<see cref="ScenarioIdentity.Hash"/>).</param>
/// <param name="Seed">The root seed.</param>
/// <param name="FirstReplications">Replications at the first look: with the seed, they fix which replications every look runs.</param>
/// <param name="Replications">Replications the baseline rests on.</param>
/// <param name="Estimate">The estimate and its interval.</param>
/// <param name="Batches">The figure in each batch (NaN where a batch had no data).</param>
/// <param name="HasimVersion">The HaSim version that made it.</param>
public sealed record Baseline(
    string Budget,
    string Figure,
    string Subject,
    string Preset,
    string Mode,
    double? Years,
    string ScenarioHash,
    ulong Seed,
    long FirstReplications,
    long Replications,
    Estimate Estimate,
    IReadOnlyList<double> Batches,
    string HasimVersion)
{
    /// <summary>The format id.</summary>
    public const string Format = "hasim.baseline/1";

    /// <summary>The baseline of an outcome, made by HaSim <paramref name="version"/>.</summary>
    public static Baseline From(BudgetOutcome outcome, string version)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(version);
        var b = outcome.Budget;
        var s = b.Subject;
        return new Baseline(b.Name, b.Goal.Figure.Key, s.Display, s.Scenario.Preset.Name, s.Mode, s.Years, s.Identity.Hash,
            outcome.Seed, b.Replications, outcome.Replications, outcome.Estimate, outcome.Batches, version);
    }

    /// <summary>
    /// Why this baseline does not answer <paramref name="budget"/>'s question any more (the scenario,
    /// the figure, the replication mode or the first look changed), or null if it still does.
    /// </summary>
    public string? StaleReason(Budget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var s = budget.Subject;
        if (s.Identity.Hash != ScenarioHash)
        {
            return $"the scenario changed since the baseline was made ({s.Display}: {Short(s.Identity.Hash)}, baseline {Short(ScenarioHash)})";
        }

        if (budget.Goal.Figure.Key != Figure)
        {
            return $"the budget now measures '{budget.Goal.Figure.Key}', the baseline '{Figure}'";
        }

        if (s.Mode != Mode || !Nullable.Equals(s.Years, Years))
        {
            return $"the budget now runs {Describe(s.Mode, s.Years)}, the baseline {Describe(Mode, Years)}";
        }

        if (budget.Replications != FirstReplications)
        {
            return $"the budget's first look now has {budget.Replications} replications, the baseline's {FirstReplications}";
        }

        return Batches.Count != BudgetRunner.Batches ? $"the baseline has {Batches.Count} batches, not {BudgetRunner.Batches}" : null;
    }

    /// <summary>The file's text: indented JSON, keys in a fixed order, so the same baseline gives the same bytes.</summary>
    public string ToJsonText() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("budget", Budget);
        w.WriteString("figure", Figure);
        w.WriteStartObject("subject");
        w.WriteString("run", Subject);
        w.WriteString("preset", Preset);
        w.WriteString("mode", Mode);
        w.WriteNumberOrNull("years_per_replication", Years ?? double.NaN);

        w.WriteString("scenario_hash", ScenarioHash);
        w.WriteEndObject();
        w.WriteNumber("seed", Seed);
        w.WriteNumber("first_replications", FirstReplications);
        w.WriteNumber("replications", Replications);
        w.WriteStartObject("estimate");
        w.WriteNumberOrNull("estimate", Estimate.Value);
        w.WriteNumberOrNull("lower", Estimate.Interval.Lower);
        w.WriteNumberOrNull("upper", Estimate.Interval.Upper);
        w.WriteNumber("confidence_level", Estimate.Interval.Level);
        w.WriteNumber("n", Estimate.SampleSize);
        w.WriteEndObject();
        w.WriteStartArray("batches");
        foreach (var x in Batches)
        {
            if (double.IsFinite(x))
            {
                w.WriteNumberValue(x);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
        w.WriteString("hasim_version", HasimVersion);
        w.WriteEndObject();
    });

    /// <summary>Reads a baseline file's text.</summary>
    /// <exception cref="JsonException">The text is not a valid <c>hasim.baseline/1</c> document.</exception>
    public static Baseline Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new JsonException("not JSON: " + e.Message, e);
        }

        if (node is not JsonObject json || json["format"]?.GetValueKind() != JsonValueKind.String || Json.String(json, "format") != Format)
        {
            throw new JsonException($"not a \"{Format}\" document.");
        }

        var subject = Json.Object(json, "subject");
        var estimate = Json.Object(json, "estimate");
        var batches = Json.Array(json, "batches").Select(b => b is null ? double.NaN : b.GetValueKind() == JsonValueKind.Number ? b.GetValue<double>() : throw new JsonException("a batch is not a number.")).ToList();
        var level = Json.Double(estimate, "confidence_level");
        var n = Json.Long(estimate, "n");
        long replications = Json.Long(json, "replications");
        long first = Json.Long(json, "first_replications");
        if (n < 0 || replications < 1 || first < 1 || !(level > 0 && level < 1))
        {
            throw new JsonException("the replication counts or the confidence level are out of range.");
        }

        return new Baseline(
            Json.String(json, "budget"),
            Json.String(json, "figure"),
            Json.String(subject, "run"),
            Json.String(subject, "preset"),
            Json.String(subject, "mode"),
            subject["years_per_replication"] is null ? null : Json.Double(subject, "years_per_replication"),
            Json.String(subject, "scenario_hash"),
            json["seed"] is JsonValue seed && seed.TryGetValue<ulong>(out var s) ? s : throw new JsonException("missing or invalid \"seed\"."),
            first,
            replications,
            new Estimate(new ConfidenceInterval(OrNaN(estimate, "estimate"), OrNaN(estimate, "lower"), OrNaN(estimate, "upper"), level), n),
            batches,
            Json.String(json, "hasim_version"));
    }

    private static double OrNaN(JsonObject json, string name) => json[name] is null ? double.NaN : Json.Double(json, name);

    private static string Short(string hash) => hash.Length > 19 ? hash[..19] : hash;

    private static string Describe(string mode, double? years) =>
        mode == "scripted" ? "scripted replays" : $"{years?.ToString(CultureInfo.InvariantCulture)}-year replications";
}
