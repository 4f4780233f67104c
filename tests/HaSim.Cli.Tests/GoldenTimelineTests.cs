namespace HaSim.Cli.Tests;

/// <summary>
/// The printed report of a few scripted runs is compared with golden files in tests/HaSim.Cli.Tests/golden.
/// After an intended change, regenerate them with HASIM_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenTimelineTests
{
    [Theory]
    [InlineData("scenarios/azure/zone-redundant-primary-failure.yaml", "azure-zone-redundant-primary-failure.txt")]
    [InlineData("scenarios/serverless/az-outage.yaml", "serverless-az-outage.txt")]
    [InlineData("scenarios/aiven/business-primary-and-standby-lost.yaml", "aiven-business-primary-and-standby-lost.txt")]
    [InlineData("scenarios/azure/zone-redundant-planned-failover.yaml", "azure-zone-redundant-planned-failover.txt")]
    public void Printed_report_matches_its_golden_file(string scenario, string golden)
    {
        var (exit, stdout, stderr) = CliHarness.Run("run", scenario, "--no-files");
        Assert.True(exit == 0, stderr);
        string path = Path.Combine(RepoPaths.Golden, golden);
        if (Environment.GetEnvironmentVariable("HASIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, stdout);
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with HASIM_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), stdout);
    }
}
