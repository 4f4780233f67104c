using System.Globalization;
using System.Text;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Reports.Output;
using HaSim.Reports.Text;

namespace HaSim.Reports.RareEvents;

/// <summary>The readable report of an accelerated rare-event run, and its output directory.</summary>
public static class RareEventReport
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The readable report file name.</summary>
    public const string ReportFile = "report.txt";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders the estimate, its diagnostics and any warning.</summary>
    public static string Render(ScenarioIdentity scenario, RareEventEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(estimate);
        var run = estimate.Run;
        var s = run.Settings;
        var a = run.Accumulator;
        int pct = (int)Math.Round(s.Level * 100);
        var sb = new StringBuilder();
        string of = s.FailureMode is null ? "" : $" (incidents of {s.FailureMode} only)";
        sb.Append(C, $"Scenario  {scenario.Name} (preset {scenario.Preset}, model {scenario.Model})\n");
        sb.Append(C, $"Event     {s.Event.Key}: {s.Event.Label}{of}\n");
        sb.Append(C, $"Run       {a.Replications} replications x {s.Years:0.###} years, seed {s.Seed}; importance sampling with balanced failure biasing\n");
        string components = string.Join(", ", run.Biasing.Components.Select(c => string.Create(C, $"{Sci(c.Strength)} / ({c.TimeScaleSeconds:0.#} s + t)")));
        sb.Append(C, $"Biasing   extra failure rate {components} while {(run.Biasing.Importance == Model.Architectures.RedundancyKind.Data ? "a copy of the data" : "a copy of the data or a serving path")} is down (t: time since)\n");
        if (run.Pilot is { } pilot)
        {
            sb.Append(C, $"          set by a pilot of {pilot.Replications} unbiased replications: {pilot.EpisodesPerReplication:0.##} vulnerable episodes each, {pilot.MeanEpisodeSeconds:0.#} s on average\n");
        }

        sb.Append('\n');
        sb.Append(C, $"  P({s.Event.Label}){of} = {Sci(estimate.Probability.Value)}  {pct}% CI {Sci(estimate.Probability.Interval.Lower)} .. {Sci(estimate.Probability.Interval.Upper)}\n");
        sb.Append(C, $"  relative error {Percent(estimate.RelativeError)}; {a.Hits} replications reached the event ({a.Events} events); effective sample size {estimate.EffectiveSampleSize:0.#}\n");
        sb.Append(C, $"  mean likelihood ratio {estimate.MeanLikelihoodRatio.Value:0.###} ({pct}% CI {estimate.MeanLikelihoodRatio.Interval.Lower:0.###} .. {estimate.MeanLikelihoodRatio.Interval.Upper:0.###}; 1 in expectation)\n");
        sb.Append(C, $"  {(double)a.ExtraFailures / Math.Max(1, a.Replications):0.##} extra failures per replication; naive Monte Carlo would need about {Sci(estimate.NaiveReplications)} replications for the same interval\n");
        foreach (var warning in estimate.Warnings)
        {
            sb.Append("  WARNING: ").Append(Describe(warning)).Append('\n');
        }

        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>Writes <c>report.txt</c> and <c>summary.json</c> into <paramref name="folder"/> (committed by the caller).</summary>
    public static void Write(ResultFolder folder, ScenarioIdentity scenario, RareEventEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.WriteText(ReportFile, Render(scenario, estimate));
        folder.WriteText(SummaryFile, RareEventJson.Summary(scenario, estimate));
    }

    private static string Describe(RareEventWarning warning) => warning switch
    {
        RareEventWarning.NoEventReached => "no replication reached the event: the estimate says nothing about how rare it is (run more replications, or it may be unreachable)",
        RareEventWarning.FewHits => $"fewer than {RareEventEstimate.MinimumHits} replications reached the event: do not trust the interval; run more replications",
        RareEventWarning.WeightsCollapsed => "the weights collapsed (a few replications carry most of the weight): do not trust the interval; run more replications",
        RareEventWarning.LikelihoodDrift => "the likelihood ratios do not average 1: the biasing misses paths the model takes; do not trust the estimate",
        _ => warning.ToString(),
    };

    private static string Sci(double x) => !double.IsFinite(x) ? (double.IsNaN(x) ? "-" : "inf") : x == 0 ? "0" : x.ToString("0.00e+0", C);

    private static string Percent(double x) => double.IsFinite(x) ? (x * 100).ToString("0.#", C) + "%" : "inf";
}
