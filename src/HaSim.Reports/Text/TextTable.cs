using System.Text;

namespace HaSim.Reports.Text;

/// <summary>
/// A plain-text table with aligned columns (no colour codes, so output is stable for golden files and
/// pipes), fitted to <see cref="ReportWidth.Current"/>: a table too wide uses its columns' short
/// headers, then leaves out its optional columns (right to left), then wraps long cells onto
/// continuation lines. The values of columns left out follow their row on a line of their own
/// ("header: value; ..."), so nothing is lost. At <see cref="ReportWidth.Unlimited"/> (<c>--wide</c>) every column is shown
/// in full.
/// </summary>
/// <remarks>
/// A header is written <c>[&gt;][?]name[|short]</c>: '&gt;' right-aligns the column, '?' makes it
/// optional (left out when the table does not fit), and <c>|short</c> is the header used when it does
/// not fit at full width.
/// </remarks>
public sealed class TextTable
{
    private const int Gap = 2;

    private readonly string[] _headers;
    private readonly string[] _short;
    private readonly bool[] _rightAligned;
    private readonly bool[] _optional;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; see the remarks for the header syntax.</summary>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        int n = headers.Length;
        _headers = new string[n];
        _short = new string[n];
        _rightAligned = new bool[n];
        _optional = new bool[n];
        for (int c = 0; c < n; c++)
        {
            string h = headers[c];
            _rightAligned[c] = h.StartsWith('>');
            h = h.TrimStart('>');
            _optional[c] = h.StartsWith('?');
            h = h.TrimStart('?');
            int bar = h.IndexOf('|', StringComparison.Ordinal);
            _headers[c] = bar < 0 ? h : h[..bar];
            _short[c] = bar < 0 ? h : h[(bar + 1)..];
        }
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>True if the table has no rows.</summary>
    public bool IsEmpty => _rows.Count == 0;

    /// <summary>Renders the table with a two-space indent, fitted to <see cref="ReportWidth.Current"/>.</summary>
    public string Render(string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(indent);
        int limit = ReportWidth.Current;
        int n = _headers.Length;
        var shown = Enumerable.Range(0, n).ToList();
        var headers = _headers;
        var widths = Natural(headers);
        if (Total(indent, widths, shown) > limit)
        {
            headers = _short;
            widths = Natural(headers);
            for (int c = n - 1; c >= 0 && Total(indent, widths, shown) > limit; c--)
            {
                if (_optional[c])
                {
                    shown.Remove(c);
                }
            }

            Narrow(indent, widths, shown, headers, limit);
        }

        var sb = new StringBuilder();
        AppendRow(sb, indent, headers, widths, shown);
        AppendRow(sb, indent, widths.Select(w => new string('-', w)).ToArray(), widths, shown);
        var dropped = Enumerable.Range(0, n).Where(c => !shown.Contains(c)).ToArray();
        foreach (var row in _rows)
        {
            AppendRow(sb, indent, row, widths, shown);
            AppendDropped(sb, indent, row, dropped, limit);
        }

        return sb.ToString();
    }

    private int[] Natural(string[] headers)
    {
        var widths = new int[headers.Length];
        for (int c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(headers[c].Length, _rows.Count == 0 ? 0 : _rows.Max(r => c < r.Length ? r[c].Length : 0));
        }

        return widths;
    }

    private static int Total(string indent, int[] widths, List<int> shown) =>
        indent.Length + shown.Sum(c => widths[c]) + (Gap * Math.Max(0, shown.Count - 1));

    /// <summary>Takes width from the widest wrappable column, one character at a time, until the table fits or none can give more.</summary>
    private void Narrow(string indent, int[] widths, List<int> shown, string[] headers, int limit)
    {
        var min = new int[widths.Length];
        foreach (int c in shown)
        {
            // Right-aligned columns hold figures ("58.5 s"): never split one; only their long text cells wrap.
            int figures = _rightAligned[c] ? _rows.Select(r => c < r.Length ? r[c] : "").Where(v => v.Length <= 24).Select(v => v.Length).DefaultIfEmpty(0).Max() : 0;
            min[c] = Math.Min(widths[c], Math.Max(Math.Max(headers[c].Length, figures), 8));
        }

        // The last column, when it is text (a description, a source), gives first, down to a readable width.
        int last = shown[^1];
        if (!_rightAligned[last])
        {
            int over = Total(indent, widths, shown) - limit;
            widths[last] -= Math.Clamp(over, 0, Math.Max(0, widths[last] - Math.Max(min[last], 30)));
        }

        while (Total(indent, widths, shown) > limit)
        {
            int widest = -1;
            foreach (int c in shown)
            {
                if (widths[c] > min[c] && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
        }
    }

    /// <summary>The values of the columns left out, under their row, wrapped to the width.</summary>
    private void AppendDropped(StringBuilder sb, string indent, string[] row, int[] dropped, int limit)
    {
        var parts = dropped.Where(c => c < row.Length && row[c].Length > 0).Select(c => $"{_headers[c]}: {row[c]}").ToArray();
        if (parts.Length == 0)
        {
            return;
        }

        string pad = indent + "    ";
        foreach (string line in TextWrap.Lines(string.Join("; ", parts), Math.Max(20, limit - pad.Length)))
        {
            sb.Append(pad).Append(line).Append('\n');
        }
    }

    private void AppendRow(StringBuilder sb, string indent, string[] cells, int[] widths, List<int> shown)
    {
        var wrapped = shown.Select(c => TextWrap.Lines(c < cells.Length ? cells[c] : "", Math.Max(1, widths[c]))).ToArray();
        int height = wrapped.Max(w => w.Count);
        for (int k = 0; k < height; k++)
        {
            var line = new StringBuilder(indent);
            for (int i = 0; i < shown.Count; i++)
            {
                int c = shown[i];
                string cell = k < wrapped[i].Count ? wrapped[i][k] : "";
                line.Append(_rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
                if (i < shown.Count - 1)
                {
                    line.Append(' ', Gap);
                }
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
