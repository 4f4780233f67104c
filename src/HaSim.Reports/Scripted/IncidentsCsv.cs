using System.Globalization;
using System.Text;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;

namespace HaSim.Reports.Scripted;

/// <summary>Incidents as CSV (RFC 4180), one row per incident; times in seconds. Their stages are in <see cref="StagesCsv"/>.</summary>
public static class IncidentsCsv
{
    /// <summary>The header line's columns: the incident, then every per-incident figure of the metric table (with its unit), then the rest.</summary>
    public static readonly string[] Columns =
    [
        "number", "failure_mode", "start_seconds", .. MetricTable.IncidentFigures.Select(m => m.Column), "endpoint_changed", "faults",
    ];

    /// <summary>Renders the incidents.</summary>
    public static string Render(IEnumerable<Incident> incidents)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns)).Append('\n');
        foreach (var i in incidents)
        {
            string[] cells =
            [
                Num(i.Number), i.FailureMode.Key, Num(i.StartSeconds), .. MetricTable.IncidentFigures.Select(m => Num(m.Read(i))), i.EndpointChanged ? "true" : "false",
                string.Join("; ", i.Faults.Select(f => f.Describe())),
            ];
            sb.Append(string.Join(",", cells.Select(Quote))).Append('\n');
        }

        return sb.ToString();
    }

    internal static string Num(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    internal static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
