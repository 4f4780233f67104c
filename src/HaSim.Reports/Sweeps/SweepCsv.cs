using System.Text;
using HaSim.Analysis.Sweeps;

namespace HaSim.Reports.Sweeps;

/// <summary>
/// Writes <c>sweep.csv</c>: one row per point; the swept parameters' values; for each figure its
/// estimate, interval, sample size and verdict (numbers in the figure's base unit, named in the
/// header); the cost per month when the file has prices; and whether it is the chosen point.
/// </summary>
public static class SweepCsv
{
    /// <summary>The CSV text of <paramref name="result"/> (LF line ends).</summary>
    public static string Write(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        var header = new List<string> { "point" };
        header.AddRange(r.Parameters.Select(p => p.Key));
        foreach (var f in r.Figures)
        {
            string name = $"{f.Key} [{SweepFormat.BaseUnit(f.Unit)}]";
            header.AddRange([name + " estimate", name + " lower", name + " upper", name + " n", name + " verdict"]);
        }

        if (result.Cost is { } model)
        {
            string unit = $" [{model.Currency}/month]";
            header.AddRange(["resources" + unit, "expected credit" + unit, "expected credit lower" + unit, "expected credit upper" + unit, "cost" + unit, "cost lower" + unit, "cost upper" + unit]);
        }

        header.Add("chosen");
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header.Select(Quote))).Append('\n');
        foreach (var p in result.Points)
        {
            var row = new List<string> { p.Point.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.AddRange(r.Parameters.Select(param => p.Point.Settings.FirstOrDefault(s => s.Key == param.Key).Value ?? ""));
            foreach (var f in p.Figures)
            {
                var e = f.Estimate;
                row.AddRange([SweepFormat.Number(e.Value), SweepFormat.Number(e.Interval.Lower), SweepFormat.Number(e.Interval.Upper),
                    e.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Verdict is { } v ? SweepFormat.Key(v) : ""]);
            }

            if (result.Cost is not null)
            {
                var c = p.Cost!;
                row.AddRange([SweepFormat.Number(c.Resources.Total), SweepFormat.Number(c.Credit), SweepFormat.Number(c.CreditLower), SweepFormat.Number(c.CreditUpper),
                    SweepFormat.Number(c.Total), SweepFormat.Number(c.TotalLower), SweepFormat.Number(c.TotalUpper)]);
            }

            row.Add(result.Chosen == p.Point.Index ? "true" : "false");
            sb.Append(string.Join(",", row.Select(Quote))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
