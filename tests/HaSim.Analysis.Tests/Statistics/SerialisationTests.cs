using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.Statistics;
using static HaSim.Analysis.Tests.Statistics.StatisticsTestData;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class SerialisationTests
{
    private static readonly double[] Probabilities = [0, 0.1, 0.5, 0.9, 0.99, 0.999, 1];

    private static JsonNode? Reparse(JsonObject json) => JsonNode.Parse(json.ToJsonString());

    [Fact]
    public void ExactSumRoundTripsBeyondTheRangeOfALong()
    {
        var sum = new ExactSum(ExactSum.WholeUnits);
        sum.AddQuanta(long.MaxValue);
        sum.AddQuanta(long.MaxValue);
        sum.Add(-3);
        var json = sum.ToJson();
        Assert.Equal(JsonValueKind.String, json["sum"]!.GetValueKind());
        Assert.Equal("18446744073709551611", json["sum"]!.GetValue<string>());

        var back = ExactSum.FromJson(Reparse(json));
        Assert.True(back.HasSameState(sum));
        Assert.Equal(json.ToJsonString(), back.ToJson().ToJsonString());
    }

    [Fact]
    public void MomentsRoundTripLosslessly()
    {
        var moments = new Moments();
        foreach (var v in Durations(2_000, seed: 20))
        {
            moments.Add(v);
        }

        moments.Add(Math.PI); // a value whose shortest round-trip form has 16 digits
        var back = Moments.FromJson(Reparse(moments.ToJson()));
        Assert.True(back.HasSameState(moments));
        Assert.Equal(Bits(moments.Mean), Bits(back.Mean));
        Assert.Equal(Bits(moments.Variance), Bits(back.Variance));
        Assert.Equal(moments.MeanConfidenceInterval(0.9), back.MeanConfidenceInterval(0.9));
        Assert.Equal(moments.ToJson().ToJsonString(), back.ToJson().ToJsonString());
    }

    [Fact]
    public void QuantileSketchRoundTripsLosslessly()
    {
        var sketch = new QuantileSketch(0.01);
        foreach (var v in Signed(5_000, seed: 21).Concat(Durations(5_000, seed: 22)))
        {
            sketch.Add(v);
        }

        var back = QuantileSketch.FromJson(Reparse(sketch.ToJson()));
        Assert.True(back.HasSameState(sketch));
        Assert.Equal(sketch.ToJson().ToJsonString(), back.ToJson().ToJsonString());
        foreach (var p in Probabilities)
        {
            Assert.Equal(Bits(sketch.Quantile(p)), Bits(back.Quantile(p)));
            Assert.Equal(sketch.QuantileConfidenceInterval(p, 0.99), back.QuantileConfidenceInterval(p, 0.99));
        }
    }

    [Fact]
    public void EmptyPrimitivesRoundTrip()
    {
        var moments = Moments.FromJson(Reparse(new Moments().ToJson()));
        Assert.Equal(0, moments.Count);
        Assert.Equal(double.PositiveInfinity, moments.Min);
        var sketch = QuantileSketch.FromJson(Reparse(new QuantileSketch().ToJson()));
        Assert.True(sketch.HasSameState(new QuantileSketch()));
        var proportion = ProportionEstimate.FromJson(Reparse(new ProportionEstimate().ToJson()));
        Assert.Equal(0, proportion.Trials);
        var accumulator = StatisticAccumulator.FromJson(Reparse(new StatisticAccumulator().ToJson()));
        Assert.True(accumulator.HasSameState(new StatisticAccumulator()));
    }

    [Fact]
    public void InMemoryNodesReadLikeParsedText()
    {
        var accumulator = new StatisticAccumulator();
        foreach (var v in Signed(500, seed: 25))
        {
            accumulator.Add(v);
        }

        var direct = StatisticAccumulator.FromJson(accumulator.ToJson());
        Assert.True(direct.HasSameState(accumulator));
        Assert.True(ExactSum.FromJson(accumulator.Moments.Sums.ToJson()).HasSameState(accumulator.Moments.Sums));
        Assert.Equal(3, ProportionEstimate.FromJson(new ProportionEstimate(3, 4).ToJson()).Successes);
    }

    [Fact]
    public void ProportionRoundTrips()
    {
        var proportion = new ProportionEstimate(17, 1200);
        var json = proportion.ToJson();
        Assert.Equal("{\"type\":\"ProportionEstimate\",\"version\":1,\"successes\":17,\"trials\":1200}", json.ToJsonString());
        var back = ProportionEstimate.FromJson(Reparse(json));
        Assert.Equal((17L, 1200L), (back.Successes, back.Trials));
        Assert.Equal(proportion.WilsonInterval(), back.WilsonInterval());
    }

    [Fact]
    public void MergingSerialisedShardsEqualsTheSinglePassResult()
    {
        var values = Durations(20_000, seed: 23);
        var single = new StatisticAccumulator();
        var singleMisses = new ProportionEstimate();
        foreach (var v in values)
        {
            single.Add(v);
            singleMisses.Add(v > 100);
        }

        var random = new Random(24);
        for (var trial = 0; trial < 5; trial++)
        {
            // Each shard writes its partial results to text, as a worker on another machine would.
            var files = RandomShards(values, random).Select(shard =>
            {
                var accumulator = new StatisticAccumulator();
                var misses = new ProportionEstimate();
                foreach (var v in shard)
                {
                    accumulator.Add(v);
                    misses.Add(v > 100);
                }

                return new JsonObject { ["durations"] = accumulator.ToJson(), ["misses"] = misses.ToJson() }.ToJsonString();
            }).ToList();

            var partials = files.Select(text => JsonNode.Parse(text)!.AsObject()).ToList();
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partials));
            var merged = new StatisticAccumulator();
            var mergedMisses = new ProportionEstimate();
            foreach (var partial in partials)
            {
                merged.Merge(StatisticAccumulator.FromJson(partial["durations"]));
                mergedMisses.Merge(ProportionEstimate.FromJson(partial["misses"]));
            }

            Assert.Equal(single.ToJson().ToJsonString(), merged.ToJson().ToJsonString());
            Assert.Equal(single.Summarise(), merged.Summarise());
            Assert.Equal(singleMisses.WilsonInterval(), mergedMisses.WilsonInterval());
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"type\":\"Moments\",\"version\":1}")]
    [InlineData("{\"type\":\"ExactSum\",\"version\":1,\"quantaPerUnit\":1,\"count\":1,\"sum\":\"1\",\"sumOfSquares\":\"1\",\"min\":1,\"max\":1}")]
    [InlineData("{\"type\":\"Moments\",\"version\":2,\"quantaPerUnit\":1,\"count\":1,\"sum\":\"1\",\"sumOfSquares\":\"1\",\"min\":1,\"max\":1}")]
    [InlineData("{\"type\":\"Moments\",\"version\":1,\"quantaPerUnit\":1,\"count\":1,\"sum\":1,\"sumOfSquares\":\"1\",\"min\":1,\"max\":1}")]
    [InlineData("{\"type\":\"Moments\",\"version\":1,\"quantaPerUnit\":1,\"count\":1,\"sum\":\"x\",\"sumOfSquares\":\"1\",\"min\":1,\"max\":1}")]
    [InlineData("{\"type\":\"Moments\",\"version\":1,\"quantaPerUnit\":1,\"count\":1,\"sum\":\"1\",\"sumOfSquares\":\"1\",\"min\":null,\"max\":1}")]
    public void MalformedMomentsAreRejected(string text)
    {
        Assert.Throws<JsonException>(() => Moments.FromJson(JsonNode.Parse(text)));
    }

    [Fact]
    public void InconsistentSketchIsRejected()
    {
        var json = new QuantileSketch().ToJson();
        json["count"] = 3;
        Assert.Throws<JsonException>(() => QuantileSketch.FromJson(Reparse(json)));
        var sketch = new QuantileSketch();
        sketch.Add(1);
        var bad = sketch.ToJson();
        bad["mapping"] = "log";
        Assert.Throws<JsonException>(() => QuantileSketch.FromJson(Reparse(bad)));
    }
}
