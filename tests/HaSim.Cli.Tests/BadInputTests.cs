namespace HaSim.Cli.Tests;

/// <summary>Bad input gets an error naming the file, line and field, a suggestion where obvious, exit code 2, and no stack trace.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("preset: azure-zone-redundent-ha\n", 1, 9, "preset", "did you mean 'azure-zone-redundant-ha'?")]
    [InlineData("preset: serverless\nparameters:\n  compute.postgres_restrat: 5 s\n", 3, 3, "parameters.compute.postgres_restrat", "did you mean 'compute.postgres_restart'?")]
    [InlineData("preset: serverless\nparameters:\n  compute.postgres_restart: 5\n", 3, 29, "parameters.compute.postgres_restart", "unit")]
    [InlineData("preset: serverless\ntimeline:\n  - at: -5 min\n    target: compute\n    fault: crash\n", 3, 9, "timeline[0].at", "negative")]
    [InlineData("preset: serverless\ntimeline:\n  - at: 5 min\n    target: primary\n    fault: crash\n", 4, 13, "timeline[0].target", "targets: compute")]
    [InlineData("preset: serverless\ntimeline:\n  - at: 5 min\n    target: az-1\n    fault: crash\n", 5, 12, "timeline[0].fault", "use 'outage'")]
    [InlineData("preset: serverless\ntimeline:\n  - at: 5 min\n    target: compute\n    fault: crsh\n", 5, 12, "timeline[0].fault", "did you mean 'crash'?")]
    [InlineData("preset: serverless\nworkload:\n  wal_rate: 40 MB\n", 3, 13, "workload.wal_rate", "")]
    [InlineData("preset: serverless\nclient:\n  dns_ttll: 5 s\n", 3, 3, "client.dns_ttll", "")]
    [InlineData("preset: serverless\ntimeline:\n  - at: 5 min\n  target: compute\n", 4, 3, "", "malformed YAML")]
    [InlineData("preset: serverless\nparameters:\n  safekeeper.quorum: 4\n", 3, 22, "parameters.safekeeper.quorum", "must be at most safekeeper.count (3)")]
    [InlineData("preset: aiven-business\nparameters:\n  standby.count: -1\n", 3, 18, "parameters.standby.count", "it must be from 1 to 8")]
    [InlineData("preset: aiven-business\nparameters:\n  backup.retention: {uniform: {min: 1 d, max: 7 d}}\n", 3, 21, "parameters.backup.retention", "is read as a single duration")]
    [InlineData("preset: serverless\nexpect:\n  - {metric: stage, of: restart_postgress, max: 1 min}\n", 3, 25, "expect[0].of", "did you mean 'restart_postgres'?")]
    [InlineData("preset: serverless\nexpect:\n  - {metric: degraded, of: warm cache, max: 1 min}\n", 3, 28, "expect[0].of", "cold_cache, no_secondary_pageserver")]
    public void Bad_scenario_is_reported_at_its_file_line_and_field_with_exit_code_2(string yaml, int line, int column, string field, string hint)
    {
        string path = CliHarness.WriteScenario(yaml);
        var (exit, stdout, stderr) = CliHarness.Run("validate", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"{path}:{line}:{column}: error: {field}", stderr);
        Assert.Contains(hint, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_stage_may_be_named_by_its_key_or_its_label()
    {
        string path = CliHarness.WriteScenario(
            "preset: serverless\ntimeline:\n  - {at: 1 min, target: compute, fault: crash}\nexpect:\n" +
            "  - {metric: stage, of: restart_postgres, max: 1 min}\n  - {metric: stage, of: restart Postgres in the same VM, max: 1 min}\n");
        var (exit, stdout, stderr) = CliHarness.Run("run", path, "--no-files");
        Assert.Equal("", stderr);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(2, stdout.Split("PASS    incident 1 stage: restart Postgres in the same VM").Length - 1);
    }

    [Fact]
    public void Run_reports_scenario_errors_the_same_way()
    {
        string path = CliHarness.WriteScenario("preset: nope\n");
        var (exit, _, stderr) = CliHarness.Run("run", path, "--no-files");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{path}:1:9: error: preset: unknown preset 'nope'", stderr);
    }

    [Fact]
    public void A_missing_file_is_reported_with_exit_code_2()
    {
        var (exit, _, stderr) = CliHarness.Run("run", "no/such/file.yaml");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no/such/file.yaml", stderr);
        Assert.Contains("file not found", stderr);
    }

    [Theory]
    [InlineData("run", "scenarios/serverless/postgres-crash.yaml", "--format", "xml")]
    [InlineData("run", "scenarios/serverless/postgres-crash.yaml", "--seed", "minus-one")]
    [InlineData("frobnicate")]
    public void Bad_flags_exit_with_code_2_and_point_at_help(params string[] args)
    {
        var (exit, _, stderr) = CliHarness.Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("hasim --help", stderr);
    }

    [Fact]
    public void Every_shipped_scenario_validates()
    {
        var (exit, stdout, stderr) = CliHarness.Run(["validate", .. RepoPaths.ShippedScenarioFiles()]);
        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Equal(RepoPaths.ShippedScenarioFiles().Count(), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
