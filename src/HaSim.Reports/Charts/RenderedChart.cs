namespace HaSim.Reports.Charts;

/// <summary>
/// A chart drawn once and kept in both forms a report needs: SVG text to inline in HTML and PNG bytes
/// to place beside Markdown.
/// </summary>
/// <param name="Id">A stable identifier (snake_case), used for file names and element ids.</param>
/// <param name="Title">The chart's title, shown above it.</param>
/// <param name="Description">What the chart shows, in words: the alt text and the SVG's description.</param>
/// <param name="Svg">The SVG document as ScottPlot wrote it.</param>
/// <param name="Png">The same chart as PNG.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record RenderedChart(string Id, string Title, string Description, string Svg, byte[] Png, int Width, int Height);

/// <summary>A labelled value drawn as a line across a chart: a budget, a goal, an SLA target.</summary>
/// <param name="Value">Where the line is, in the axis' unit.</param>
/// <param name="Label">What it is, e.g. "budget 2 min".</param>
public sealed record ChartThreshold(double Value, string Label);

/// <summary>The quantity on a chart's value axis, which decides its scale and tick labels.</summary>
public enum ChartQuantity
{
    /// <summary>Seconds, on a logarithmic axis with duration ticks (1 s, 30 s, 5 min, 1 h).</summary>
    Seconds,

    /// <summary>Bytes, on a logarithmic axis with binary-prefix ticks.</summary>
    Bytes,
}
