using HaSim.Reports.Charts;

namespace HaSim.Reports.Tests;

/// <summary>Every chart type renders to a PNG that is not blank and to an SVG with its text.</summary>
public sealed class ChartRenderTests
{
    public static TheoryData<string> Charts() => [.. ChartSamples.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryChartTypeDrawsAPngThatIsNotBlank(string name)
    {
        var chart = ChartSamples.All().Single(c => c.Name == name).Chart;
        var stats = ImageStats.Of(chart.Png);
        Assert.Equal((chart.Width, chart.Height), (stats.Width, stats.Height));
        stats.AssertNotBlank(name);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryChartTypeDrawsAnSvgWithReadableText(string name)
    {
        var chart = ChartSamples.All().Single(c => c.Name == name).Chart;
        Assert.Contains("<svg", chart.Svg, StringComparison.Ordinal);
        Assert.True(chart.Svg.Split("<text").Length > 5, $"{name}: the SVG has almost no text; are fonts installed (fonts-dejavu-core)?");
        Assert.Contains("DejaVu Sans", chart.Svg, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(chart.Description));
    }

    [Fact]
    public void TheSameDataDrawTheSameChart()
    {
        var a = ChartSamples.All().ToList();
        var b = ChartSamples.All().ToList();
        foreach (var ((name, x), (_, y)) in a.Zip(b))
        {
            Assert.True(x.Svg == y.Svg, $"{name}: SVG differs between two renders");
            Assert.True(x.Png.AsSpan().SequenceEqual(y.Png), $"{name}: PNG differs between two renders");
        }
    }

    [Fact]
    public void AChartWithoutDataStillDrawsItsAxes()
    {
        var chart = CdfChart.Render("empty", new CdfChartData("Nothing", "client RTO", ChartQuantity.Seconds, [new CdfSeries("none", [])]));
        Assert.True(ImageStats.Of(chart.Png).Ink > 0.001);
    }

    [Fact]
    public void HistogramSeriesMustShareTheirBins()
    {
        var a = new UptimeHistogramSeries("a", [new UptimeBin(1, null, 0.5), new UptimeBin(0, 1, 0.5)], 0.999);
        var b = new UptimeHistogramSeries("b", [new UptimeBin(1, null, 0.5), new UptimeBin(0.9, 1, 0.25), new UptimeBin(0, 0.9, 0.25)], 0.999);
        Assert.Throws<ArgumentException>(() => UptimeHistogramChart.Render("x", new UptimeHistogramData("x", [a, b])));
    }
}
