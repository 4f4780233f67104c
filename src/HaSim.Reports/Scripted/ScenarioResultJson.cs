using System.Text;
using System.Text.Json;
using HaSim.Analysis;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Scripted;

/// <summary>Writes a scripted run as JSON: <c>summary.json</c>, and trace lines as JSON lines.</summary>
public static class ScenarioResultJson
{

    /// <summary>The summary document: scenario, seed, incidents with stages, degraded time and expectations. Times are seconds.</summary>
    public static string Summary(ScenarioResult result)
    {
        return JsonText.Write(w =>
        {
            var s = result.Scenario;
            w.WriteStartObject();
            w.WriteString("format", "hasim.scripted-run/2");
            w.WriteString("scenario", s.Name);
            w.WriteString("file", s.FilePath.Replace('\\', '/'));
            w.WriteString("preset", s.Preset.Name);
            w.WriteString("model", Model.Presets.ModelKindNames.Name(s.Preset.Model));
            w.WriteNumber("seed", result.Seed);
            w.WriteNumber("end_seconds", result.EndSeconds);
            w.WriteNumber("downtime_seconds", result.DowntimeSeconds);
            w.WriteBoolean("expectations_met", result.ExpectationsMet);
            w.WriteStartObject("overrides");
            foreach (var key in s.Overrides)
            {
                w.WriteString(key, s.Parameters[key].Display());
            }

            w.WriteEndObject();
            w.WriteStartArray("incidents");
            foreach (var i in result.Incidents)
            {
                WriteIncident(w, i);
            }

            w.WriteEndArray();
            w.WriteStartArray("degraded");
            foreach (var d in result.Degraded)
            {
                w.WriteStartObject();
                w.WriteString("kind", d.Kind.Key);
                w.WriteNumber("start_seconds", d.StartSeconds);
                w.WriteNumber("end_seconds", d.EndSeconds);
                w.WriteNumber("duration_seconds", d.DurationSeconds);
                if (d.IncidentNumber is { } n)
                {
                    w.WriteNumber("incident", n);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("expectations");
            foreach (var e in result.Expectations)
            {
                w.WriteStartObject();
                w.WriteString("metric", e.Expectation.Metric.Key);
                w.WriteNumber("incident", e.Expectation.Incident);
                WriteOptional(w, "of", e.Expectation.Subject?.Key);
                WriteOptional(w, "min", e.Expectation.Min);
                WriteOptional(w, "max", e.Expectation.Max);
                WriteOptional(w, "actual", e.Actual);
                w.WriteBoolean("passed", e.Passed);
                WriteOptional(w, "source", e.Expectation.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The event trace, one JSON object per line.</summary>
    public static string TraceLines(IReadOnlyList<TraceRecord> trace)
    {
        var sb = new StringBuilder();
        foreach (var r in trace)
        {
            sb.Append(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("t", r.TimeSeconds);
                w.WriteString("kind", r.Kind);
                w.WriteString("subject", r.Subject);
                w.WriteString("detail", r.Detail);
                if (r.Incident is { } n)
                {
                    w.WriteNumber("incident", n);
                }

                if (r.DurationSeconds is { } d)
                {
                    w.WriteNumber("duration_seconds", d);
                }

                WriteStructured(w, r);
                w.WriteEndObject();
            }, indented: false)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The line's subject under the name of what it is (keys as scenario files spell them), so tools need not parse <c>detail</c>.</summary>
    private static void WriteStructured(Utf8JsonWriter w, TraceRecord r)
    {
        switch (r.Kind)
        {
            case "fault":
                if (r.Target is not null)
                {
                    w.WriteString("target", r.Target);
                }

                if (r.Fault is not null)
                {
                    w.WriteString("fault", r.Fault);
                }

                break;
            case "stage-start":
            case "stage-end":
                w.WriteString("stage", r.Subject);
                w.WriteBoolean("background", r.Detail.EndsWith("background", StringComparison.Ordinal) || r.Detail.EndsWith("(background)", StringComparison.Ordinal));
                if (r.Kind == "stage-end")
                {
                    w.WriteString("outcome", r.Detail.StartsWith("interrupted", StringComparison.Ordinal) ? "interrupted" : r.Detail.StartsWith("unfinished", StringComparison.Ordinal) ? "unfinished" : "done");
                }

                break;
            case "service-down":
                w.WriteString("failure_mode", r.Subject);
                break;
            case "degraded-start":
            case "degraded-end":
                w.WriteString("degraded", r.Subject);
                break;
        }
    }

    private static void WriteIncident(Utf8JsonWriter w, Incident i)
    {
        w.WriteStartObject();
        w.WriteNumber("number", i.Number);
        w.WriteString("failure_mode", i.FailureMode.Key);
        w.WriteStartArray("faults");
        foreach (var f in i.Faults)
        {
            w.WriteStringValue(f.Describe());
        }

        w.WriteEndArray();
        w.WriteNumber("start_seconds", i.StartSeconds);
        WriteOptional(w, "detected_seconds", i.DetectedSeconds);
        WriteOptional(w, "server_restored_seconds", i.ServerRestoredSeconds);
        WriteOptional(w, "client_restored_seconds", i.ClientRestoredSeconds);
        foreach (var metric in MetricTable.IncidentFigures)
        {
            WriteOptional(w, metric.Key, metric.Read(i));
        }

        w.WriteBoolean("endpoint_changed", i.EndpointChanged);
        WriteOptional(w, "data_loss_cause", i.DataLossCause switch
        {
            DataLossCause.RestoreFromBackup => "restore_from_backup",
            DataLossCause.AsynchronousFailover => "asynchronous_failover",
            _ => null,
        });
        w.WriteStartArray("stages");
        foreach (var s in i.Stages)
        {
            w.WriteStartObject();
            w.WriteString("stage", s.Stage.Key);
            w.WriteString("label", s.Stage.Label);
            w.WriteNumber("start_seconds", s.StartSeconds);
            w.WriteNumber("end_seconds", s.EndSeconds);
            w.WriteNumber("duration_seconds", s.DurationSeconds);
            w.WriteString("outcome", s.Outcome.Key());
            WriteOptional(w, "interrupted_by", s.Outcome == StageOutcome.Interrupted ? (s.InterruptedBy?.Describe() ?? s.Reason) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
