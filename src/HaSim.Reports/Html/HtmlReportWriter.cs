using System.Net;
using System.Text;

namespace HaSim.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML page: CSS inline, charts inline
/// as SVG, no script, and a content security policy that forbids loading anything, so the file works
/// offline and shows the same everywhere.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The page's style: readable on a laptop, charts beside their tables when there is room.</summary>
    private const string Style = """
        :root { --text: #222; --muted: #5b5b5b; --line: #d9d9d9; --good: #0b6e3f; --bad: #b3261e; --accent: #0072b2; --card: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--text); background: #fff; }
        header, main, footer, nav { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 24px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 21px; margin: 32px 0 12px; padding-top: 8px; border-top: 1px solid var(--line); }
        h3 { font-size: 17px; margin: 24px 0 8px; }
        dl.facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0 0 16px; color: var(--muted); }
        dl.facts div { display: flex; gap: 6px; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 12px 0; }
        nav a, a { color: var(--accent); }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; margin: 12px 0 20px; }
        .figure-card { background: var(--card); border-left: 4px solid var(--line); padding: 10px 12px; border-radius: 4px; }
        .figure-card.good { border-left-color: var(--good); }
        .figure-card.bad { border-left-color: var(--bad); }
        .figure-card .label { color: var(--muted); font-size: 13px; }
        .figure-card .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .figure-card .detail { color: var(--muted); font-size: 12px; }
        figure.chart { margin: 16px 0 24px; }
        figure.chart figcaption { font-weight: 650; font-size: 16px; margin-bottom: 6px; }
        .chart-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 20px; align-items: start; }
        .chart-body.alone { grid-template-columns: minmax(0, 1fr); }
        .chart-image svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
        .chart-body.alone .chart-image { max-width: 960px; }
        p.note { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; margin: 8px 0 16px; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: var(--card); font-weight: 600; }
        tbody th { background: none; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        footer { color: var(--muted); font-size: 12px; padding: 24px; border-top: 1px solid var(--line); margin-top: 32px; }
        @media (max-width: 900px) { .chart-body { grid-template-columns: minmax(0, 1fr); } }
        @media print { nav { display: none; } figure.chart { break-inside: avoid; } }
        """;

    /// <summary>A table this wide goes under its chart rather than beside it.</summary>
    private const int SideTableColumns = 4;

    /// <summary>The page's text.</summary>
    public static string Render(ReportDocument document, string footer)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<title>").Append(E(document.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header>\n<h1>").Append(E(document.Title)).Append("</h1>\n");
        if (document.Facts.Count > 0)
        {
            sb.Append("<dl class=\"facts\">");
            foreach (var (label, value) in document.Facts)
            {
                sb.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");
            }

            sb.Append("</dl>\n");
        }

        sb.Append("</header>\n<nav aria-label=\"Contents\"><ol>");
        foreach (var s in document.Sections.Where(s => s.Level == 2))
        {
            sb.Append("<li><a href=\"#").Append(E(s.Id)).Append("\">").Append(E(s.Heading)).Append("</a></li>");
        }

        sb.Append("</ol></nav>\n<main>\n");
        foreach (var section in document.Sections)
        {
            string h = section.Level <= 2 ? "h2" : "h3";
            sb.Append("<section id=\"").Append(E(section.Id)).Append("\" aria-labelledby=\"").Append(E(section.Id)).Append("-heading\">\n");
            sb.Append('<').Append(h).Append(" id=\"").Append(E(section.Id)).Append("-heading\">").Append(E(section.Heading)).Append("</").Append(h).Append(">\n");
            foreach (var block in section.Blocks)
            {
                Block(sb, block);
            }

            sb.Append("</section>\n");
        }

        sb.Append("</main>\n<footer>").Append(E(footer)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                break;
            case KeyFigures k:
                sb.Append("<div class=\"figures\">\n");
                foreach (var f in k.Figures)
                {
                    string tone = f.Tone switch { Tone.Good => " good", Tone.Bad => " bad", _ => "" };
                    sb.Append("<div class=\"figure-card").Append(tone).Append("\"><div class=\"label\">").Append(E(f.Label)).Append("</div><div class=\"value\">")
                        .Append(E(f.Value)).Append("</div><div class=\"detail\">").Append(E(f.Detail)).Append("</div></div>\n");
                }

                sb.Append("</div>\n");
                break;
            case DataTable t:
                Table(sb, t);
                break;
            case ChartBlock c:
                string id = "chart-" + c.Chart.Id;
                sb.Append("<figure class=\"chart\" id=\"").Append(E(id)).Append("\" data-chart=\"").Append(E(c.Chart.Id)).Append("\">\n<figcaption>")
                    .Append(E(c.Chart.Title)).Append("</figcaption>\n<div class=\"chart-body").Append(c.Table is null || c.Table.Columns.Count > SideTableColumns ? " alone" : "").Append("\">\n<div class=\"chart-image\">")
                    .Append(InlineSvg.Prepare(c.Chart, id)).Append("</div>\n");
                if (c.Table is { } table)
                {
                    sb.Append("<div class=\"chart-table\">");
                    Table(sb, table);
                    sb.Append("</div>\n");
                }

                sb.Append("</div>\n");
                if (c.Note is { } note)
                {
                    sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
                }

                sb.Append("</figure>\n");
                break;
            default:
                throw new ArgumentException($"Unknown report block {block.GetType().Name}.", nameof(block));
        }
    }

    private static void Table(StringBuilder sb, DataTable t)
    {
        bool[] numeric = [.. t.Columns.Select(c => c.StartsWith('>'))];
        sb.Append("<div class=\"table-wrap\"><table>");
        if (t.Caption.Length > 0)
        {
            sb.Append("<caption>").Append(E(t.Caption)).Append("</caption>");
        }

        sb.Append("<thead><tr>");
        for (int k = 0; k < t.Columns.Count; k++)
        {
            sb.Append(numeric[k] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(E(t.Columns[k].TrimStart('>'))).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (int k = 0; k < row.Count; k++)
            {
                bool num = k < numeric.Length && numeric[k];
                if (k == 0)
                {
                    sb.Append(num ? "<th scope=\"row\" class=\"num\">" : "<th scope=\"row\">").Append(E(row[k])).Append("</th>");
                }
                else
                {
                    sb.Append(num ? "<td class=\"num\">" : "<td>").Append(E(row[k])).Append("</td>");
                }
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
