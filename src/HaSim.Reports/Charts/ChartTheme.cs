using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>
/// What every chart shares: the font, the colours (after Okabe-Ito and Tol, distinguishable with the common colour
/// vision deficiencies), sizes, and the one place charts are turned into SVG and PNG.
/// </summary>
internal static partial class ChartTheme
{
    /// <summary>The font charts are drawn with (Debian's fonts-dejavu-core).</summary>
    public const string FontFamily = "DejaVu Sans";

    public const int Width = 800;
    public const int Height = 420;

    public static readonly Color Text = Color.FromHex("#222222");
    public static readonly Color Grid = Color.FromHex("#E5E5E5");
    public static readonly Color Bad = Color.FromHex("#D55E00");
    public static readonly Color Good = Color.FromHex("#0072B2");
    public static readonly Color Muted = Color.FromHex("#999999");
    public static readonly Color Warn = Color.FromHex("#E69F00");
    public static readonly Color Line = Color.FromHex("#CC0000");

    /// <summary>Series colours, in order.</summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#882255"), Color.FromHex("#999933"),
    ];

    private static readonly Lazy<string> Font = new(ChooseFont, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The colour of series <paramref name="k"/>.</summary>
    public static Color SeriesColor(int k) => Series[k % Series.Length];

    /// <summary>A new plot with the report's font and plain styling.</summary>
    /// <exception cref="ChartFontsMissingException">No font is installed, so text could not be drawn.</exception>
    public static Plot NewPlot()
    {
        _ = Font.Value;
        var plot = new Plot();
        plot.Axes.Color(Text);
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Top.MinimumSize = 30; // room for the labels of budget and SLA lines above the data
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        return plot;
    }

    /// <summary>Draws <paramref name="plot"/> as SVG and PNG. The title is not drawn: the report shows it above the chart.</summary>
    public static RenderedChart Render(Plot plot, string id, string title, string description, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string svg = StableIds(plot.GetSvgXml(width, height));
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        plot.Dispose();
        return new RenderedChart(id, title, description, svg, png, width, height);
    }

    /// <summary>Renumbers the SVG's element ids in order of appearance: the renderer numbers them from a
    /// process-wide counter, which would make the same chart's text depend on what was drawn before it.</summary>
    private static string StableIds(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in IdAttribute().Matches(svg))
        {
            map.TryAdd(m.Groups[1].Value, "c" + (map.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return map.Count == 0 ? svg : IdReference().Replace(svg, m => m.Value.Replace(m.Groups[2].Value, map.GetValueOrDefault(m.Groups[2].Value, m.Groups[2].Value), StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex IdAttribute();

    [System.Text.RegularExpressions.GeneratedRegex("(\\bid=\"|url\\(#|href=\"#)([^\")]+)")]
    private static partial System.Text.RegularExpressions.Regex IdReference();

    private static string ChooseFont()
    {
        var families = SkiaSharp.SKFontManager.Default.GetFontFamilies();
        if (families.Contains(FontFamily, StringComparer.Ordinal))
        {
            Fonts.Default = FontFamily;
            return FontFamily;
        }

        // Any installed font will do; with none, text would silently vanish from every chart.
        if (families.Length == 0)
        {
            throw new ChartFontsMissingException();
        }

        return Fonts.Default;
    }
}

/// <summary>No font is installed, so charts cannot be drawn with readable text.</summary>
public sealed class ChartFontsMissingException()
    : Exception($"charts need a font and none is installed; install one (on Debian or Ubuntu: apt-get install fonts-dejavu-core, which provides {ChartTheme.FontFamily})");
