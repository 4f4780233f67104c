namespace HaSim.Cli.Tests;

/// <summary>
/// Every text report fits an 80-column terminal: the scripted report of every shipped scenario and a
/// small Monte Carlo report of every preset; with --wide the tables are printed in full (the golden
/// files under golden/wide are the tables as they were before fitting).
/// </summary>
public class ReportWidthTests
{
    private const int Width = 80;

    public static TheoryData<string> Scenarios() => [.. RepoPaths.ShippedScenarioFiles()];

    public static TheoryData<string> Presets() =>
        ["serverless", "aiven-startup", "aiven-business", "aiven-premium", "azure-non-ha", "azure-same-zone-ha", "azure-zone-redundant-ha"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_scripted_report_of_every_shipped_scenario_fits_80_columns(string scenario)
    {
        var (exit, stdout, stderr) = CliHarness.Run("run", scenario, "--no-files");
        Assert.True(exit is 0 or 1, stderr);
        AssertFits(scenario, stdout);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void The_monte_carlo_report_of_every_preset_fits_80_columns(string preset)
    {
        string scenario = CliHarness.WriteScenario($"preset: {preset}\n");
        var (exit, stdout, stderr) = CliHarness.Run("run", scenario, "--years", "1", "--replications", "20", "--no-files", "--quiet");
        Assert.True(exit == 0, stderr);
        AssertFits(preset, stdout);
        Assert.Contains("By failure mode", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_check_and_presets_fit_80_columns()
    {
        string a = CliHarness.WriteScenario("preset: aiven-business\n");
        string b = CliHarness.WriteScenario("preset: azure-zone-redundant-ha\n");
        var compare = CliHarness.Run("compare", a, b, "--years", "1", "--replications", "20", "--quiet");
        Assert.True(compare.Exit == 0, compare.Err);
        AssertFits("compare", compare.Out);
        Assert.Contains("  #1 = scenario", compare.Out, StringComparison.Ordinal);

        foreach (var preset in Presets())
        {
            var (exit, stdout, stderr) = CliHarness.Run("presets", "--show", preset);
            Assert.True(exit == 0, stderr);
            AssertFits(preset, stdout);
        }

        AssertFits("presets", CliHarness.Run("presets").Out);

        string scenario = Path.Combine(RepoPaths.Root, "scenarios", "azure", "zone-redundant-primary-failure.yaml");
        string budgets = Path.Combine(CliHarness.TempDirectory(), "budgets.yaml");
        File.WriteAllText(budgets, $"budgets:\n  - name: zr-rto\n    scenario: {scenario}\n    goal: p99 rto <= 120 s\n    replications: 50\n    source: \"seed 002: failover downtime 'between 60s-120s'\"\n");
        var check = CliHarness.Run("check", budgets, "--threads", "2");
        Assert.True(check.Exit == 0, check.Err + check.Out);
        AssertFits("check", check.Out);
        Assert.Contains("zr-rto  p99 client RTO", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_with_goal_and_cost_fits_80_columns_and_wide_keeps_one_line_per_point()
    {
        string fleet = Path.Combine(RepoPaths.Root, "scenarios", "fleet", "serverless-2000-spare-slot-sweep.yaml");
        string[] args = ["sweep", fleet, "--param", "endpoints.count=60", "--param", "compute.spare_slots_per_az=0,20", "--replications", "4", "--goal", "p99 client_rto <= 5 min", "--no-files"];
        var sweep = CliHarness.Run(args);
        Assert.True(sweep.Exit is 0 or 1, sweep.Err);
        AssertFits("sweep", sweep.Out);
        Assert.Contains("goal: ", sweep.Out, StringComparison.Ordinal); // the verdict and cost moved under their row

        var wide = CliHarness.Run([.. args, "--wide"]);
        var rows = wide.Out.Split('\n').Where(l => l.StartsWith("  1 ", StringComparison.Ordinal) || l.StartsWith("  2 ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Matches(@"(pass|fail|inconclusive)\s+[\d,]+\.\d\d$", row)); // verdict and cost on the row itself
        Assert.Contains(wide.Out.Split('\n'), l => l.Length > Width);
    }

    [Theory]
    [InlineData("scenarios/azure/zone-redundant-primary-failure.yaml", "azure-zone-redundant-primary-failure.txt")]
    [InlineData("scenarios/serverless/az-outage.yaml", "serverless-az-outage.txt")]
    public void Wide_prints_every_table_in_full(string scenario, string golden)
    {
        var (exit, stdout, stderr) = CliHarness.Run("run", scenario, "--no-files", "--wide");
        Assert.True(exit == 0, stderr);
        string path = Path.Combine(RepoPaths.Golden, "wide", golden);
        if (Environment.GetEnvironmentVariable("HASIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, stdout);
        }

        Assert.Equal(File.ReadAllText(path), stdout);
        Assert.Contains(stdout.Split('\n'), l => l.Length > Width);
        Assert.Contains("longest stage", stdout, StringComparison.Ordinal);
    }

    private static void AssertFits(string what, string text)
    {
        var wide = text.Split('\n').Where(l => l.Length > Width).ToArray();
        Assert.True(wide.Length == 0, $"{what}: {wide.Length} lines wider than {Width} columns, e.g.\n{string.Join('\n', wide.Take(3))}");
    }
}
