using System.Text.Json;

namespace HaSim.Cli.Tests;

/// <summary><c>hasim run</c> on scripted scenarios: printed report, output files, JSON, determinism and exit codes.</summary>
public class RunCommandTests
{
    private const string AzureFailover = "scenarios/azure/zone-redundant-primary-failure.yaml";

    [Fact]
    public void Run_writes_summary_incidents_and_trace_files_that_agree_with_each_other()
    {
        string dir = CliHarness.TempDirectory();
        var (exit, stdout, _) = CliHarness.Run("run", AzureFailover, "--out", dir);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Expectations", stdout);
        foreach (var f in new[] { "summary.json", "incidents.csv", "trace.jsonl", "timeline.txt" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var incident = summary.RootElement.GetProperty("incidents")[0];
        double rto = incident.GetProperty("rto").GetDouble();
        Assert.InRange(rto, 60, 120);
        Assert.Equal(0, incident.GetProperty("rpo_bytes").GetDouble());
        Assert.True(summary.RootElement.GetProperty("expectations_met").GetBoolean());

        var csv = File.ReadAllLines(Path.Combine(dir, "incidents.csv"));
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("number,failure_mode,start_seconds,rto_seconds,server_rto_seconds,detection_seconds,rpo_bytes,rpo_seconds,aborted_transactions", csv[0]);
        Assert.Equal(rto.ToString("R", System.Globalization.CultureInfo.InvariantCulture), csv[1].Split(',')[3]);

        var trace = File.ReadAllLines(Path.Combine(dir, "trace.jsonl"));
        Assert.All(trace, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(trace, l => l.Contains("\"kind\":\"dns-update\"", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(dir, "*.tmp"));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_output_files_and_another_seed_does_not()
    {
        string a = CliHarness.TempDirectory(), b = CliHarness.TempDirectory(), c = CliHarness.TempDirectory();
        CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--out", a, "--seed", "11");
        CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--out", b, "--seed", "11");
        CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--out", c, "--seed", "12");
        foreach (var f in new[] { "summary.json", "incidents.csv", "trace.jsonl", "timeline.txt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        }

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "trace.jsonl")), File.ReadAllBytes(Path.Combine(c, "trace.jsonl")));
    }

    [Fact]
    public void Json_format_prints_the_summary_document()
    {
        var (exit, stdout, _) = CliHarness.Run("run", "scenarios/aiven/startup-node-loss.yaml", "--format", "json", "--no-files");
        Assert.Equal(ExitCodes.Success, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("hasim.scripted-run/2", doc.RootElement.GetProperty("format").GetString());
        Assert.True(doc.RootElement.GetProperty("incidents")[0].GetProperty("rpo_seconds").GetDouble() > 0);
    }

    [Fact]
    public void An_unmet_expectation_exits_with_code_1()
    {
        string path = CliHarness.WriteScenario("""
            preset: azure-zone-redundant-ha
            timeline:
              - at: 10 min
                target: primary
                fault: fail
            expect:
              - metric: rto
                max: 10 s
            """);
        var (exit, stdout, _) = CliHarness.Run("run", path, "--no-files");
        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        Assert.Contains("FAIL", stdout);
    }
}
