using System.Text;
using HaSim.Model.Incidents;
using HaSim.Reports.Text;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Scripted;

/// <summary>The readable report of a scripted run: timeline, incidents, their stages, degraded time and expectations.</summary>
public static class TimelineReport
{
    /// <summary>Renders <paramref name="result"/> as plain text.</summary>
    public static string Render(ScenarioResult result)
    {
        var s = result.Scenario;
        var sb = new StringBuilder();
        sb.Append($"Scenario  {s.Name}\n");
        if (s.Description.Length > 0)
        {
            sb.Append($"          {s.Description.Trim()}\n");
        }

        sb.Append($"Preset    {s.Preset.Name}: {s.Preset.Title}\n");
        sb.Append($"Seed      {result.Seed}\n");
        if (s.Overrides.Count > 0)
        {
            sb.Append($"Overrides {string.Join(", ", s.Overrides.Select(k => $"{k} = {s.Parameters[k].Display()}"))}\n");
        }

        sb.Append("\nTimeline\n");
        sb.Append(RenderTimeline(result.Trace));
        sb.Append("\nIncidents\n");
        sb.Append(RenderIncidents(result));
        foreach (var incident in result.Incidents)
        {
            sb.Append($"\nIncident {incident.Number}: {incident.FailureMode} ({string.Join("; ", incident.Faults)})\n");
            sb.Append(RenderStages(incident));
        }

        if (result.Degraded.Count > 0)
        {
            sb.Append("\nDegraded time (service up, not counted as downtime)\n");
            var t = new TextTable("kind", ">from", ">to", ">duration");
            foreach (var d in result.Degraded)
            {
                t.Add(d.Kind, Format.Clock(d.StartSeconds), Format.Clock(d.EndSeconds), Format.Seconds(d.DurationSeconds));
            }

            sb.Append(t.Render());
        }

        if (result.Expectations.Count > 0)
        {
            sb.Append("\nExpectations\n");
            sb.Append(RenderExpectations(result.Expectations));
        }

        return sb.ToString();
    }

    /// <summary>The timeline: one line per fault, detection, finished stage, DNS change, service change and degraded change.</summary>
    public static string RenderTimeline(IReadOnlyList<TraceRecord> trace)
    {
        var t = new TextTable(">time", "event", "what", ">took");
        foreach (var r in trace)
        {
            switch (r.Kind)
            {
                case "stage-start":
                    break;
                case "stage-end":
                    t.Add(Format.Clock(r.TimeSeconds), "stage", r.Subject, r.Detail);
                    break;
                case "fault":
                    t.Add(Format.Clock(r.TimeSeconds), "FAULT", r.Detail, "");
                    break;
                case "service-down":
                    t.Add(Format.Clock(r.TimeSeconds), "DOWN", r.Subject, "");
                    break;
                case "service-up":
                    t.Add(Format.Clock(r.TimeSeconds), "UP", "server side serving again", "");
                    break;
                case "client-up":
                    t.Add(Format.Clock(r.TimeSeconds), "clients", r.Detail, "");
                    break;
                case "degraded-start":
                    t.Add(Format.Clock(r.TimeSeconds), "degraded", r.Subject, "");
                    break;
                case "degraded-end":
                    t.Add(Format.Clock(r.TimeSeconds), "restored", r.Subject, r.Detail);
                    break;
                default:
                    t.Add(Format.Clock(r.TimeSeconds), r.Kind, r.Detail.Length > 0 ? $"{r.Subject}: {r.Detail}" : r.Subject, "");
                    break;
            }
        }

        return t.IsEmpty ? "  (nothing happened)\n" : t.Render();
    }

