using System.Text;

namespace HaSim.Reports.Text;

/// <summary>A plain-text table with aligned columns (no colour codes, so output is stable for golden files and pipes).</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; a header starting with '>' is right-aligned (the '>' is not printed).</summary>
    public TextTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>True if the table has no rows.</summary>
    public bool IsEmpty => _rows.Count == 0;

    /// <summary>Renders the table with a two-space indent.</summary>
    public string Render(string indent = "  ")
    {
        int n = _headers.Length;
        var widths = new int[n];
        for (int c = 0; c < n; c++)
        {
            widths[c] = Math.Max(_headers[c].Length, _rows.Count == 0 ? 0 : _rows.Max(r => c < r.Length ? r[c].Length : 0));
        }

        var sb = new StringBuilder();
        AppendRow(sb, indent, _headers, widths);
        AppendRow(sb, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows)
        {
            AppendRow(sb, indent, row, widths);
        }

        return sb.ToString();
    }

    private void AppendRow(StringBuilder sb, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int c = 0; c < widths.Length; c++)
        {
            string cell = c < cells.Length ? cells[c] : "";
            line.Append(_rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            if (c < widths.Length - 1)
            {
                line.Append("  ");
            }
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
