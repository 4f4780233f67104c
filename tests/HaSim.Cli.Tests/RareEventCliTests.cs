using System.Text.Json;
using HaSim.Cli;

namespace HaSim.Cli.Tests;

/// <summary>hasim run --years --rare through the command line.</summary>
public sealed class RareEventCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hasim-rare-cli");

    public RareEventCliTests() => File.WriteAllText(Scenario, "name: zone-redundant\npreset: azure-zone-redundant-ha\n");

    private string Scenario => Path.Combine(_dir.FullName, "zr.yaml");

    public void Dispose() => _dir.Delete(recursive: true);

    private static (int Code, string Out, string Err) Hasim(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = HasimCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void An_accelerated_run_writes_its_estimate_the_same_for_any_threads()
    {
        string one = Path.Combine(_dir.FullName, "one"), two = Path.Combine(_dir.FullName, "two");
        var run = Hasim("run", Scenario, "--years", "1", "--rare", "data_loss", "--failure-mode", "planned_failover", "--replications", "300", "--threads", "1", "--out", one, "-q");
        Assert.Equal(0, run.Code);
        Assert.Contains("P(a year with data loss) (incidents of planned_failover only) = ", run.Out, StringComparison.Ordinal);
        Assert.Contains("relative error", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, Hasim("run", Scenario, "--years", "1", "--rare", "data-loss", "--failure-mode", "planned failover", "--replications", "300", "--threads", "2", "--out", two, "-q").Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "summary.json")), File.ReadAllBytes(Path.Combine(two, "summary.json")));

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(one, "summary.json")));
        var root = doc.RootElement;
        Assert.Equal("hasim.rare-event/1", root.GetProperty("format").GetString());
        Assert.Equal("data_loss", root.GetProperty("event").GetString());
        Assert.Equal("planned_failover", root.GetProperty("failure_mode").GetString());
        Assert.Equal(300, root.GetProperty("replications").GetInt64());
        Assert.Equal("data_copies_down", root.GetProperty("biasing").GetProperty("importance").GetString());
        Assert.True(root.GetProperty("biasing").GetProperty("components").GetArrayLength() >= 3);
        var p = root.GetProperty("probability");
        long hits = root.GetProperty("hits").GetInt64();
        if (hits == 0)
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("upper").ValueKind);
            Assert.Contains("no_event_reached", root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        }
        else
        {
            Assert.InRange(p.GetProperty("estimate").GetDouble(), 1e-8, 1e-4);
        }

        Assert.Equal(root.GetProperty("warnings").GetArrayLength() == 0, root.GetProperty("reliable").GetBoolean());
    }

    [Theory]
    [InlineData("--rare data_los", "did you mean 'data_loss'?")]
    [InlineData("--rare data_loss --failure-mode planed_failover", "did you mean 'planned_failover'?")]
    [InlineData("--rare sla_miss --failure-mode planned_failover", "--failure-mode applies to the year-level events")]
    [InlineData("--rare data_loss --shard 0/2", "--shard is not available with --rare")]
    [InlineData("--rare data_loss --bias-time-scale 0", "--bias-time-scale 0: give a positive number of seconds")]
    [InlineData("--rare data_loss --importance copies", "copies")]
    public void Bad_rare_event_options_are_input_errors(string options, string message)
    {
        var r = Hasim(["run", Scenario, "--years", "1", "--no-files", .. options.Split(' ')]);
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rare_event_options_need_years_and_rare()
    {
        var noYears = Hasim("run", Scenario, "--rare", "data_loss", "--no-files");
        Assert.Equal(ExitCodes.BadInput, noYears.Code);
        Assert.Contains("--rare needs --years", noYears.Err, StringComparison.Ordinal);
        var noRare = Hasim("run", Scenario, "--years", "1", "--failure-mode", "planned_failover", "--no-files");
        Assert.Equal(ExitCodes.BadInput, noRare.Code);
        Assert.Contains("--failure-mode needs --rare", noRare.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, Hasim("run", Scenario, "--years", "1", "--importance", "data_copies_down", "--no-files").Code);
        var partialYear = Hasim("run", Scenario, "--years", "0.5", "--rare", "data_loss", "--no-files");
        Assert.Equal(ExitCodes.BadInput, partialYear.Code);
        Assert.Contains("at least one whole year", partialYear.Err, StringComparison.Ordinal);
    }
}
