namespace HaSim.Cli.Tests;

/// <summary><c>hasim report</c>, and <c>--report</c> / <c>--budget</c> on run and compare.</summary>
public sealed class ReportCliTests
{
    [Fact]
    public void RunWithReportWritesTheHtmlAndMarkdownBesideTheResults()
    {
        string dir = CliHarness.TempDirectory();
        var (exit, output, error) = CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--out", dir, "--report", "--budget", "2 min");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains($"Wrote {Path.Combine(dir, "report.html")} and {Path.Combine(dir, "report-md", "report.md")} (2 charts)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report-md", "01-timeline.png")));
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
    }

    [Fact]
    public void ReportReadsAMonteCarloFolderAndJsonOutputStaysPureJson()
    {
        string dir = CliHarness.TempDirectory();
        // A preset-only scenario has no expectations, so --years runs.
        string scenario = CliHarness.WriteScenario("preset: azure-non-ha\n");
        var (exit, output, error) = CliHarness.Run("run", scenario, "--years", "1", "--replications", "10", "--out", dir, "--quiet", "--format", "json", "--report");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("report.html", error, StringComparison.Ordinal); // where it went is said on stderr, not in the JSON

        string elsewhere = CliHarness.TempDirectory();
        (exit, output, error) = CliHarness.Run("report", dir, "--out", elsewhere);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Monte Carlo run", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "report.html")), File.ReadAllText(Path.Combine(elsewhere, "report.html")));
    }

    [Fact]
    public void CompareWithReportNeedsAnOutputFolder()
    {
        string a = CliHarness.WriteScenario("preset: aiven-business\n"), b = CliHarness.WriteScenario("preset: aiven-premium\n");
        var (exit, _, error) = CliHarness.Run("compare", a, b, "--years", "1", "--replications", "5", "--report", "--quiet");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);

        string dir = CliHarness.TempDirectory();
        (exit, var output, error) = CliHarness.Run("compare", a, b, "--years", "1", "--replications", "5", "--report", "--quiet", "--out", dir);
        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")), output);
    }

    [Theory]
    [InlineData("--budget", "fast")]
    [InlineData("--budget", "0 s")]
    [InlineData("--budget", "-5 min")]
    public void ABadBudgetIsBadInput(string flag, string value)
    {
        var (exit, _, error) = CliHarness.Run("report", CliHarness.TempDirectory(), flag, value);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--budget", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportFlagsThatCannotWorkAreRefusedBeforeAnythingRuns()
    {
        var (exit, _, error) = CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--report", "--no-files");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--no-files", error, StringComparison.Ordinal);

        (exit, _, error) = CliHarness.Run("run", "scenarios/serverless/az-outage.yaml", "--budget", "2 min", "--no-files");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--report", error, StringComparison.Ordinal);

        string scenario = CliHarness.WriteScenario("preset: serverless\n");
        (exit, _, error) = CliHarness.Run("run", scenario, "--years", "1", "--replications", "4", "--shard", "0/2", "--out", CliHarness.TempDirectory(), "--report");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("hasim merge", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutResultsIsBadInputNamingIt()
    {
        string dir = CliHarness.TempDirectory();
        var (exit, _, error) = CliHarness.Run("report", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(dir, error, StringComparison.Ordinal);
        Assert.Contains("summary.json", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void ReportHelpHasExamples()
    {
        var (exit, output, _) = CliHarness.Run("report", "--help");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("hasim report results/serverless-az-outage", output, StringComparison.Ordinal);
    }
}
