using System.Text.Json;
using HaSim.Cli;

namespace HaSim.Cli.Tests;

/// <summary>hasim run --years, merge and compare through the command line.</summary>
public sealed class MonteCarloCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hasim-mc-cli");

    public MonteCarloCliTests()
    {
        File.WriteAllText(Scenario("serverless"), "preset: serverless\n");
        File.WriteAllText(Scenario("zr"), "name: zone-redundant\npreset: azure-zone-redundant-ha\n");
        File.WriteAllText(Scenario("sz"), "name: same-zone\npreset: azure-same-zone-ha\n");
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string Scenario(string name) => Path.Combine(_dir.FullName, name + ".yaml");

    private string Out(string name) => Path.Combine(_dir.FullName, name);

    private static (int Code, string Out, string Err) Hasim(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = HasimCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string[] Run(params string[] extra) =>
        ["run", Scenario("zr"), "--years", "2", "--replications", "24", "--seed", "5", .. extra];

    [Fact]
    public void SummaryIsByteIdenticalForAnyThreadsAndShardSplit()
    {
        var single = Hasim(Run("--threads", "1", "--out", Out("t1")));
        Assert.Equal(0, single.Code);
        Assert.Contains("Availability", single.Out, StringComparison.Ordinal);
        Assert.Contains("hasim: zone-redundant: 24 of 24 replications", single.Err, StringComparison.Ordinal);
        var expected = File.ReadAllBytes(Path.Combine(Out("t1"), "summary.json"));

        foreach (var threads in new[] { "2", "4" })
        {
            Assert.Equal(0, Hasim(Run("--threads", threads, "--out", Out("t" + threads), "-q")).Code);
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Out("t" + threads), "summary.json")));
        }

        foreach (var n in new[] { 2, 3 })
        {
            var dirs = new List<string>();
            for (int i = 0; i < n; i++)
            {
                string dir = Out($"n{n}-shard-{i}");
                var shard = Hasim(Run("--shard", $"{i}/{n}", "--threads", "2", "--out", dir, "-q"));
                Assert.Equal(0, shard.Code);
                Assert.Contains($"Shard {i}/{n}", shard.Out, StringComparison.Ordinal);
                Assert.False(File.Exists(Path.Combine(dir, "summary.json")));
                dirs.Add(dir);
            }

            var forward = Hasim(["merge", .. dirs, "--out", Out($"merged-{n}-a")]);
            Assert.Equal(0, forward.Code);
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Out($"merged-{n}-a"), "summary.json")));
            dirs.Reverse();
            Assert.Equal(0, Hasim(["merge", .. dirs.Select(d => Path.Combine(d, "partial.json")), "--out", Out($"merged-{n}-b")]).Code);
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Out($"merged-{n}-b"), "summary.json")));
            Assert.Equal(File.ReadAllText(Path.Combine(Out("t1"), "report.txt")), File.ReadAllText(Path.Combine(Out($"merged-{n}-b"), "report.txt")));
        }
    }

    [Fact]
    public void JsonOutputIsTheSummaryWithItsSchema()
    {
        var r = Hasim("run", Scenario("serverless"), "--years", "1", "--replications", "8", "--format", "json", "--no-files", "-q");
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("hasim.monte-carlo/3", root.GetProperty("format").GetString());
        Assert.Equal("serverless", root.GetProperty("scenario").GetProperty("preset").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("scenario").GetProperty("hash").GetString(), StringComparison.Ordinal);
        Assert.Equal(8, root.GetProperty("replications").GetInt64());
        Assert.Equal(1UL, root.GetProperty("seed").GetUInt64());
        var availability = root.GetProperty("availability").GetProperty("mean");
        Assert.Equal(8, availability.GetProperty("n").GetInt64());
        Assert.InRange(availability.GetProperty("estimate").GetDouble(), 0.99, 1.0);
        var rto = root.GetProperty("overall").GetProperty("rto");
        foreach (var q in new[] { "mean", "p50", "p90", "p99", "p99_9" })
        {
            Assert.True(rto.GetProperty(q).TryGetProperty("lower", out _));
        }

        Assert.Equal(96, root.GetProperty("monthly").GetProperty("months").GetInt64());
        Assert.Equal(96, root.GetProperty("monthly").GetProperty("sla").GetProperty("miss_probability").GetProperty("n").GetInt64());
        Assert.Equal(4, root.GetProperty("monthly").GetProperty("credits").GetProperty("tiers").GetArrayLength());
        Assert.True(root.GetProperty("failure_modes").GetArrayLength() > 0);
        Assert.True(root.GetProperty("downtime_by_cause").GetProperty("stages").GetArrayLength() > 0);

        var rare = root.GetProperty("rare_events").EnumerateArray().ToList();
        Assert.Equal(["data_loss", "outage_over_15_min", "outage_over_1_h", "outage_over_4_h", "sla_miss"], rare.Select(e => e.GetProperty("name").GetString()));
        var loss = rare[0];
        Assert.Equal("year", loss.GetProperty("per").GetString());
        Assert.Equal(8, loss.GetProperty("probability").GetProperty("n").GetInt64());
        Assert.Equal(0, loss.GetProperty("events").GetInt64());
        Assert.True(loss.GetProperty("few_events").GetBoolean());
        Assert.Equal(1 - Math.Pow(0.05, 1.0 / 8), loss.GetProperty("upper_bound").GetDouble(), 12); // the rule of three, exactly
        Assert.Equal(3600, rare[2].GetProperty("outage_longer_than_seconds").GetDouble());
        Assert.Equal("month", rare[4].GetProperty("per").GetString());
        Assert.Equal(96, rare[4].GetProperty("probability").GetProperty("n").GetInt64());
    }

    [Fact]
    public void MergeRefusesIncompleteOrMismatchedShards()
    {
        Assert.Equal(0, Hasim(Run("--shard", "0/2", "--out", Out("a0"), "-q")).Code);
        Assert.Equal(0, Hasim(Run("--shard", "1/2", "--out", Out("a1"), "-q")).Code);
        Assert.Equal(0, Hasim("run", Scenario("zr"), "--years", "2", "--replications", "24", "--seed", "6", "--shard", "1/2", "--out", Out("b1"), "-q").Code);

        var incomplete = Hasim("merge", Out("a0"), "--out", Out("m1"));
        Assert.Equal(ExitCodes.BadInput, incomplete.Code);
        Assert.Contains("incomplete: shard 1/2 of 2 missing", incomplete.Err, StringComparison.Ordinal);

        var mismatched = Hasim("merge", Out("a0"), Out("b1"), "--out", Out("m2"));
        Assert.Equal(ExitCodes.BadInput, mismatched.Code);
        Assert.Contains("seed 6 vs 5", mismatched.Err, StringComparison.Ordinal);

        var missing = Hasim("merge", Out("a0"), Out("nowhere"));
        Assert.Equal(ExitCodes.BadInput, missing.Code);
        Assert.Contains("no such file or directory", missing.Err, StringComparison.Ordinal);

        Assert.False(Directory.Exists(Out("m1")));
        Assert.False(Directory.Exists(Out("m2")));
        Assert.Equal(0, Hasim("merge", Out("a1"), Out("a0"), "--out", Out("m3"), "--format", "json").Code);
    }

    [Fact]
    public void BadMonteCarloOptionsAreInputErrors()
    {
        var noYears = Hasim("run", Scenario("zr"), "--shard", "0/2");
        Assert.Equal(ExitCodes.BadInput, noYears.Code);
        Assert.Contains("--shard needs --years", noYears.Err, StringComparison.Ordinal);

        var badShard = Hasim(Run("--shard", "3/3"));
        Assert.Equal(ExitCodes.BadInput, badShard.Code);
        Assert.Contains("--shard", badShard.Err, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.BadInput, Hasim("run", Scenario("zr"), "--years", "0").Code);
        Assert.Equal(ExitCodes.BadInput, Hasim(Run("--threads", "0")).Code);
        Assert.Equal(ExitCodes.BadInput, Hasim(Run("--shard", "0/2", "--no-files")).Code);
    }

    [Fact]
    public void CompareReportsPairedDifferences()
    {
        var table = Hasim("compare", Scenario("sz"), Scenario("zr"), "--years", "1", "--replications", "20", "--threads", "2", "--out", Out("cmp"), "-q");
        Assert.Equal(0, table.Code);
        Assert.Contains("zone-redundant minus same-zone", table.Out, StringComparison.Ordinal);
        Assert.Contains("P(month misses SLA)", table.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out("cmp"), "comparison.json")));
        Assert.True(File.Exists(Path.Combine(Out("cmp"), "same-zone", "summary.json")));

        var json = Hasim("compare", Scenario("sz"), Scenario("zr"), Scenario("serverless"), "--years", "1", "--replications", "20", "--threads", "1", "--format", "json", "-q");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("hasim.monte-carlo-compare/3", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("scenarios").GetArrayLength());
        var pairs = doc.RootElement.GetProperty("pairs");
        Assert.Equal(3, pairs.GetArrayLength());
        var d = pairs[0].GetProperty("paired_over_replications").GetProperty("availability");
        Assert.Equal(20, d.GetProperty("n").GetInt64());

        // The same comparison on two threads gives the same document.
        var again = Hasim("compare", Scenario("sz"), Scenario("zr"), Scenario("serverless"), "--years", "1", "--replications", "20", "--threads", "2", "--format", "json", "-q");
        Assert.Equal(json.Out, again.Out);

        Assert.Equal(ExitCodes.BadInput, Hasim("compare", Scenario("sz"), "--years", "1").Code);
    }

    [Fact]
    public void ScriptedRunsAreUnchangedWithoutYears()
    {
        var r = Hasim("run", Scenario("zr"), "--no-files", "--format", "json");
        Assert.Equal(0, r.Code);
        Assert.Contains("hasim.scripted-run/2", r.Out, StringComparison.Ordinal);
    }
}
