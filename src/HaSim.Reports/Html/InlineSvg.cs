using System.Net;
using System.Text.RegularExpressions;
using HaSim.Reports.Charts;

namespace HaSim.Reports.Html;

/// <summary>
/// Prepares a chart's SVG for inlining in an HTML page: no XML declaration, element ids made unique
/// to the chart (several charts' clip paths would otherwise share ids and clip each other), a view
/// box so it scales with the page, and a title and description for screen readers.
/// </summary>
public static partial class InlineSvg
{
    /// <summary>The SVG element for <paramref name="chart"/>, with ids prefixed by <paramref name="prefix"/>.</summary>
    public static string Prepare(RenderedChart chart, string prefix)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string svg = XmlDeclaration().Replace(chart.Svg, "").Trim();
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}-{m.Groups[1].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}-{m.Groups[1].Value})");
        svg = HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}-{m.Groups[2].Value}\"");
        int open = svg.IndexOf("<svg", StringComparison.Ordinal);
        int close = open < 0 ? -1 : svg.IndexOf('>', open);
        if (open < 0 || close < 0)
        {
            throw new InvalidOperationException($"chart {chart.Id}: the renderer returned no SVG element");
        }

        string attributes = $" viewBox=\"0 0 {chart.Width} {chart.Height}\" role=\"img\" aria-labelledby=\"{prefix}-title {prefix}-desc\" preserveAspectRatio=\"xMidYMid meet\"";
        string head = svg[..close] + attributes + ">"
            + $"<title id=\"{prefix}-title\">{WebUtility.HtmlEncode(chart.Title)}</title>"
            + $"<desc id=\"{prefix}-desc\">{WebUtility.HtmlEncode(chart.Description)}</desc>";
        return head + svg[(close + 1)..];
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("\\b((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
