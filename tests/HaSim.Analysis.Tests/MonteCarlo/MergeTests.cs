using System.Text.Json;
using HaSim.Analysis.MonteCarlo;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>Merging refuses partial results that do not make up exactly one whole run, and says why.</summary>
public sealed class MergeTests
{
    private static readonly HaSim.Scenarios.Binding.Scenario S = Preset("serverless");
    private static readonly MonteCarloSettings Settings = MonteCarloSettings.For(S, 0.5, 6, 11);
    private static readonly PartialResult[] Shards = [.. Enumerable.Range(0, 3).Select(i => Shard(S, Settings, i, 3))];

    private static string Refusal(params PartialResult[] partials) =>
        Assert.Throws<PartialResultException>(() => PartialResult.Merge([.. partials.Select((p, k) => ($"dir{k}", p))])).Message;

    [Fact]
    public void CompleteShardsMerge()
    {
        var (_, merged) = PartialResult.Merge([.. Shards.Select(p => (p.Shard.ToString(), p))]);
        Assert.Equal(6, merged.Replications);
    }

    [Fact]
    public void AMissingShardIsNamed()
    {
        var message = Refusal(Shards[0], Shards[2]);
        Assert.Contains("incomplete", message, StringComparison.Ordinal);
        Assert.Contains("1/3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateShardIsNamed()
    {
        var message = Refusal(Shards[0], Shards[1], Shards[1], Shards[2]);
        Assert.Contains("shard 1/3 is given twice: dir1 and dir2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherSeedIsRefused()
    {
        var other = Shard(S, Settings with { Seed = 12 }, 1, 3);
        Assert.Contains("seed 12 vs 11", Refusal(Shards[0], other, Shards[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void OtherYearsOrReplicationsAreRefused()
    {
        Assert.Contains("years 1 vs 0.5", Refusal(Shards[0], Shard(S, Settings with { Years = 1 }, 1, 3), Shards[2]), StringComparison.Ordinal);
        Assert.Contains("replications 7 vs 6", Refusal(Shards[0], Shard(S, Settings with { Replications = 7 }, 1, 3), Shards[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherShardCountIsRefused()
    {
        var half = Shard(S, Settings, 1, 2);
        Assert.Contains("shard count 2 vs 3", Refusal(Shards[0], half), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherScenarioIsRefused()
    {
        var edited = Shards[1] with { Scenario = Identity(S, "# edited\n") };
        var message = Refusal(Shards[0], edited, Shards[2]);
        Assert.Contains("a different or edited scenario file", message, StringComparison.Ordinal);
        Assert.Contains("dir1 does not belong to the same run as dir0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameScenarioUnderAnotherNameIsRefused()
    {
        // The name is part of the summary, so merging would depend on which shard came first.
        var renamed = Shards[1] with { Scenario = Shards[1].Scenario with { Name = "copy" } };
        Assert.Contains("the same text under another name", Refusal(Shards[0], renamed, Shards[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void AShardWithTheWrongNumberOfReplicationsIsRefused()
    {
        // Shard 0 of a 7-replication run holds 3 replications; passed off as shard 0 of the 6-replication run it does not fit.
        var lopsided = Shard(S, Settings with { Replications = 7 }, 0, 3) with { Settings = Settings };
        var message = Refusal(lopsided, Shards[1], Shards[2]);
        Assert.Contains("shard 0/3 holds 3 replications but should hold 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPartialsIsRefused() => Assert.Contains("no partial results", Refusal(), StringComparison.Ordinal);

    [Fact]
    public void PartialTextRoundTripsAndBadFilesAreNamed()
    {
        var text = Shards[2].ToJsonText();
        Assert.Equal(text, PartialResult.Parse(text).ToJsonText());
        Assert.StartsWith("{\n  \"format\": \"hasim.monte-carlo-partial/2\"", text, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => PartialResult.Parse(text.Replace("hasim.monte-carlo-partial/2", "something/9", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => PartialResult.Parse(text.Replace("\"shard_replications\": 2", "\"shard_replications\": 3", StringComparison.Ordinal)));

        var dir = Directory.CreateTempSubdirectory("hasim-merge-test");
        try
        {
            var missing = Assert.Throws<PartialResultException>(() => PartialResult.Read(dir.FullName));
            Assert.Contains("no partial.json in this directory", missing.Message, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir.FullName, "partial.json"), "{ \"format\": ");
            var bad = Assert.Throws<PartialResultException>(() => PartialResult.Read(dir.FullName));
            Assert.Contains("partial.json: not a valid hasim.monte-carlo-partial/2 file", bad.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
