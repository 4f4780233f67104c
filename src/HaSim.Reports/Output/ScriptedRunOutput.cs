using HaSim.Reports.Scripted;
using HaSim.Scenarios.Running;

namespace HaSim.Reports.Output;

/// <summary>Writes a scripted run's output directory: summary.json, incidents.csv, trace.jsonl and timeline.txt, each atomically.</summary>
public static class ScriptedRunOutput
{
    /// <summary>The files written, relative to the directory.</summary>
    public static readonly string[] Files = ["summary.json", "incidents.csv", "trace.jsonl", "timeline.txt"];

    /// <summary>Writes all files of <paramref name="result"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ScenarioResult result)
    {
        // Trace and tables first, summary last: a directory with summary.json is complete.
        AtomicFile.WriteAllText(Path.Combine(directory, "trace.jsonl"), ScenarioResultJson.TraceLines(result.Trace));
        AtomicFile.WriteAllText(Path.Combine(directory, "incidents.csv"), IncidentsCsv.Render(result.Incidents));
        AtomicFile.WriteAllText(Path.Combine(directory, "timeline.txt"), TimelineReport.Render(result));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.json"), ScenarioResultJson.Summary(result));
    }
}
