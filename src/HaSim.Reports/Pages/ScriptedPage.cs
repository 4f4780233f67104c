using HaSim.Model.Architectures;
using HaSim.Model.Metrics;
using HaSim.Reports.Charts;
using HaSim.Reports.Html;
using static HaSim.Reports.Pages.PageFormat;

namespace HaSim.Reports.Pages;

/// <summary>The report of a scripted replay: what went down and when, each incident's recovery stages, degraded time and the scenario's expectations.</summary>
public static class ScriptedPage
{
    /// <summary>How many incidents get a chart of their own (the table lists all).</summary>
    public const int IncidentCharts = 8;

    /// <summary>The whole page of <paramref name="r"/>.</summary>
    public static ReportDocument Build(ScriptedResult r, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(options);
        var names = ArchitectureRegistry.Find(r.Model);
        string Mode(string key) => names?.FailureModes.LabelOf(key) ?? key;
        string Kind(string key) => names?.DegradedKinds.LabelOf(key) ?? key;
        string Subject(string key) => names?.Stages.ByKey(key)?.Label ?? Kind(key); // an expectation's 'of:' names a stage or a degraded kind

        var facts = new List<(string, string)> { ("preset", r.Preset), ("model", r.Model), ("seed", r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("scenario file", r.ScenarioFile) };
        if (r.Overrides.Count > 0)
        {
            facts.Add(("overrides", string.Join(", ", r.Overrides.Select(o => $"{o.Key} = {o.Value}"))));
        }

        var sections = new List<ReportSection>
        {
            new("summary", "Summary", [KeyFigures(r)]),
            new("timeline", "Timeline", [new ChartBlock(TimelineChart.Render("timeline", Overview(r, Kind)), null, "Diamonds mark faults; red bars are time down, orange bars degraded time; background work (rebuilding a standby) is not downtime."), EventTable(r, Mode)]),
            new("incidents", "Incidents", [IncidentTable(r, Mode)]),
        };
        foreach (var incident in r.Incidents.Take(IncidentCharts))
        {
            sections.Add(new($"incident_{incident.Number}", $"Incident {incident.Number}: {Mode(incident.FailureMode)}", IncidentBlocks(r, incident, options), 3));
        }

        if (r.Incidents.Count > IncidentCharts)
        {
            sections.Add(new("more_incidents", "Further incidents", [new Paragraph($"{r.Incidents.Count - IncidentCharts} more incidents are in the table above and in incidents.csv.")], 3));
        }

        if (r.Degraded.Count > 0)
        {
            sections.Add(new("degraded", "Degraded time", [new DataTable("Service up but degraded (not counted as downtime)", ["kind", ">from", ">to", ">duration"],
                [.. r.Degraded.Select(d => (IReadOnlyList<string>)[Kind(d.Kind), Clock(d.Start), Clock(d.End), Seconds(d.End - d.Start)])])]));
        }

        if (r.Expectations.Count > 0)
        {
            sections.Add(new("expectations", "Expectations", [new DataTable("The scenario's expectations", ["result", "figure", ">measured", ">expected", "source"],
                [.. r.Expectations.Select(e => (IReadOnlyList<string>)[e.Passed ? "PASS" : "FAIL", Describe(e, Subject), Metric(e.Metric, e.Actual), Band(e), e.Source ?? ""])])]));
        }

        return new ReportDocument($"{r.Scenario}: scripted replay", facts, sections);
    }

    private static KeyFigures KeyFigures(ScriptedResult r)
    {
        var worst = r.Incidents.Select(i => i.Figures.GetValueOrDefault(MetricTable.Rto.Key)).Where(x => x is not null).DefaultIfEmpty(null).Max();
        var lost = r.Incidents.Select(i => i.Figures.GetValueOrDefault(MetricTable.RpoBytes.Key) ?? 0).DefaultIfEmpty(0).Sum();
        int passed = r.Expectations.Count(e => e.Passed);
        var figures = new List<KeyFigure>
        {
            new("incidents", Count(r.Incidents.Count), $"over {Clock(r.EndSeconds)} of simulated time"),
            new("client downtime", Seconds(r.DowntimeSeconds), "clients without the database, in all"),
            new("worst client RTO", Seconds(worst), r.Incidents.Any(i => i.ClientRestored is null) ? "some incident did not recover before the end" : "fault to clients reconnected"),
            new("data lost", Bytes(lost), "committed WAL the recovered database no longer has", lost > 0 ? Tone.Bad : Tone.Good),
        };
        if (r.Expectations.Count > 0)
        {
            figures.Add(new("expectations", $"{passed} of {r.Expectations.Count} met", r.ExpectationsMet ? "every figure the scenario expects" : "see Expectations", r.ExpectationsMet ? Tone.Good : Tone.Bad));
        }

        return new KeyFigures(figures);
    }

    /// <summary>The whole run: components down and up (from the trace), the service, background work and degraded time.</summary>
    private static TimelineChartData Overview(ScriptedResult r, Func<string, string> kind)
    {
        var lanes = new List<(string Label, List<TimelineSpan> Spans, List<double> Marks)>();
        (string, List<TimelineSpan>, List<double>) Lane(string label)
        {
            var lane = lanes.FirstOrDefault(l => l.Label == label);
            if (lane.Label is null)
            {
                lane = (label, [], []);
                lanes.Add(lane);
            }

            return lane;
        }

        var down = new Dictionary<string, double>(StringComparer.Ordinal);
        var background = new Dictionary<string, double>(StringComparer.Ordinal);
        var names = ArchitectureRegistry.Find(r.Model);
        foreach (var t in r.Trace)
        {
            switch (t.Kind)
            {
                case "fault":
                    Lane(t.Subject).Item3.Add(t.Time);
                    break;
                case "zone-down" or "region-down" or "object-storage-down":
                    down[t.Subject] = t.Time;
                    Lane(t.Subject);
                    break;
                case "zone-up" or "region-up" or "object-storage-up" when down.Remove(t.Subject, out var since):
                    Lane(t.Subject).Item2.Add(new TimelineSpan(since, t.Time, SpanKind.Down));
                    break;
                case "stage-start" when t.Detail == "background":
                    background[t.Subject] = t.Time;
                    break;
                case "stage-end" when t.Detail.EndsWith("(background)", StringComparison.Ordinal) && background.Remove(t.Subject, out var began):
                    Lane((names?.Stages.LabelOf(t.Subject) ?? t.Subject) + " (background)").Item2.Add(new TimelineSpan(began, t.Time, SpanKind.Background));
                    break;
            }
        }

        foreach (var (subject, since) in down.OrderBy(d => d.Value))
        {
            Lane(subject).Item2.Add(new TimelineSpan(since, r.EndSeconds, SpanKind.Down));
        }

        var server = Lane("server side serving").Item2;
        var clients = Lane("clients connected").Item2;
        foreach (var i in r.Incidents)
        {
            server.Add(new TimelineSpan(i.Start, i.ServerRestored ?? r.EndSeconds, SpanKind.Down));
            clients.Add(new TimelineSpan(i.Start, i.ClientRestored ?? r.EndSeconds, SpanKind.Down));
        }

        foreach (var d in r.Degraded)
        {
            Lane(kind(d.Kind)).Item2.Add(new TimelineSpan(d.Start, d.End, SpanKind.Degraded));
        }

        return new TimelineChartData("What was down, and when", [.. lanes.Select(l => new TimelineLane(l.Label, l.Spans, l.Marks))], [], 0, r.EndSeconds);
    }

    private static DataTable EventTable(ScriptedResult r, Func<string, string> mode)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var t in r.Trace)
        {
            string? what = t.Kind switch
            {
                "fault" => "fault: " + t.Detail,
                "service-down" => "down: " + mode(t.Subject),
                "service-up" => "server side serving again",
                "client-up" => t.Detail,
                "detected" => $"detected by {t.Subject}",
                "zone-down" or "region-down" or "object-storage-down" or "zone-up" or "region-up" or "object-storage-up" => $"{t.Subject}: {t.Detail}",
                "data-loss" => "data lost: " + t.Detail,
                _ => null,
            };
            if (what is not null)
            {
                rows.Add([Clock(t.Time), what]);
            }
        }

