using System.Text.Json;
using HaSim.Analysis;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Reports.MonteCarlo;

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
            MonteCarloJson.WriteIdentity(w, scenario);
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
                MonteCarloJson.WriteNumber(w, "time_scale_seconds", c.TimeScaleSeconds);
                MonteCarloJson.WriteNumber(w, "strength", c.Strength);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (run.Pilot is { } pilot)
            {
                w.WriteStartObject("pilot");
                w.WriteNumber("replications", pilot.Replications);
                MonteCarloJson.WriteNumber(w, "episodes_per_replication", pilot.EpisodesPerReplication);
                MonteCarloJson.WriteNumber(w, "mean_episode_seconds", pilot.MeanEpisodeSeconds);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("pilot");
            }

            w.WriteEndObject();
            MonteCarloJson.WriteEstimate(w, "probability", estimate.Probability);
            MonteCarloJson.WriteNumber(w, "relative_error", estimate.RelativeError);
            MonteCarloJson.WriteNumber(w, "effective_sample_size", estimate.EffectiveSampleSize);
            w.WriteNumber("hits", a.Hits);
            w.WriteNumber("events", a.Events);
            MonteCarloJson.WriteNumber(w, "max_weight_share", a.Weights.Value > 0 ? a.MaxWeight / a.Weights.Value : double.NaN);
            MonteCarloJson.WriteEstimate(w, "mean_likelihood_ratio", estimate.MeanLikelihoodRatio);
            MonteCarloJson.WriteNumber(w, "naive_replications_for_same_error", estimate.NaiveReplications);
            MonteCarloJson.WriteNumber(w, "extra_failures_per_replication", a.Replications > 0 ? (double)a.ExtraFailures / a.Replications : double.NaN);
            MonteCarloJson.WriteNumber(w, "vulnerable_episodes_per_replication", a.Replications > 0 ? (double)a.Episodes / a.Replications : double.NaN);
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
}
