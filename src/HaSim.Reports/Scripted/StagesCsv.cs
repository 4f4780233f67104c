using System.Text;
using HaSim.Model.Incidents;

namespace HaSim.Reports.Scripted;

/// <summary>
/// The recovery stages of a run's incidents as long-format CSV (RFC 4180): one row per incident and
/// stage, in the order the stages started; times in seconds. Joins <see cref="IncidentsCsv"/> on
/// <c>incident</c> = <c>number</c>.
/// </summary>
public static class StagesCsv
{
    /// <summary>The header line's columns.</summary>
    public static readonly string[] Columns = ["incident", "stage", "stage_label", "start_seconds", "duration_seconds", "interrupted"];

    /// <summary>Renders the stages of <paramref name="incidents"/>.</summary>
    public static string Render(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns).Append('\n');
        foreach (var i in incidents)
        {
            foreach (var s in i.Stages.OrderBy(s => s.StartSeconds))
            {
                string[] cells =
                [
                    IncidentsCsv.Num(i.Number), s.Stage.Key, s.Stage.Label, IncidentsCsv.Num(s.StartSeconds), IncidentsCsv.Num(s.DurationSeconds),
                    s.Outcome == StageOutcome.Interrupted ? "true" : "false",
                ];
                sb.AppendJoin(',', cells.Select(IncidentsCsv.Quote)).Append('\n');
            }
        }

        return sb.ToString();
    }
}