        const int MaxRows = 30;
        if (rows.Count > MaxRows)
        {
            int more = rows.Count - MaxRows;
            rows = [.. rows.Take(MaxRows), ["", $"… {more} more events in trace.jsonl"]];
        }

        return new DataTable("Key events", [">time", "event"], rows);
    }

    private static DataTable IncidentTable(ScriptedResult r, Func<string, string> mode) =>
        new("Every incident", [">#", "failure mode", ">start", ">detected after", ">server RTO", ">client RTO", ">RPO", ">RPO time"],
        [
            .. r.Incidents.Select(i => (IReadOnlyList<string>)[i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), mode(i.FailureMode), Clock(i.Start),
                Seconds(i.Figures.GetValueOrDefault(MetricTable.Detection.Key)), i.ServerRestored is null ? "not recovered" : Seconds(i.Figures.GetValueOrDefault(MetricTable.ServerRto.Key)),
                i.ClientRestored is null ? "not recovered" : Seconds(i.Figures.GetValueOrDefault(MetricTable.Rto.Key)), Bytes(i.Figures.GetValueOrDefault(MetricTable.RpoBytes.Key)),
                Seconds(i.Figures.GetValueOrDefault(MetricTable.RpoSeconds.Key))]),
        ]);

    private static List<ReportBlock> IncidentBlocks(ScriptedResult r, FileIncident i, ReportOptions options)
    {
        var lines = new List<ChartThreshold>();
        if (options.BudgetSeconds is { } budget)
        {
            lines.Add(new ChartThreshold(i.Start + budget, "RTO budget " + ChartAxes.DurationLabel(budget)));
        }

        foreach (var e in r.Expectations.Where(e => e.Incident == i.Number && e.Max is not null && (e.Metric == MetricTable.Rto.Key || e.Metric == MetricTable.ServerRto.Key)))
        {
            lines.Add(new ChartThreshold(i.Start + e.Max!.Value, $"expected {(e.Metric == MetricTable.Rto.Key ? "client" : "server")} RTO ≤ {ChartAxes.DurationLabel(e.Max.Value)}"));
        }

        var stages = i.Stages.OrderBy(s => s.Start).ToList();
        var lanes = stages.Select(s => new TimelineLane(s.Label, [new TimelineSpan(s.Start, s.End, s.Outcome == "done" ? SpanKind.Stage : SpanKind.Interrupted)], [])).ToList();
        double end = new[] { i.ClientRestored ?? r.EndSeconds, i.ServerRestored ?? r.EndSeconds }.Concat(stages.Select(s => s.End)).Max();
        lanes.Add(new TimelineLane("server side serving", [new TimelineSpan(i.Start, i.ServerRestored ?? r.EndSeconds, SpanKind.Down)], [i.Start]));
        lanes.Add(new TimelineLane("clients connected", [new TimelineSpan(i.Start, i.ClientRestored ?? r.EndSeconds, SpanKind.Down)], []));
        double to = Math.Max(end, lines.Select(l => l.Value).DefaultIfEmpty(end).Max());
        double pad = Math.Max(1, (to - i.Start) * 0.05);
        var chart = TimelineChart.Render($"incident_{i.Number}", new TimelineChartData($"Incident {i.Number}: recovery stages", lanes, lines, Math.Max(0, i.Start - pad), to + pad));

        double total = i.Figures.GetValueOrDefault(MetricTable.Rto.Key) ?? i.Figures.GetValueOrDefault(MetricTable.ServerRto.Key) ?? 0;
        var table = new DataTable("Stages, from the fault", ["stage", ">starts", ">takes", ">share of RTO", "outcome"],
            [.. stages.Select(s => (IReadOnlyList<string>)[s.Label, "+" + Seconds(s.Start - i.Start), Seconds(s.End - s.Start), total > 0 ? Share((s.End - s.Start) / total) : "–", s.Outcome])]);
        string faults = string.Join("; ", i.Faults);
        return [new Paragraph($"Faults: {faults}."), new ChartBlock(chart, table, "Stages can overlap, so their shares can add up to more than 100%. Grey bars are stages a later fault interrupted.")];
    }

    private static string Describe(FileExpectation e, Func<string, string> subject)
    {
        var metric = MetricTable.All.ByKey(e.Metric);
        string label = metric?.Label ?? e.Metric;
        string of = e.Of is { } o ? ": " + subject(o) : "";
        return metric?.Scope == MetricScope.Run ? label + of : $"incident {e.Incident} {label}{of}";
    }

    private static string Band(FileExpectation e) => (e.Min, e.Max) switch
    {
        ({ } a, { } b) when a == b => "= " + Metric(e.Metric, a),
        ({ } a, { } b) => $"{Metric(e.Metric, a)} .. {Metric(e.Metric, b)}",
        ({ } a, null) => "≥ " + Metric(e.Metric, a),
        (null, { } b) => "≤ " + Metric(e.Metric, b),
        _ => "",
    };
}
