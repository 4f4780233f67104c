using HaSim.Reports.Scripted;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Output;

/// <summary>A scripted run's result set: summary.json, incidents.csv, stages.csv, trace.jsonl and timeline.txt.</summary>
public static class ScriptedRunOutput
{
    /// <summary>The files written, relative to the directory.</summary>
    public static readonly string[] Files = ["summary.json", "incidents.csv", "stages.csv", "trace.jsonl", "timeline.txt"];

    /// <summary>Writes all files of <paramref name="result"/> into <paramref name="folder"/> (committed by the caller).</summary>
    public static void Write(ResultFolder folder, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(result);
        folder.WriteText("trace.jsonl", ScenarioResultJson.TraceLines(result.Trace));
        folder.WriteText("incidents.csv", IncidentsCsv.Render(result.Incidents));
        folder.WriteText("stages.csv", StagesCsv.Render(result.Incidents));
        folder.WriteText("timeline.txt", TimelineReport.Render(result));
        folder.WriteText("summary.json", ScenarioResultJson.Summary(result));
    }
}