    /// <summary>One row per incident with its recovery times and data loss.</summary>
    public static string RenderIncidents(ScenarioResult result)
    {
        if (result.Incidents.Count == 0)
        {
            return "  (none: clients never lost the database)\n";
        }

        var t = new TextTable(">#", "failure mode", ">start", ">detected", ">server RTO", ">client RTO", ">RPO", ">RPO time", ">aborted", "longest stage");
        foreach (var i in result.Incidents)
        {
            var longest = i.Stages.OrderByDescending(s => s.DurationSeconds).FirstOrDefault();
            t.Add(
                i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                i.FailureMode,
                Format.Clock(i.StartSeconds),
                i.DetectionSeconds is { } d ? "+" + Format.Seconds(d) : "-",
                i.ServerRtoSeconds is { } sr ? Format.Seconds(sr) : "not recovered",
                i.RtoSeconds is { } r ? Format.Seconds(r) : "not recovered",
                Format.Bytes(i.RpoBytes),
                Format.Seconds(i.RpoSeconds),
                i.TransactionsAborted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                longest is null ? "-" : $"{longest.Name} ({Format.Seconds(longest.DurationSeconds)})");
        }

        return t.Render();
    }

    /// <summary>An incident's stages with their share of the client-observed downtime.</summary>
    public static string RenderStages(Incident incident)
    {
        var t = new TextTable("stage", ">start", ">duration", ">share", "outcome");
        double total = incident.RtoSeconds ?? incident.ServerRtoSeconds ?? 0;
        foreach (var s in incident.Stages)
        {
            t.Add(s.Name, "+" + Format.Seconds(s.StartSeconds - incident.StartSeconds), Format.Seconds(s.DurationSeconds),
                total > 0 ? Format.Percent(s.DurationSeconds / total, 0) : "-", s.Outcome);
        }

        if (incident.ClientRestoredSeconds is { } c && incident.ServerRestoredSeconds is { } sr && c > sr)
        {
            t.Add(incident.EndpointChanged ? "clients see the DNS change and reconnect" : "clients reconnect", "+" + Format.Seconds(sr - incident.StartSeconds), Format.Seconds(c - sr),
                total > 0 ? Format.Percent((c - sr) / total, 0) : "-", "done");
        }

        return t.IsEmpty ? "  (no recovery stages)\n" : t.Render();
    }

    /// <summary>Each expectation with the measured value and PASS or FAIL.</summary>
    public static string RenderExpectations(IReadOnlyList<ExpectationResult> results)
    {
        var t = new TextTable("result", "metric", ">measured", "expected", "source");
        foreach (var r in results)
        {
            var e = r.Expectation;
            t.Add(r.Passed ? "PASS" : "FAIL", Describe(e), r.Actual is { } a ? Value(e.Metric, a) : "none", Band(e), e.Source ?? "");
        }

        return t.Render();
    }

    private static string Describe(Expectation e) => e.Metric switch
    {
        ExpectedMetric.Incidents => "incidents",
        ExpectedMetric.Degraded => $"degraded: {e.Subject}",
        ExpectedMetric.Stage => $"incident {e.Incident} stage: {e.Subject}",
        _ => $"incident {e.Incident} {MetricName(e.Metric)}",
    };

    private static string MetricName(ExpectedMetric m) => m switch
    {
        ExpectedMetric.Rto => "client RTO",
        ExpectedMetric.ServerRto => "server RTO",
        ExpectedMetric.Detection => "detection",
        ExpectedMetric.RpoBytes => "RPO",
        ExpectedMetric.RpoSeconds => "RPO time",
        _ => m.ToString(),
    };

    private static string Value(ExpectedMetric m, double v) => m switch
    {
        ExpectedMetric.RpoBytes => Format.Bytes(v),
        ExpectedMetric.Incidents => Format.Number(v),
        _ => Format.Seconds(v),
    };

    private static string Band(Expectation e) => (e.Min, e.Max) switch
    {
        ({ } a, { } b) when a == b => "= " + Value(e.Metric, a),
        ({ } a, { } b) => $"{Value(e.Metric, a)} .. {Value(e.Metric, b)}",
        ({ } a, null) => ">= " + Value(e.Metric, a),
        (null, { } b) => "<= " + Value(e.Metric, b),
        _ => "",
    };
}
