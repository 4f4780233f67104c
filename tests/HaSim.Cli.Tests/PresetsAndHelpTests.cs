using System.Text.Json;

namespace HaSim.Cli.Tests;

/// <summary><c>hasim presets</c> and help.</summary>
public class PresetsAndHelpTests
{
    [Fact]
    public void Presets_lists_every_seed_system_with_its_sla()
    {
        var (exit, stdout, _) = CliHarness.Run("presets");
        Assert.Equal(0, exit);
        foreach (var (name, sla) in new[] { ("serverless", "99.95%"), ("aiven-startup", "99.50%"), ("azure-non-ha", "99.90%"), ("azure-same-zone-ha", "99.95%"), ("azure-zone-redundant-ha", "99.99%") })
        {
            Assert.Matches($"(?m)^{name} .* {System.Text.RegularExpressions.Regex.Escape(sla)} ", stdout);
        }
    }

    [Fact]
    public void Presets_show_lists_each_figure_with_its_source()
    {
        var (exit, stdout, _) = CliHarness.Run("presets", "--show", "azure-zone-redundant-ha");
        Assert.Equal(0, exit);
        Assert.Matches("(?m)^replication.replay_rate +40 MB/s +seed 002", stdout);
        Assert.Matches("(?m)^standby.rebuild +uniform 300\\.\\.600 s +seed 002", stdout);
        Assert.Contains("ASSUMPTION", stdout);
    }

    [Fact]
    public void Presets_show_lists_the_names_a_scenario_may_use()
    {
        var (exit, stdout, _) = CliHarness.Run("presets", "--show", "azure-zone-redundant-ha", "--wide");
        Assert.Equal(0, exit);
        Assert.Matches("(?m)^primary +crash, fail, planned-failover, forced-failover +the current primary", stdout);
        Assert.Matches("(?m)^az-3 +outage ", stdout);
        Assert.Matches("(?m)^promote_standby +stage +promote the standby to primary$", stdout);
        Assert.Matches("(?m)^region_outage +failure mode +region outage$", stdout);
        Assert.Matches("(?m)^no_standby +degraded kind +running without a standby$", stdout);
    }

    [Fact]
    public void Presets_json_is_machine_readable_and_marks_assumptions()
    {
        var (_, stdout, _) = CliHarness.Run("presets", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(7, doc.RootElement.GetArrayLength());
        var serverless = doc.RootElement[0].GetProperty("parameters");
        Assert.False(serverless.GetProperty("safekeeper.quorum").GetProperty("assumption").GetBoolean());
        Assert.True(serverless.GetProperty("kubernetes.reschedule").GetProperty("assumption").GetBoolean());
    }

    [Fact]
    public void Unknown_preset_suggests_the_closest_name()
    {
        var (exit, _, stderr) = CliHarness.Run("presets", "--show", "azure-non-hа");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("did you mean 'azure-non-ha'?", stderr);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("presets")]
    [InlineData("check")]
    [InlineData("baseline update")]
    public void Help_ends_with_examples(string verb)
    {
        var (exit, stdout, _) = CliHarness.Run([.. verb.Split(' '), "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", stdout);
        Assert.Contains($"hasim {verb}", stdout);
    }
}
