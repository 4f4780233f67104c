using System.Text;

namespace HaSim.Reports.Text;

/// <summary>Word wrapping for text reports.</summary>
public static class TextWrap
{
    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, at spaces where it can (a longer word is cut).</summary>
    public static List<string> Lines(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string rest = word;
            while (rest.Length > 0 || line.Length == 0)
            {
                int room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(rest);
                    rest = "";
                    break;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    continue;
                }

                line.Append(rest[..width]);
                rest = rest[width..];
                lines.Add(line.ToString());
                line.Clear();
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>
    /// Wraps every line of <paramref name="text"/> longer than <see cref="ReportWidth.Current"/>;
    /// continuation lines are indented under the line's text (after a "Label    " prefix of two or
    /// more spaces, else two more than the line's own indent).
    /// </summary>
    public static string Fit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int width = ReportWidth.Current;
        if (width == ReportWidth.Unlimited)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            string line = lines[k];
            if (line.Length <= width)
            {
                sb.Append(line);
            }
            else
            {
                var (start, indent) = HangingIndent(line, width);
                var parts = Lines(line[start..], width - indent);
                string first = line[..start];
                for (int p = 0; p < parts.Count; p++)
                {
                    sb.Append(p == 0 ? first : new string(' ', indent)).Append(parts[p]);
                    if (p < parts.Count - 1)
                    {
                        sb.Append('\n');
                    }
                }
            }

            if (k < lines.Length - 1)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Where the wrapped text starts and how far continuation lines are indented.</summary>
    private static (int Start, int Indent) HangingIndent(string line, int width)
    {
        int lead = Math.Min(line.Length - line.TrimStart(' ').Length, width / 2);
        int gap = line.IndexOf("  ", lead, StringComparison.Ordinal);
        if (gap > lead && gap < 20)
        {
            int text = gap + (line[gap..].Length - line[gap..].TrimStart(' ').Length);
            if (text <= width / 2)
            {
                return (text, text);
            }
        }

        // An indented line (a description under its label) continues at its own indent.
        return (lead, Math.Min(lead >= 4 ? lead : lead + 2, width / 2));
    }
}
