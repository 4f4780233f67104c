using System.Text.Json;

namespace HaSim.Cli.Tests;

/// <summary><c>hasim run FILE --replications N</c> without <c>--years</c>: the scripted timeline over N seeds.</summary>
public sealed class ReplayCliTests
{
    private static string Scenario(string name) => Path.Combine(RepoPaths.Scenarios, name);

    [Fact]
    public void ReplaysReportEveryMetricsDistributionAndCheckExpectationsOnEveryReplay()
    {
        string dir = CliHarness.TempDirectory();
        var r = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--replications", "60", "--out", dir, "-q", "--wide");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Replays   60 replays of the scripted timeline, no random failures; replay i is seeded from (seed 1, i)", r.Out, StringComparison.Ordinal);
        Assert.Contains("Recovery and data loss, all incidents", r.Out, StringComparison.Ordinal);
        Assert.Contains("Expectations, checked on every replay", r.Out, StringComparison.Ordinal);
        Assert.Contains("60 of 60", r.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report.txt")));

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var root = doc.RootElement;
        Assert.Equal("hasim.replays/1", root.GetProperty("format").GetString());
        Assert.Equal(60, root.GetProperty("replays").GetInt64());
        Assert.Equal(60, root.GetProperty("overall").GetProperty("rto").GetProperty("n").GetInt64());
        Assert.True(root.GetProperty("expectations_met").GetBoolean());
        Assert.All(root.GetProperty("expectations").EnumerateArray(), e => Assert.Equal(60, e.GetProperty("held").GetInt64()));

        var one = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--replications", "60", "--threads", "1", "--format", "json", "--no-files", "-q");
        var two = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--replications", "60", "--threads", "2", "--format", "json", "--no-files", "-q");
        Assert.Equal(one.Out, two.Out);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "summary.json")), one.Out);
    }

    [Fact]
    public void AnExpectationThatFailsOnSomeSeedFailsTheRun()
    {
        // Seed 002's 60-120 s holds for most seeds of the zone-redundant failover, not all.
        var r = CliHarness.Run("run", Scenario("azure/zone-redundant-primary-failure.yaml"), "--replications", "200", "--no-files", "-q", "--format", "json");
        Assert.Equal(ExitCodes.ExpectationFailed, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var rto = doc.RootElement.GetProperty("expectations")[0];
        Assert.Equal("rto", rto.GetProperty("metric").GetString());
        long held = rto.GetProperty("held").GetInt64();
        Assert.InRange(held, 1, 199);
        Assert.False(rto.GetProperty("passed").GetBoolean());
        Assert.True(rto.GetProperty("lowest").GetDouble() < 60 || rto.GetProperty("highest").GetDouble() > 120);
    }

    [Fact]
    public void OptionsThatNeedYearsOrATimelineAreRefused()
    {
        var shard = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--replications", "10", "--shard", "0/2");
        Assert.Equal(ExitCodes.BadInput, shard.Exit);
        Assert.Contains("--shard needs --years", shard.Err, StringComparison.Ordinal);

        var threads = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--threads", "2");
        Assert.Equal(ExitCodes.BadInput, threads.Exit);
        Assert.Contains("--threads needs --years (random failures) or --replications", threads.Err, StringComparison.Ordinal);

        string bare = CliHarness.WriteScenario("preset: serverless\n");
        var noTimeline = CliHarness.Run("run", bare, "--replications", "10");
        Assert.Equal(ExitCodes.BadInput, noTimeline.Exit);
        Assert.Contains("has no timeline to replay; give --years", noTimeline.Err, StringComparison.Ordinal);

        var years = CliHarness.Run("run", Scenario("serverless/postgres-crash.yaml"), "--years", "1", "--replications", "2", "--no-files", "-q");
        Assert.Equal(ExitCodes.BadInput, years.Exit);
        Assert.Contains("over simulated years of random failures there is no 'incident 1' to check", years.Err, StringComparison.Ordinal);
        Assert.Contains("'hasim check'", years.Err, StringComparison.Ordinal);
    }
}
