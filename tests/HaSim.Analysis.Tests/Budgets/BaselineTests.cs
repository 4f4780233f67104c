using System.Text.Json;
using HaSim.Analysis.Budgets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>Baselines: their file round trip, regressions paired on the same seeds, improvements, staleness.</summary>
public sealed class BaselineTests
{
    private const string Scenario = "azure/zone-redundant-primary-failure.yaml";

    private static readonly string Budgets = $$"""
        defaults: {replications: 100, max_replications: 800, regression: 10%}
        budgets:
          - {name: p99-rto, scenario: {{Scenario}}, goal: p99 rto <= 120 s}
          - {name: mean-server-rto, scenario: {{Scenario}}, goal: mean server_rto <= 90 s}
          - {name: promote-time, scenario: {{Scenario}}, goal: P(stage of promote_standby > 20 s) <= 20%}
        """;

    [Fact]
    public void ABaselineFileReadsBackToTheSameBaseline()
    {
        var result = BudgetRunner.Run(File(Budgets), new CheckOptions(Threads: 2));
        foreach (var o in result.Outcomes)
        {
            var baseline = Baseline.From(o, "1.2.3+test");
            string text = baseline.ToJsonText();
            var back = Baseline.Parse(text);
            Assert.Equal(text, back.ToJsonText());
            Assert.Equal((o.Replications, o.Estimate.Value, o.Budget.Subject.Identity.Hash), (back.Replications, back.Estimate.Value, back.ScenarioHash));
            Assert.Equal(BudgetRunner.Batches, back.Batches.Count);
            Assert.Null(back.StaleReason(o.Budget));
        }

        Assert.Throws<JsonException>(() => Baseline.Parse("{\"format\": \"hasim.baseline/9\"}"));
        Assert.Throws<JsonException>(() => Baseline.Parse("not json"));
        string dir = TempDirectory();
        string bad = Path.Combine(dir, "p99-rto.json");
        System.IO.File.WriteAllText(bad, "{\"format\": \"hasim.baseline/1\", \"budget\": 3}");
        var e = Assert.Throws<ScenarioException>(() => BudgetRunner.Run(File(Budgets), new CheckOptions(BaselineDirectory: dir)));
        Assert.Equal(bad, e.Diagnostics[0].FilePath);
    }

    /// <summary>
    /// A slower promotion (a parameter change the scenario file does not show, as a changed preset
    /// would be) is a regression against the baseline; a faster one an improvement; the same model
    /// gives a paired difference of exactly zero.
    /// </summary>
    [Fact]
    public void ASlowerPromotionIsARegressionOnTheSameSeeds()
    {
        var file = File(Budgets);
        string dir = WriteBaselines(file);

        var same = BudgetRunner.Run(file, new CheckOptions(Threads: 2, BaselineDirectory: dir));
        Assert.All(same.Outcomes, o =>
        {
            Assert.Equal(BaselineStatus.Compared, o.Baseline.Status);
            Assert.Equal(Change.Unchanged, o.Baseline.Change);
            Assert.Equal((0.0, 0.0), (o.Baseline.Difference!.Interval.Lower, o.Baseline.Difference.Interval.Upper));
            Assert.Equal(BudgetRunner.Batches, o.Baseline.Difference.SampleSize);
        });
        Assert.False(same.AnyFailure);

        var slower = BudgetRunner.Run(WithPromotion(file, "{lognormal: {median: 40 s, p99: 120 s}}"), new CheckOptions(Threads: 2, BaselineDirectory: dir));
        Assert.All(slower.Outcomes, o =>
        {
            Assert.Equal(Change.Regression, o.Baseline.Change);
            Assert.True(o.Baseline.Difference!.Interval.Lower > o.Baseline.Tolerance);
            Assert.Equal(0.1 * Math.Abs(o.Baseline.Baseline!.Estimate.Value), o.Baseline.Tolerance, 9);
        });
        Assert.Equal(3, slower.Regressions);
        Assert.True(slower.AnyFailure);

        var faster = BudgetRunner.Run(WithPromotion(file, "2 s"), new CheckOptions(Threads: 2, BaselineDirectory: dir));
        Assert.Equal(Change.Improvement, faster.Outcomes[1].Baseline.Change);
        Assert.Equal(Change.Improvement, faster.Outcomes[2].Baseline.Change);
        Assert.True(faster.Outcomes[1].Baseline.Difference!.Interval.Upper < -faster.Outcomes[1].Baseline.Tolerance);
        Assert.Equal(0, faster.Regressions);
    }

    [Fact]
    public void ABaselineOfAnotherScenarioFigureOrSeedIsNotUsed()
    {
        var file = File(Budgets);
        string dir = WriteBaselines(file);
        string path = Path.Combine(dir, "p99-rto.json");
        var baseline = Baseline.Parse(System.IO.File.ReadAllText(path));
        System.IO.File.WriteAllText(path, (baseline with { ScenarioHash = "sha256:0123456789abcdef" }).ToJsonText());
        System.IO.File.WriteAllText(Path.Combine(dir, "mean-server-rto.json"), (baseline with { Budget = "mean-server-rto" }).ToJsonText());

        var result = BudgetRunner.Run(file, new CheckOptions(Threads: 2, BaselineDirectory: dir));
        Assert.Equal(BaselineStatus.Stale, result.Outcomes[0].Baseline.Status);
        Assert.Contains("the scenario changed since the baseline was made", result.Outcomes[0].Baseline.Reason, StringComparison.Ordinal);
        Assert.Equal(BaselineStatus.Stale, result.Outcomes[1].Baseline.Status);
        Assert.Contains("now measures 'mean server_rto', the baseline 'p99 rto'", result.Outcomes[1].Baseline.Reason, StringComparison.Ordinal);
        Assert.Equal(BaselineStatus.Compared, result.Outcomes[2].Baseline.Status);
        Assert.Equal(2, result.Stale);
        Assert.True(result.AnyFailure);

        var otherSeed = BudgetRunner.Run(file, new CheckOptions(Threads: 2, Seed: 7, BaselineDirectory: dir));
        Assert.Equal(BaselineStatus.NotComparable, otherSeed.Outcomes[2].Baseline.Status);
        Assert.Contains("seed 1, this check seed 7", otherSeed.Outcomes[2].Baseline.Reason, StringComparison.Ordinal);

        var missing = BudgetRunner.Run(file, new CheckOptions(Threads: 2, BaselineDirectory: TempDirectory()));
        Assert.All(missing.Outcomes, o => Assert.Equal(BaselineStatus.Missing, o.Baseline.Status));
        Assert.False(missing.AnyFailure);
    }

    private static string WriteBaselines(BudgetFile file)
    {
        string dir = TempDirectory();
        foreach (var o in BudgetRunner.Run(file, new CheckOptions(Threads: 2)).Outcomes)
        {
            System.IO.File.WriteAllText(BaselineStore.PathOf(dir, o.Budget), Baseline.From(o, "test").ToJsonText());
        }

        return dir;
    }

    /// <summary>The same budgets on a scenario whose promotion takes <paramref name="promote"/>, keeping the file's identity.</summary>
    private static BudgetFile WithPromotion(BudgetFile file, string promote)
    {
        string path = Path.Combine(Root, "scenarios", Scenario);
        var changed = ScenarioLoader.Parse(System.IO.File.ReadAllText(path) + $"parameters:\n  failover.promote: {promote}\n", path);
        return file with { Budgets = [.. file.Budgets.Select(b => b with { Subject = b.Subject with { Scenario = changed } })] };
    }
}
