using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Tests.Statistics;

/// <summary>The distribution function and counts read from a quantile sketch, which the report's charts draw.</summary>
public sealed class SketchCdfTests
{
    private static QuantileSketch Of(IEnumerable<double> values)
    {
        var s = new QuantileSketch();
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s;
    }

    [Fact]
    public void EachProbabilityIsExactlyTheShareOfValuesAtOrBelowItsValue()
    {
        // 1..1000: buckets are about 1% wide, so near 500 a bucket holds about five integers.
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).ToList();
        var cdf = Of(values).CdfPoints(EmpiricalCdf.ReportProbabilities);
        Assert.Equal(new CdfPoint(1, 0.001), cdf[0]); // p = 0: the first bucket, the minimum alone
        Assert.Equal(new CdfPoint(1000, 1), cdf[^1]);
        foreach (var p in cdf)
        {
            double share = values.Count(v => v <= p.Value) / 1000.0;
            Assert.Equal(share, p.Probability);
        }

        var median = cdf.First(p => p.Probability >= 0.5);
        Assert.InRange(median.Value, 500, 500 * 1.011); // a bucket edge within the sketch's accuracy of 500
        Assert.InRange(median.Probability, 0.5, 0.51);
    }

    [Fact]
    public void PointsIncreaseAndAreAtMostOnePerProbability()
    {
        var cdf = Of(Enumerable.Range(0, 5000).Select(i => Math.Exp(i % 97 / 10.0))).CdfPoints(EmpiricalCdf.ReportProbabilities);
        Assert.True(cdf.Count <= EmpiricalCdf.ReportProbabilities.Count);
        for (int k = 1; k < cdf.Count; k++)
        {
            Assert.True(cdf[k].Value > cdf[k - 1].Value && cdf[k].Probability > cdf[k - 1].Probability);
        }
    }

    [Fact]
    public void ZerosAndNegativesComeFirstAndAreExact()
    {
        var cdf = Of([-5, -5, 0, 0, 0, 0, 2, 3, 7, 9]).CdfPoints([0, 0.5, 1]);
        Assert.Equal([0.2, 0.6, 1], cdf.Select(p => p.Probability).ToArray());
        Assert.InRange(cdf[0].Value, -5, -5 * (1 - 0.011)); // the upper edge of -5's bucket
        Assert.Equal(0, cdf[1].Value);
        Assert.Equal(9, cdf[2].Value);
    }

    [Fact]
    public void FewValuesGiveAStepPerValue()
    {
        var cdf = Of([10, 20, 40]).CdfPoints(EmpiricalCdf.ReportProbabilities);
        Assert.Equal(3, cdf.Count);
        Assert.Equal([1 / 3.0, 2 / 3.0, 1], cdf.Select(p => p.Probability).ToArray());
        Assert.InRange(cdf[1].Value, 20, 20 * 1.011);
    }

    [Fact]
    public void AnEmptySketchHasNoPoints()
    {
        Assert.Empty(new QuantileSketch().CdfPoints(EmpiricalCdf.ReportProbabilities));
        Assert.Equal(0, new QuantileSketch().CountAtMost(1));
    }

    [Fact]
    public void CountAtMostIsExactAwayFromTheValuesBuckets()
    {
        var s = Of([0, 0, 0, 5, 10, 100, 1000, -3]);
        Assert.Equal(1, s.CountAtMost(-1));
        Assert.Equal(0, s.CountAtMost(-4));
        Assert.Equal(4, s.CountAtMost(0));
        Assert.Equal(4, s.CountAtMost(4.9));
        Assert.Equal(5, s.CountAtMost(5));
        Assert.Equal(6, s.CountAtMost(50));
        Assert.Equal(8, s.CountAtMost(1000));
        Assert.Equal(8, s.CountAtMost(1e9));
    }

    [Fact]
    public void SummariesWithTheSameValuesStayEqual()
    {
        var a = new StatisticAccumulator();
        var b = new StatisticAccumulator();
        foreach (double v in new[] { 3.0, 1, 4, 1, 5, 9, 2, 6 })
        {
            a.Add(v);
            b.Add(v);
        }

        Assert.Equal(a.Summarise(), b.Summarise());
        Assert.Equal(7, a.Summarise().Cdf.Count); // seven distinct values
    }

    [Fact]
    public void TheUptimeHistogramCountsEveryMonthOnceWithTheSlaAsAnEdge()
    {
        const double month = MonteCarloSettings.MonthSeconds;
        // Uptimes: 3 perfect months; 99.999%-100%: 1; 99.99%-99.995%: 1; below 99.9%: 2; exactly at the 99.95% SLA edge counts as meeting it.
        double Down(double uptime) => (1 - uptime) * month;
        var sketch = Of([0, 0, 0, Down(0.999995), Down(0.99992), Down(0.9995), Down(0.998), Down(0.5)]);
        var bins = UptimeHistogram.From(sketch, month, [0.9995]);
        Assert.Equal(8, bins.Sum(b => b.Months));
        Assert.Equal(1.0, bins.Sum(b => b.Share), 12);
        Assert.Equal(new UptimeHistogramBin(1, null, 3, 3 / 8.0), bins[0]);
        Assert.Equal(1, bins.Single(b => b.AtLeast == 0.99999).Months);
        Assert.Equal(1, bins.Single(b => b.AtLeast == 0.9999).Months);
        Assert.Equal(1, bins.Single(b => b.AtLeast == 0.9995).Months);
        Assert.Equal(1, bins.Single(b => b.AtLeast == 0.998).Months);
        Assert.Equal(new UptimeHistogramBin(0, 0.9, 1, 1 / 8.0), bins[^1]);
        Assert.Equal(UptimeHistogram.Edges.Count + 2, bins.Count); // the SLA is already a fixed edge
        Assert.Equal(UptimeHistogram.Edges.Count + 3, UptimeHistogram.From(sketch, month, [0.9997]).Count);
    }
}
