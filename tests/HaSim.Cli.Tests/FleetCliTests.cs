using System.Text.Json;

namespace HaSim.Cli.Tests;

/// <summary>Fleet scenarios through the command line: replay, replications, shards and merge, validation and bad input.</summary>
public sealed class FleetCliTests : IDisposable
{
    private const string Small = """
        # A small fleet for the CLI tests (seed 000: AZ recovery "1-10 minutes").
        name: small-fleet
        fleet:
          groups:
            - {name: web, preset: serverless, count: 90}
            - {name: db, preset: azure-zone-redundant-ha, count: 12}
          capacity:
            compute.spare_slots_per_az: 10
            compute.warm_pool_per_az: 5
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hasim-fleet-cli");

    public FleetCliTests() => File.WriteAllText(FleetFile, Small);

    private string FleetFile => Path.Combine(_dir.FullName, "small.yaml");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Out(string name) => Path.Combine(_dir.FullName, name);

    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var f in RepoPaths.FleetScenarioFiles())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_fleet_scenarios_validate_and_replay(string file)
    {
        var validate = CliHarness.Run("validate", file);
        Assert.Equal(0, validate.Exit);
        Assert.StartsWith("ok    " + file + ": fleet of ", validate.Out, StringComparison.Ordinal);

        var run = CliHarness.Run("run", file, "--no-files", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("hasim.fleet/1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal("timeline", json.RootElement.GetProperty("run").GetProperty("kind").GetString());
        Assert.Matches("(?m)^# .*(Seed 00[012]|seed 00[012]|parameters\\.md)", File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
    }

    [Fact]
    public void A_replay_prints_the_fleet_report_and_writes_its_files()
    {
        var (exit, stdout, _) = CliHarness.Run("run", FleetFile, "--out", Out("replay"), "--check-invariants", "--wide");

        Assert.Equal(0, exit);
        Assert.Contains("Fleet     small-fleet: 102 databases", stdout, StringComparison.Ordinal);
        Assert.Contains("AZ outage       1        34", stdout, StringComparison.Ordinal); // 30 computes and 4 primaries in az-1
        Assert.Contains("After the AZ outage: databases still down", stdout, StringComparison.Ordinal);
        Assert.Contains("control plane (failovers and restores)", stdout, StringComparison.Ordinal);
        Assert.Contains("checks held", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "fleet-summary.json", "fleet-report.txt", "recovery-curve.csv", "fleet-incidents.csv", "recovery-steps.csv" })
        {
            Assert.True(File.Exists(Path.Combine(Out("replay"), file)), file);
        }

        var incidents = File.ReadAllLines(Path.Combine(Out("replay"), "fleet-incidents.csv"));
        Assert.Equal("database,group,index,zone,failure_mode,start_seconds,detected_seconds,server_restored_seconds,client_restored_seconds,rto_seconds,rpo_bytes,fleet_event", incidents[0]);
        Assert.Equal(34, incidents.Skip(1).Count(l => l.Contains(",az-1,az_outage,600,", StringComparison.Ordinal)));
        var curve = File.ReadAllLines(Path.Combine(Out("replay"), "recovery-curve.csv"));
        Assert.StartsWith("az_outage,0,34,", curve[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Replications_give_the_same_summary_for_any_threads_and_shard_split()
    {
        string[] Run(params string[] extra) => ["run", FleetFile, "--replications", "6", "--seed", "4", "-q", .. extra];
        Assert.Equal(0, CliHarness.Run(Run("--threads", "1", "--out", Out("t1"))).Exit);
        var expected = File.ReadAllBytes(Path.Combine(Out("t1"), "fleet-summary.json"));
        Assert.Equal(0, CliHarness.Run(Run("--threads", "2", "--out", Out("t2"))).Exit);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Out("t2"), "fleet-summary.json")));

        var shards = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string dir = Out($"shard-{i}");
            var shard = CliHarness.Run(Run("--shard", $"{i}/3", "--out", dir));
            Assert.Equal(0, shard.Exit);
            Assert.Contains($"Shard {i}/3: 2 of 6 fleet replications", shard.Out, StringComparison.Ordinal);
            shards.Add(dir);
        }

        shards.Reverse();
        var merge = CliHarness.Run(["merge", .. shards, "--out", Out("merged")]);
        Assert.Equal(0, merge.Exit);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Out("merged"), "fleet-summary.json")));

        var missing = CliHarness.Run("merge", shards[0], shards[1], "--no-files");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("incomplete", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_fleet_input_names_the_file_line_and_field()
    {
        string bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, Small.Replace("target: az-1", "target: web/az-9/node-0", StringComparison.Ordinal));

        var run = CliHarness.Run("run", bad, "--no-files");
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{bad}:11:", run.Err, StringComparison.Ordinal);
        Assert.Contains("timeline[0].target", run.Err, StringComparison.Ordinal);

        var threads = CliHarness.Run("run", FleetFile, "--threads", "2", "--no-files");
        Assert.Equal(2, threads.Exit);
        Assert.Contains("--threads needs --replications or --years", threads.Err, StringComparison.Ordinal);

        var compare = CliHarness.Run("compare", FleetFile, FleetFile, "--years", "1");
        Assert.Equal(2, compare.Exit);
        Assert.Contains("this is a fleet scenario", compare.Err, StringComparison.Ordinal);
    }
}
