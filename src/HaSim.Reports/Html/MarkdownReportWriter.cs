using System.Text;

namespace HaSim.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as Markdown (GitHub style) with each chart as a PNG file
/// beside it, for places that show Markdown but not HTML: pull requests, wikis, CI job summaries.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>The Markdown text and the image files it links to (file name, PNG bytes).</summary>
    public static (string Text, IReadOnlyList<(string FileName, byte[] Png)> Images) Render(ReportDocument document, string footer)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        var images = new List<(string, byte[])>();
        sb.Append("# ").Append(Inline(document.Title)).Append("\n\n");
        foreach (var (label, value) in document.Facts)
        {
            sb.Append("- **").Append(Inline(label)).Append("**: ").Append(Inline(value)).Append('\n');
        }

        foreach (var section in document.Sections)
        {
            sb.Append('\n').Append(section.Level <= 2 ? "## " : "### ").Append(Inline(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        sb.Append(Inline(p.Text)).Append("\n\n");
                        break;
                    case KeyFigures k:
                        Table(sb, new DataTable("", ["figure", ">value", "detail"], [.. k.Figures.Select(f => (IReadOnlyList<string>)[f.Label, f.Value, f.Detail])]));
                        break;
                    case DataTable t:
                        Table(sb, t);
                        break;
                    case ChartBlock c:
                        string file = $"{images.Count + 1:00}-{c.Chart.Id}.png";
                        images.Add((file, c.Chart.Png));
                        sb.Append("**").Append(Inline(c.Chart.Title)).Append("**\n\n");
                        sb.Append("![").Append(Inline(c.Chart.Description)).Append("](").Append(file).Append(")\n\n");
                        if (c.Note is { } note)
                        {
                            sb.Append('_').Append(Inline(note)).Append("_\n\n");
                        }

                        if (c.Table is { } table)
                        {
                            Table(sb, table);
                        }

                        break;
                    default:
                        throw new ArgumentException($"Unknown report block {block.GetType().Name}.", nameof(document));
                }
            }
        }

        sb.Append("---\n\n").Append(Inline(footer)).Append('\n');
        return (sb.ToString(), images);
    }

    private static void Table(StringBuilder sb, DataTable t)
    {
        if (t.Caption.Length > 0)
        {
            sb.Append('*').Append(Inline(t.Caption)).Append("*\n\n");
        }

        sb.Append('|').AppendJoin('|', t.Columns.Select(c => " " + Cell(c.TrimStart('>')) + " ")).Append("|\n|");
        sb.AppendJoin('|', t.Columns.Select(c => c.StartsWith('>') ? "---:" : "---")).Append("|\n");
        foreach (var row in t.Rows)
        {
            sb.Append('|').AppendJoin('|', row.Select(c => " " + Cell(c) + " ")).Append("|\n");
        }

        sb.Append('\n');
    }

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text with the characters Markdown would read as markup escaped.</summary>
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text.Replace('\n', ' '))
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
