using HaSim.Reports.Sweeps;

namespace HaSim.Reports.Pages;

/// <summary>A figure's estimate read back from <c>sweep.json</c> (null bounds: unbounded or undefined).</summary>
/// <param name="Key">The figure's key.</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="N">The sample size.</param>
/// <param name="Verdict">The goal's verdict, for the goal's figure.</param>
public sealed record SweepFileFigure(string Key, double? Estimate, double? Lower, double? Upper, long N, string? Verdict);

/// <summary>A point read back from <c>sweep.json</c>.</summary>
/// <param name="Index">Its index.</param>
/// <param name="Settings">Key and value of each parameter it sets.</param>
/// <param name="Figures">Its figures.</param>
/// <param name="Resources">Resources per month, with prices.</param>
/// <param name="Credit">Expected SLA credit per month, with prices.</param>
/// <param name="Total">Cost per month, with prices.</param>
/// <param name="TotalLower">Its lower bound.</param>
/// <param name="TotalUpper">Its upper bound.</param>
public sealed record SweepFilePoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Settings, IReadOnlyList<SweepFileFigure> Figures, double? Resources, double? Credit, double? Total, double? TotalLower, double? TotalUpper)
{
    /// <summary>The point for people.</summary>
    public string Label => string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"));
}

/// <summary><c>sweep.json</c> (format <see cref="SweepFormat.Format"/>) read back for the report.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Kind">"database" or "fleet".</param>
/// <param name="Mode">"grid" or "one_at_a_time".</param>
/// <param name="Years">Years per replication, or null for scripted replays.</param>
/// <param name="Replications">Replications per point.</param>
/// <param name="Seed">The root seed.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Parameters">The swept keys.</param>
/// <param name="Figures">Each figure's key, label and base unit.</param>
/// <param name="Goal">The goal's text, figure key, relation and limit, or null.</param>
/// <param name="Currency">The prices' currency, or null without prices.</param>
/// <param name="ExamplePrices">True if the prices are the shipped example ones.</param>
/// <param name="Points">The points.</param>
/// <param name="Chosen">The chosen point's index, or null.</param>
/// <param name="Answer">The answer as printed.</param>
public sealed record SweepResultFile(string Name, string Kind, string Mode, double? Years, long Replications, string Seed, double Level,
    IReadOnlyList<string> Parameters, IReadOnlyList<(string Key, string Label, string Unit)> Figures, (string Text, string Figure, string Relation, double Limit)? Goal,
    string? Currency, bool ExamplePrices, IReadOnlyList<SweepFilePoint> Points, int? Chosen, string Answer)
{
    /// <summary>Reads <paramref name="text"/>, the contents of <paramref name="file"/>.</summary>
    /// <exception cref="ReportInputException">The file is not a sweep of a known format or lacks a field.</exception>
    public static SweepResultFile Parse(string file, string text)
    {
        var root = JsonFields.Parse(file, text);
        string format = root.String("format");
        if (format != SweepFormat.Format)
        {
            throw root.Error("format", $"'{format}' is not {SweepFormat.Format}");
        }

        var scenario = root.Object("scenario");
        var run = root.Object("run");
        (string, string, string, double)? goal = root.Has("goal")
            ? (root.Object("goal").String("text"), root.Object("goal").String("figure"), root.Object("goal").String("relation"), root.Object("goal").Number("limit"))
            : null;
        JsonFields? cost = root.Has("cost") ? root.Object("cost") : null;
        var points = root.Array("points").Select(p =>
        {
            var settings = new List<KeyValuePair<string, string>>();
            foreach (var property in p.Object("settings").Element.EnumerateObject())
            {
                settings.Add(new(property.Name, property.Value.GetString() ?? ""));
            }

            var figures = p.Array("figures").Select(f => new SweepFileFigure(f.String("key"), f.OptionalNumber("estimate"), f.OptionalNumber("lower"), f.OptionalNumber("upper"), f.Long("n"), f.OptionalString("verdict"))).ToList();
            JsonFields? c = p.Has("cost") ? p.Object("cost") : null;
            return new SweepFilePoint((int)p.Long("index"), settings, figures, c?.Number("resources"), c?.Number("credit"), c?.Number("total"), c?.Number("total_lower"), c?.Number("total_upper"));
        }).ToList();
        return new SweepResultFile(scenario.String("name"), scenario.String("kind"), root.String("mode"), run.OptionalNumber("years"), run.Long("replications"),
            run.Element.GetProperty("seed").GetRawText(), run.Number("level"),
            [.. root.Array("parameters").Select(p => p.String("key"))],
            [.. root.Array("figures").Select(f => (f.String("key"), f.String("label"), f.String("unit")))],
            goal, cost?.String("currency"), cost?.String("prices") == "example", points, root.Has("chosen") ? (int)root.Long("chosen") : null, root.String("answer"));
    }
}
