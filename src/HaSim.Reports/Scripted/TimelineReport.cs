using System.Globalization;
using System.Text;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
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
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Scenario;
        var architecture = s.Preset.Architecture;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Scenario  {s.Name}\n");
        if (s.Description.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"          {s.Description.Trim()}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Preset    {s.Preset.Name}: {s.Preset.Title}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Seed      {result.Seed}\n");
        if (result.InvariantChecks > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Checked   {result.InvariantChecks:N0} invariant checks held\n");
        }

        if (s.Overrides.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Overrides {string.Join(", ", s.Overrides.Select(k => $"{k} = {s.Parameters[k].Display()}"))}\n");
        }

        sb.Append("\nTimeline\n");
        sb.Append(RenderTimeline(result.Trace, architecture));
        sb.Append("\nIncidents\n");
        sb.Append(RenderIncidents(result));
        foreach (var incident in result.Incidents)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nIncident {incident.Number}: {incident.FailureMode.Label} ({string.Join("; ", incident.Faults.Select(f => f.Describe()))})\n");
            sb.Append(RenderStages(incident));
        }

        if (result.Degraded.Count > 0)
        {
            sb.Append("\nDegraded time (service up, not counted as downtime)\n");
            var t = new TextTable("kind", ">from", ">to", ">duration");
            foreach (var d in result.Degraded)
            {
                t.Add(d.Kind.Label, Format.Clock(d.StartSeconds), Format.Clock(d.EndSeconds), Format.Seconds(d.DurationSeconds));
            }

            sb.Append(t.Render());
        }

        if (result.Expectations.Count > 0)
        {
            sb.Append("\nExpectations\n");
            sb.Append(RenderExpectations(result.Expectations));
        }

        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>The timeline: one line per fault, detection, finished stage, DNS change, service change and degraded change.</summary>
    public static string RenderTimeline(IReadOnlyList<TraceRecord> trace, ArchitectureDescriptor architecture)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(architecture);
        var t = new TextTable(">time", "event", "what", ">took");
        foreach (var r in trace)
        {
            string time = Format.Clock(r.TimeSeconds);
            switch (r.Kind)
            {
                case "stage-start":
                case "workflow":
                    break;
                case "stage-end":
                    string label = architecture.Stages.LabelOf(r.Subject);
                    bool done = r.Detail.StartsWith("done", StringComparison.Ordinal);
                    string background = r.Detail.EndsWith("(background)", StringComparison.Ordinal) ? " (background)" : "";
                    t.Add(time, "stage", label + background, done ? Format.Seconds(r.DurationSeconds) : r.Detail.Replace(" (background)", "", StringComparison.Ordinal));
                    break;
                case "fault":
                    t.Add(time, "FAULT", r.Detail, "");
                    break;
                case "service-down":
                    t.Add(time, "DOWN", architecture.FailureModes.LabelOf(r.Subject), "");
                    break;
                case "service-up":
                    t.Add(time, "UP", "server side serving again", "");
                    break;
                case "client-up":
                    t.Add(time, "clients", r.Detail, "");
                    break;
                case "degraded-start":
                    t.Add(time, "degraded", architecture.DegradedKinds.LabelOf(r.Subject), "");
                    break;
                case "degraded-end":
                    t.Add(time, "restored", architecture.DegradedKinds.LabelOf(r.Subject), Format.Seconds(r.DurationSeconds));
                    break;
                default:
                    t.Add(time, r.Kind, r.Detail.Length > 0 ? $"{r.Subject}: {r.Detail}" : r.Subject, "");
                    break;
            }
        }

        return t.IsEmpty ? "  (nothing happened)\n" : t.Render();
    }

    /// <summary>One row per incident with its recovery times and data loss.</summary>
    public static string RenderIncidents(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Incidents.Count == 0)
        {
            return "  (none: clients never lost the database)\n";
        }

        var t = new TextTable(">#", "failure mode", ">start", ">detected", ">server RTO", ">client RTO", ">RPO", ">?RPO time", ">?aborted", "?longest stage");
        foreach (var i in result.Incidents)
        {
            var longest = i.Stages.Count == 0 ? (RecoveryStage?)null : i.Stages.MaxBy(s => s.DurationSeconds);
            t.Add(
                i.Number.ToString(CultureInfo.InvariantCulture),
                i.FailureMode.Label,
                Format.Clock(i.StartSeconds),
                i.DetectionSeconds is { } d ? "+" + Format.Seconds(d) : "-",
                i.ServerRtoSeconds is { } sr ? Format.Seconds(sr) : "not recovered",
                i.RtoSeconds is { } r ? Format.Seconds(r) : "not recovered",
                Format.Bytes(i.RpoBytes),
                Format.Seconds(i.RpoSeconds),
                i.TransactionsAborted.ToString(CultureInfo.InvariantCulture),
                longest is { } l ? $"{l.Stage.Label} ({Format.Seconds(l.DurationSeconds)})" : "-");
        }

        return t.Render();
    }

    /// <summary>An incident's stages, in start order, with their share of the client-observed downtime.</summary>
    public static string RenderStages(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var t = new TextTable("stage", ">start", ">duration", ">share", "outcome");
        double total = incident.RtoSeconds ?? incident.ServerRtoSeconds ?? 0;
        foreach (var s in incident.Stages.OrderBy(s => s.StartSeconds))
        {
            t.Add(s.Stage.Label, "+" + Format.Seconds(s.StartSeconds - incident.StartSeconds), Format.Seconds(s.DurationSeconds),
                total > 0 ? Format.Percent(s.DurationSeconds / total, 0) : "-", s.OutcomeText);
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
        ArgumentNullException.ThrowIfNull(results);
        var t = new TextTable("result", "metric", ">measured", "expected", "?source");
        foreach (var r in results)
        {
            var e = r.Expectation;
            t.Add(r.Passed ? "PASS" : "FAIL", Describe(e), r.Actual is { } a ? Value(e.Metric, a) : "none", Band(e), e.Source ?? "");
        }

        return t.Render();
    }

    /// <summary>What an expectation measures, e.g. "incident 1 client RTO" or "degraded: cold cache".</summary>
    public static string Describe(Expectation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string subject = e.Subject is { } s ? $": {s.Label}" : "";
        return e.Metric.Scope == MetricScope.Run
            ? (e.Metric.Subject == MetricSubject.Degraded ? "degraded" : e.Metric.Label) + subject
            : $"incident {e.Incident} {(e.Metric.Subject == MetricSubject.Stage ? "stage" : e.Metric.Label)}{subject}";
    }

    /// <summary>A value of <paramref name="metric"/> in its unit.</summary>
    public static string Value(Metric metric, double v)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Unit switch
        {
            MetricUnit.Bytes => Format.Bytes(v),
            MetricUnit.Count => Format.Number(v),
            _ => Format.Seconds(v),
        };
    }

    internal static string Band(Expectation e) => (e.Min, e.Max) switch
    {
        ({ } a, { } b) when a == b => "= " + Value(e.Metric, a),
        ({ } a, { } b) => $"{Value(e.Metric, a)} .. {Value(e.Metric, b)}",
        ({ } a, null) => ">= " + Value(e.Metric, a),
        (null, { } b) => "<= " + Value(e.Metric, b),
        _ => "",
    };
}
