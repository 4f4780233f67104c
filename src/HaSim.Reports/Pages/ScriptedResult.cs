using System.Text.Json;

namespace HaSim.Reports.Pages;

/// <summary>A recovery stage of a scripted incident.</summary>
/// <param name="Stage">Its key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Start">When it began, seconds.</param>
/// <param name="End">When it ended.</param>
/// <param name="Outcome">How it ended: done, interrupted, ...</param>
public sealed record FileStageRun(string Stage, string Label, double Start, double End, string Outcome);

/// <summary>An incident of a scripted run.</summary>
/// <param name="Number">Its number.</param>
/// <param name="FailureMode">Its failure mode's key.</param>
/// <param name="Faults">The faults behind it, described.</param>
/// <param name="Start">When clients lost the database, seconds.</param>
/// <param name="Detected">When the failure was detected.</param>
/// <param name="ServerRestored">When the server served again.</param>
/// <param name="ClientRestored">When clients were back.</param>
/// <param name="Figures">Its per-incident figures by metric key (null: none).</param>
/// <param name="Stages">Its recovery stages.</param>
public sealed record FileIncident(int Number, string FailureMode, IReadOnlyList<string> Faults, double Start, double? Detected, double? ServerRestored, double? ClientRestored,
    IReadOnlyDictionary<string, double?> Figures, IReadOnlyList<FileStageRun> Stages);

/// <summary>A degraded interval.</summary>
/// <param name="Kind">The degraded kind's key.</param>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended.</param>
public sealed record FileDegradedInterval(string Kind, double Start, double End);

/// <summary>An expectation of the scenario and how the run met it.</summary>
/// <param name="Metric">The metric's key.</param>
/// <param name="Incident">The incident it is about (for per-incident metrics).</param>
/// <param name="Of">The stage or degraded kind it is about, if any.</param>
/// <param name="Min">The lowest value allowed.</param>
/// <param name="Max">The highest value allowed.</param>
/// <param name="Actual">What the run measured.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record FileExpectation(string Metric, int Incident, string? Of, double? Min, double? Max, double? Actual, bool Passed, string? Source);

/// <summary>A line of <c>trace.jsonl</c>.</summary>
/// <param name="Time">When, seconds.</param>
/// <param name="Kind">What happened (fault, zone-down, zone-up, ...).</param>
/// <param name="Subject">To what.</param>
/// <param name="Detail">Details.</param>
public sealed record FileTraceLine(double Time, string Kind, string Subject, string Detail);

/// <summary>A scripted run's <c>summary.json</c> (format <c>hasim.scripted-run/2</c>) and <c>trace.jsonl</c>, read back for a report.</summary>
/// <param name="File">The summary file.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioFile">The scenario file that ran.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Model">Its architecture.</param>
/// <param name="Seed">The seed.</param>
/// <param name="EndSeconds">When the run ended.</param>
/// <param name="DowntimeSeconds">Client downtime in all.</param>
/// <param name="ExpectationsMet">Whether every expectation held.</param>
/// <param name="Overrides">Parameters the scenario overrides (key, value).</param>
/// <param name="Incidents">The incidents.</param>
/// <param name="Degraded">Degraded intervals.</param>
/// <param name="Expectations">The expectations.</param>
/// <param name="Trace">The trace, if the folder has one.</param>
public sealed record ScriptedResult(string File, string Scenario, string ScenarioFile, string Preset, string Model, ulong Seed, double EndSeconds, double DowntimeSeconds, bool ExpectationsMet,
    IReadOnlyList<(string Key, string Value)> Overrides, IReadOnlyList<FileIncident> Incidents, IReadOnlyList<FileDegradedInterval> Degraded, IReadOnlyList<FileExpectation> Expectations,
    IReadOnlyList<FileTraceLine> Trace)
{
    /// <summary>The format this reads.</summary>
    public const string Format = "hasim.scripted-run/2";

    /// <summary>Reads a summary's text and, if given, the trace's.</summary>
    /// <exception cref="ReportInputException">A field is missing or malformed.</exception>
    public static ScriptedResult Parse(string file, string text, string? traceFile, string? traceText)
    {
        var j = JsonFields.Parse(file, text);
        string format = j.String("format");
        if (format != Format)
        {
            throw new ReportInputException($"{file}: format {format}: a scripted report needs {Format}");
        }

        var overrides = j.Object("overrides").Element.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToList();
        var incidents = j.Array("incidents").Select(i => new FileIncident(
            (int)i.Long("number"), i.String("failure_mode"), [.. i.Array("faults").Select(f => f.Element.ValueKind == JsonValueKind.String ? f.Element.GetString()! : throw new ReportInputException($"{f.File}: {f.Path}: expected a string"))],
            i.Number("start_seconds"), i.OptionalNumber("detected_seconds"), i.OptionalNumber("server_restored_seconds"), i.OptionalNumber("client_restored_seconds"),
            HaSim.Model.Metrics.MetricTable.IncidentFigures.Where(m => i.Element.TryGetProperty(m.Key, out _)).ToDictionary(m => m.Key, m => i.OptionalNumber(m.Key), StringComparer.Ordinal),
            [.. i.Array("stages").Select(s => new FileStageRun(s.String("stage"), s.String("label"), s.Number("start_seconds"), s.Number("end_seconds"), s.String("outcome")))])).ToList();
        var degraded = j.Array("degraded").Select(d => new FileDegradedInterval(d.String("kind"), d.Number("start_seconds"), d.Number("end_seconds"))).ToList();
        var expectations = j.Array("expectations").Select(e => new FileExpectation(e.String("metric"), (int)e.Long("incident"), e.OptionalString("of"),
            e.OptionalNumber("min"), e.OptionalNumber("max"), e.OptionalNumber("actual"), e.Bool("passed"), e.OptionalString("source"))).ToList();
        return new ScriptedResult(file, j.String("scenario"), j.String("file"), j.String("preset"), j.String("model"),
            ulong.TryParse(j.Element.GetProperty("seed").GetRawText(), out var seed) ? seed : throw j.Error("seed", "expected a whole number"),
            j.Number("end_seconds"), j.Number("downtime_seconds"), j.Bool("expectations_met"), overrides, incidents, degraded, expectations,
            traceText is null ? [] : ParseTrace(traceFile ?? "trace.jsonl", traceText));
    }

    private static List<FileTraceLine> ParseTrace(string file, string text)
    {
        var lines = new List<FileTraceLine>();
        int number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var j = JsonFields.Parse($"{file}:{number}", line);
            lines.Add(new FileTraceLine(j.Number("t"), j.String("kind"), j.String("subject"), j.String("detail")));
        }

        return lines;
    }
}
