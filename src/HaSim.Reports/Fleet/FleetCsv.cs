using System.Globalization;
using System.Text;
using HaSim.Analysis.Fleet;

namespace HaSim.Reports.Fleet;

/// <summary>A fleet run's CSV files (RFC 4180, LF, invariant numbers; times in seconds).</summary>
public static class FleetCsv
{
    /// <summary>The columns of <c>recovery-curve.csv</c>.</summary>
    public static readonly string[] CurveColumns =
    [
        "event_kind", "seconds_after_event", "databases_down", "databases_down_lower", "databases_down_upper", "share_down", "share_down_lower", "share_down_upper", "events",
    ];

    /// <summary>The columns of <c>fleet-incidents.csv</c>.</summary>
    public static readonly string[] IncidentColumns =
    [
        "database", "group", "index", "zone", "failure_mode", "start_seconds", "detected_seconds", "server_restored_seconds", "client_restored_seconds", "rto_seconds", "rpo_bytes", "fleet_event",
    ];

    /// <summary>The columns of <c>recovery-steps.csv</c>.</summary>
    public static readonly string[] StepColumns = ["fleet_event", "event_kind", "subject", "at_seconds", "seconds_after_event", "databases_down"];

    /// <summary>Every kind of fleet event's recovery curve, one row per kind and grid time.</summary>
    public static string Curves(FleetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var sb = new StringBuilder().Append(string.Join(",", CurveColumns)).Append('\n');
        foreach (var e in summary.Events.Where(e => e.Curve.Events > 0))
        {
            foreach (var p in e.Curve.Points)
            {
                var d = p.DatabasesDown.Interval;
                var s = p.ShareDown.Interval;
                sb.Append(string.Join(",", e.Kind, Num(p.SecondsAfterEvent), Num(d.Estimate), Num(d.Lower), Num(d.Upper), Num(s.Estimate), Num(s.Lower), Num(s.Upper), Num(e.Curve.Events))).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Every incident of a replay, in the order they closed.</summary>
    public static string Incidents(FleetReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var sb = new StringBuilder().Append(string.Join(",", IncidentColumns)).Append('\n');
        foreach (var r in replay.Incidents)
        {
            sb.Append(string.Join(",", Num(r.Database), r.Group, Num(r.Index), $"az-{r.Zone + 1}", r.FailureMode, Num(r.StartSeconds), Num(r.DetectedSeconds), Num(r.ServerRestoredSeconds),
                Num(r.ClientRestoredSeconds), Num(r.RtoSeconds), Num(r.RpoBytes), r.Event < 0 ? "" : Num(r.Event + 1))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The exact recovery steps of every fleet event of a replay.</summary>
    public static string Steps(FleetReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var sb = new StringBuilder().Append(string.Join(",", StepColumns)).Append('\n');
        foreach (var e in replay.Events)
        {
            foreach (var step in e.Steps)
            {
                sb.Append(string.Join(",", Num(e.Event.Number), e.Event.Kind.Key, Quote(e.Event.Subject), Num(e.Event.AtSeconds), Num(step.SecondsAfterEvent), Num(step.DatabasesDown))).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Num(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
