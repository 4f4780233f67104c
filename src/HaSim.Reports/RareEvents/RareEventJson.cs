using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;

namespace HaSim.Reports.RareEvents;

/// <summary>
/// Writes an accelerated rare-event estimate as JSON, format <c>hasim.rare-event/1</c> (documented in
/// <c>src/HaSim.Reports/MonteCarlo/SummarySchema.md</c>). The text depends only on the run's counts and
/// exact sums, so it is byte-identical for any thread count.
/// </summary>
public static class RareEventJson
{
    /// <summary>The format id.</summary>
    public const string Format = "hasim.rare-event/1";

    /// <summary>The document's text.</summary>
    public static string Summary(ScenarioIdentity scenario, RareEventEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(estimate);
        var run = estimate.Run;
        var s = run.Settings;
        var a = run.Accumulator;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartObject("scenario");
            w.WriteString("name", scenario.Name);
            w.WriteString("preset", scenario.Preset);
            w.WriteString("model", scenario.Model);
            w.WriteString("hash", scenario.Hash);
            w.WriteEndObject();
            w.WriteString("event", s.Event.Key);
            w.WriteString("label", s.Event.Label);
            w.WriteString("per", s.Event.Period == RareEventPeriod.Year ? "year" : "month");
            if (s.FailureMode is null)
            {
                w.WriteNull("failure_mode");
            }
            else
            {
                w.WriteString("failure_mode", s.FailureMode);
            }

            w.WriteString("method", "importance sampling, balanced failure biasing of the exponential failure processes");
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("years_per_replication", s.Years);
            w.WriteNumber("replications", a.Replications);
            w.WriteNumber("trials_per_replication", s.TrialsPerReplication);
            w.WriteNumber("confidence_level", s.Level);
            w.WriteStartObject("biasing");
            w.WriteString("importance", run.Biasing.Importance == Model.Architectures.RedundancyKind.Data ? "data_copies_down" : "serving_paths_down");
            w.WriteNumber("threshold", run.Biasing.Threshold);
            w.WriteStartArray("components");
            foreach (var c in run.Biasing.Components)
            {
                w.WriteStartObject();
                Number(w, "time_scale_seconds", c.TimeScaleSeconds);
                Number(w, "strength", c.Strength);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (run.Pilot is { } pilot)
            {
                w.WriteStartObject("pilot");
                w.WriteNumber("replications", pilot.Replications);
                Number(w, "episodes_per_replication", pilot.EpisodesPerReplication);
                Number(w, "mean_episode_seconds", pilot.MeanEpisodeSeconds);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("pilot");
            }

            w.WriteEndObject();
            Estimate(w, "probability", estimate.Probability);
            Number(w, "relative_error", estimate.RelativeError);
            Number(w, "effective_sample_size", estimate.EffectiveSampleSize);
            w.WriteNumber("hits", a.Hits);
            w.WriteNumber("events", a.Events);
            Number(w, "max_weight_share", a.Weights.Value > 0 ? a.MaxWeight / a.Weights.Value : double.NaN);
            Estimate(w, "mean_likelihood_ratio", estimate.MeanLikelihoodRatio);
            Number(w, "naive_replications_for_same_error", estimate.NaiveReplications);
            Number(w, "extra_failures_per_replication", a.Replications > 0 ? (double)a.ExtraFailures / a.Replications : double.NaN);
            Number(w, "vulnerable_episodes_per_replication", a.Replications > 0 ? (double)a.Episodes / a.Replications : double.NaN);
            w.WriteBoolean("reliable", estimate.IsReliable);
            w.WriteStartArray("warnings");
            foreach (var warning in estimate.Warnings)
            {
                w.WriteStringValue(WarningKey(warning));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The stable key of a warning.</summary>
    public static string WarningKey(RareEventWarning warning) => warning switch
    {
        RareEventWarning.NoEventReached => "no_event_reached",
        RareEventWarning.FewHits => "few_hits",
        RareEventWarning.WeightsCollapsed => "weights_collapsed",
        RareEventWarning.LikelihoodDrift => "likelihood_drift",
        _ => throw new ArgumentOutOfRangeException(nameof(warning), warning, "Unknown warning."),
    };

    private static void Estimate(Utf8JsonWriter w, string name, Estimate e)
    {
        w.WriteStartObject(name);
        Number(w, "estimate", e.Interval.Estimate);
        Number(w, "lower", e.Interval.Lower);
        Number(w, "upper", e.Interval.Upper);
        w.WriteNumber("n", e.SampleSize);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value + 0.0);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
