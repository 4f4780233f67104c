using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using HaSim.Analysis.Budgets;
using HaSim.Model.Presets;

namespace HaSim.Cli.Tests;

/// <summary><c>hasim check</c> and <c>hasim baseline update</c> end to end: exit codes, JUnit (against the common schema), Markdown, baselines.</summary>
public sealed class CheckCommandTests
{
    private static readonly string Zr = Path.Combine(RepoPaths.Scenarios, "azure", "zone-redundant-primary-failure.yaml").Replace('\\', '/');

    private readonly string _dir = CliHarness.TempDirectory();

    private string Budgets(string body)
    {
        string path = Path.Combine(_dir, "budgets.yaml");
        File.WriteAllText(path, "budgets:\n" + body);
        return path;
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private string Pass => $"  - {{name: rpo-zero, scenario: {Zr}, replications: 100, goal: max rpo_bytes == 0 B, source: \"seed 002: RPO = 0\"}}\n";

    private string MustFail => $"  - {{name: rto-30s, scenario: {Zr}, replications: 100, goal: p99 rto <= 30 s}}\n";

    // p99.9 of 20 incidents has no upper bound, and its lower bound is far below an hour: it cannot be decided at 20.
    private string Undecidable => $"  - {{name: p999, scenario: {Zr}, replications: 20, max_replications: 20, goal: p99.9 rto <= 1 h}}\n";

    [Fact]
    public void ABudgetThatMustFailExitsOneWithAJUnitFailureNamingFigureLimitAndInterval()
    {
        var budgets = Budgets(Pass + MustFail);
        var r = CliHarness.Run("check", budgets, "--junit", Out("junit.xml"), "--markdown", Out("summary.md"), "--baselines", Out("none"), "-q");
        Assert.Equal(ExitCodes.ExpectationFailed, r.Exit);
        Assert.Contains("Result    FAIL: 1 pass, 1 fail, 0 inconclusive", r.Out, StringComparison.Ordinal);
        Assert.Empty(JUnitSchema.Problems(Out("junit.xml")));

        var cases = XDocument.Load(Out("junit.xml")).Descendants("testcase").ToList();
        Assert.Equal(["rpo-zero", "rto-30s"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Null(cases[0].Element("failure"));
        var failure = cases[1].Element("failure")!;
        Assert.Equal("budget", failure.Attribute("type")!.Value);
        string message = failure.Attribute("message")!.Value;
        Assert.Contains("p99 client RTO is", message, StringComparison.Ordinal);
        Assert.Contains("97.5% interval", message, StringComparison.Ordinal);
        Assert.Contains("breaks the limit <= 30.0 s", message, StringComparison.Ordinal);
        Assert.Contains("n = 100 incidents from 100 scripted replays, seed 1", message, StringComparison.Ordinal);
        Assert.Contains("source: seed 002: RPO = 0", cases[0].Element("system-out")!.Value, StringComparison.Ordinal);

        string md = File.ReadAllText(Out("summary.md"));
        Assert.StartsWith("### HaSim budgets: FAIL\n", md, StringComparison.Ordinal);
        Assert.Contains("| `rto-30s` | p99 client RTO |", md, StringComparison.Ordinal);
        Assert.Contains("| **FAIL** | 100 | none |", md, StringComparison.Ordinal);
        Assert.Contains("| `rpo-zero` | max RPO | 0 B | 0 B .. 0 B | == 0 B | pass | 100 | none |", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fail", ExitCodes.ExpectationFailed, "FAIL", 1, 0)]
    [InlineData("skip", ExitCodes.Success, "INCONCLUSIVE", 0, 1)]
    [InlineData("code", ExitCodes.Inconclusive, "INCONCLUSIVE", 0, 1)]
    public void AnInconclusiveBudgetCountsAsAsked(string mode, int exit, string word, int failures, int skipped)
    {
        var budgets = Budgets(Pass + Undecidable);
        var r = CliHarness.Run("check", budgets, "--inconclusive", mode, "--junit", Out("junit.xml"), "--baselines", Out("none"), "-q", "--wide");
        Assert.Equal(exit, r.Exit);
        Assert.Contains($"Result    {word}: 1 pass, 0 fail, 1 inconclusive", r.Out, StringComparison.Ordinal);
        Assert.Contains("p999 (", r.Out, StringComparison.Ordinal);
        Assert.Contains("at the cap of 20 replications; the sample is too small for the interval to have a bound on that side", r.Out, StringComparison.Ordinal);
        Assert.Empty(JUnitSchema.Problems(Out("junit.xml")));
        var suite = XDocument.Load(Out("junit.xml")).Root!.Element("testsuite")!;
        Assert.Equal((failures, skipped), (int.Parse(suite.Attribute("failures")!.Value), int.Parse(suite.Attribute("skipped")!.Value)));
    }

    [Fact]
    public void FailuresWinOverInconclusiveWhateverTheMode()
    {
        var r = CliHarness.Run("check", Budgets(MustFail + Undecidable), "--inconclusive", "code", "--baselines", Out("none"), "-q");
        Assert.Equal(ExitCodes.ExpectationFailed, r.Exit);
    }

    [Fact]
    public void TheResultIsByteIdenticalForAnyThreadCount()
    {
        var budgets = Budgets(Pass + MustFail + Undecidable + "  - {name: sla, preset: azure-same-zone-ha, years: 1, replications: 20, max_replications: 80, goal: P(month misses SLA) <= 10%}\n");
        var one = CliHarness.Run("check", budgets, "--threads", "1", "--format", "json", "--junit", Out("j1.xml"), "--baselines", Out("none"), "-q");
        var two = CliHarness.Run("check", budgets, "--threads", "2", "--format", "json", "--junit", Out("j2.xml"), "--baselines", Out("none"), "-q");
        Assert.Equal(one.Out, two.Out);
        Assert.Equal(File.ReadAllBytes(Out("j1.xml")), File.ReadAllBytes(Out("j2.xml")));
        using var doc = JsonDocument.Parse(one.Out);
        Assert.Equal("hasim.check/1", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal("fail", doc.RootElement.GetProperty("result").GetString());
        var sla = doc.RootElement.GetProperty("budgets")[3];
        Assert.Equal("sla_miss", sla.GetProperty("figure").GetString());
        Assert.Equal("months", sla.GetProperty("sample").GetString());
        Assert.Equal(12 * sla.GetProperty("replications").GetInt64(), sla.GetProperty("estimate").GetProperty("n").GetInt64());
    }

    [Fact]
    public void ABaselineGoesStaleWhenItsScenarioChanges()
    {
        string scenario = Out("zr.yaml");
        File.Copy(Zr, scenario);
        var budgets = Budgets("  - {name: rto, scenario: zr.yaml, replications: 100, max_replications: 800, goal: p99 rto <= 2 min}\n" + Pass.Replace(Zr, "zr.yaml", StringComparison.Ordinal));
        string baselines = Out("baselines");
        Directory.CreateDirectory(baselines);
        File.WriteAllText(Path.Combine(baselines, "gone.json"), "{}");

        var update = CliHarness.Run("baseline", "update", budgets, "--baselines", baselines, "-q");
        Assert.Equal(0, update.Exit);
        Assert.Contains($"Wrote 2 baselines to {baselines}", update.Out, StringComparison.Ordinal);
        Assert.Contains("Removed", update.Out, StringComparison.Ordinal);
        // The set replaces the folder as a whole, with its manifest: gone.json went with the old set.
        Assert.Equal(["manifest.json", "rpo-zero.json", "rto.json"], Directory.GetFiles(baselines).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var baseline = Baseline.Parse(File.ReadAllText(Path.Combine(baselines, "rto.json")));
        Assert.Equal(("rto", "p99 rto", "scripted", 1UL, 100L), (baseline.Budget, baseline.Figure, baseline.Mode, baseline.Seed, baseline.FirstReplications));
        Assert.StartsWith("sha256:", baseline.ScenarioHash, StringComparison.Ordinal);
        Assert.Equal(typeof(HasimCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, baseline.HasimVersion);

        var same = CliHarness.Run("check", budgets, "--baselines", baselines, "--junit", Out("junit.xml"), "-q", "--wide");
        Assert.Equal(0, same.Exit);
        Assert.Contains("0 regressions, 0 improvements, 0 stale baselines, 0 without a baseline", same.Out, StringComparison.Ordinal);
        Assert.Contains("unchanged", same.Out, StringComparison.Ordinal);

        File.AppendAllText(scenario, "# edited\n");
        var stale = CliHarness.Run("check", budgets, "--baselines", baselines, "--junit", Out("junit.xml"), "-q", "--wide");
        Assert.Equal(ExitCodes.ExpectationFailed, stale.Exit);
        Assert.Contains("STALE", stale.Out, StringComparison.Ordinal);
        Assert.Contains("the scenario changed since the baseline was made", stale.Out, StringComparison.Ordinal);
        Assert.Contains("2 stale baselines", stale.Out, StringComparison.Ordinal);
        Assert.Empty(JUnitSchema.Problems(Out("junit.xml")));
        var failure = XDocument.Load(Out("junit.xml")).Descendants("failure").First();
        Assert.Equal("stale-baseline", failure.Attribute("type")!.Value);
        Assert.Contains("run 'hasim baseline update", failure.Attribute("message")!.Value, StringComparison.Ordinal);

        Assert.Equal(0, CliHarness.Run("baseline", "update", budgets, "--baselines", baselines, "-q").Exit);
        Assert.Equal(0, CliHarness.Run("check", budgets, "--baselines", baselines, "-q").Exit);
    }

    [Fact]
    public void AMalformedBudgetsFileIsBadInputNamingFileLineAndField()
    {
        var budgets = Budgets($"  - name: a\n    scenario: {Zr}\n    goal: p99 rtoo <= 120 s\n");
        var r = CliHarness.Run("check", budgets, "--junit", Out("junit.xml"));
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal($"{budgets}:4:15: error: budgets[0].goal: unknown metric 'rtoo'; did you mean 'rto'?\n", r.Err);
        Assert.False(File.Exists(Out("junit.xml")));

        Assert.Equal(ExitCodes.BadInput, CliHarness.Run("check", Out("missing.yaml")).Exit);
        Assert.Equal(ExitCodes.BadInput, CliHarness.Run("check", Budgets(Pass), "--max-replications", "0").Exit);
        Assert.Equal(ExitCodes.BadInput, CliHarness.Run("check", Budgets(Pass), "--inconclusive", "ignore").Exit);
        Assert.Equal(ExitCodes.BadInput, CliHarness.Run("baseline", "update").Exit);

        string bad = Out("bad-baselines");
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "rpo-zero.json"), "{\"format\": \"hasim.baseline/1\"}");
        var corrupt = CliHarness.Run("check", Budgets(Pass), "--baselines", bad);
        Assert.Equal(ExitCodes.BadInput, corrupt.Exit);
        Assert.Contains("rpo-zero.json: error: not a valid hasim.baseline/1 file", corrupt.Err, StringComparison.Ordinal);
    }

    /// <summary>The shipped budgets bind, cover every preset, quote a source each, and have current committed baselines (what .ci/run checks against).</summary>
    [Fact]
    public void TheShippedBudgetsCoverEveryPresetAndTheirBaselinesAreCurrent()
    {
        var file = BudgetFileLoader.Load(Path.Combine(RepoPaths.Scenarios, "budgets.yaml"));
        Assert.Equal(PresetCatalog.All.Select(p => p.Name).Order(StringComparer.Ordinal), file.Budgets.Select(b => b.Subject.Scenario.Preset.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(file.Budgets, b => Assert.False(string.IsNullOrWhiteSpace(b.Source), b.Name));
        Assert.Contains(file.Budgets, b => b.Subject.IsScripted);
        Assert.Contains(file.Budgets, b => !b.Subject.IsScripted);

        string dir = Path.Combine(RepoPaths.Root, "results", "baselines", file.Name);
        foreach (var b in file.Budgets)
        {
            var baseline = BaselineStore.Read(BaselineStore.PathOf(dir, b));
            Assert.True(baseline is not null, $"no baseline for {b.Name}: run 'hasim baseline update scenarios/budgets.yaml'");
            Assert.True(baseline.StaleReason(b) is null, $"{b.Name}: {baseline.StaleReason(b)}");
            Assert.Equal(b.Seed, baseline.Seed);
        }

        Assert.Equal(file.Budgets.Select(b => b.Name + ".json").Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
