using HaSim.Analysis.Budgets;
using HaSim.Scenarios.Diagnostics;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>The budgets file: defaults, subjects, tolerances, and every mistake located with a suggestion.</summary>
public sealed class BudgetFileTests
{
    [Fact]
    public void BudgetsInheritTheDefaultsAndMayOverrideThem()
    {
        var file = File("""
            defaults: {replications: 200, confidence: 99%, regression: 5%, seed: 9}
            budgets:
              - name: scripted
                scenario: azure/zone-redundant-primary-failure.yaml
                goal: p99 rto <= 120 s
                source: "seed 002: 60-120 s"
              - name: years
                preset: aiven-business
                years: 2.5
                goal: p99 rto in az_outage <= 3 min
                replications: 40
                max_replications: 100
                regression: 5 s
                seed: 3
              - {name: points, preset: serverless, years: 1, goal: availability >= 99.95%, regression: 0.01 pp}
              - {name: bytes, scenario: aiven/business-primary-failure.yaml, goal: max rpo_bytes <= 1 MiB, regression: 64 KiB}
            """);
        Assert.Equal("test-budgets", file.Name);
        var (a, b, c, d) = (file.Budgets[0], file.Budgets[1], file.Budgets[2], file.Budgets[3]);
        Assert.Equal((200L, 3200L, 9UL, 0.99), (a.Replications, a.MaxReplications, a.Seed, a.Goal.Confidence));
        Assert.Equal(new Tolerance(0.05, true), a.Regression);
        Assert.True(a.Subject.IsScripted);
        Assert.EndsWith("scenarios/azure/zone-redundant-primary-failure.yaml", a.Subject.Display, StringComparison.Ordinal);
        Assert.Equal("seed 002: 60-120 s", a.Source);
        Assert.Equal(3, a.Line);

        Assert.Equal((40L, 100L, 3UL, 2.5), (b.Replications, b.MaxReplications, b.Seed, b.Subject.Years!.Value));
        Assert.Equal(new Tolerance(5, false), b.Regression);
        Assert.Equal("preset aiven-business", b.Subject.Display);
        Assert.Equal(new Tolerance(0.0001, false), c.Regression);
        Assert.Equal(new Tolerance(65536, false), d.Regression);

        // Two budgets on the same scenario file share its identity (and so their replications).
        Assert.Equal(a.Subject.Identity, File("budgets:\n  - {name: x, scenario: azure/zone-redundant-primary-failure.yaml, goal: max rto <= 1 h}\n").Budgets[0].Subject.Identity);
    }

    /// <summary>Each mistake is reported at the value (or map) <paramref name="at"/> marks on the budget's line.</summary>
    [Theory]
    [InlineData("{name: a, scenario: azure/zone-redundant-primary-failure.yaml, preset: serverless, years: 1, goal: max rto <= 1 h}", "serverless", "budgets[0].preset", "either a 'scenario' or a 'preset', not both")]
    [InlineData("{name: a, goal: max rto <= 1 h}", "{", "budgets[0]", "a budget needs a 'scenario'")]
    [InlineData("{name: a, preset: serverless, goal: max rto <= 1 h}", "serverless", "budgets[0].preset", "a preset alone has no scripted timeline to replay")]
    [InlineData("{name: a, preset: severless, years: 1, goal: max rto <= 1 h}", "severless", "budgets[0].preset", "did you mean 'serverless'?")]
    [InlineData("{name: a, scenario: azure/no-such.yaml, goal: max rto <= 1 h}", "azure/no-such.yaml", "budgets[0].scenario", "no scenario file 'azure/no-such.yaml'")]
    [InlineData("{name: a, scenario: azure/zone-redundant-standby-failure.yaml, years: 0, goal: max rto <= 1 h}", "0,", "budgets[0].years", "is not a number of years")]
    [InlineData("{name: a, preset: serverless, years: 0.5, goal: P(data loss in a year) <= 1%}", "0.5", "budgets[0].years", "needs replications of at least a whole year")]
    [InlineData("{name: a, preset: serverless, years: 1, goal: max rto <= 1 h, replications: 5}", "5}", "budgets[0].replications", "it must be from 20 to")]
    [InlineData("{name: a, preset: serverless, years: 1, goal: max rto <= 1 h, replications: 100, max_replications: 50}", "50", "budgets[0].max_replications", "max_replications (50) is less than replications (100)")]
    [InlineData("{name: a, preset: serverless, years: 1, goal: max rto <= 1 h, confidence: 40%}", "40%", "budgets[0].confidence", "confidence '40%' is out of range")]
    [InlineData("{name: a, preset: serverless, years: 1, goal: max rto <= 1 h, regression: 5 MiB}", "5 MiB", "budgets[0].regression", "unknown time unit 'MiB'")]
    [InlineData("{name: a, preset: serverless, years: 1, goal: max rto <= 1 h, regresion: 5%}", "regresion", "budgets[0].regresion", "did you mean 'regression'?")]
    [InlineData("{name: A/B, preset: serverless, years: 1, goal: max rto <= 1 h}", "A/B", "budgets[0].name", "is not a budget name")]
    public void MistakesAreLocatedWithTheirField(string budget, string at, string field, string text)
    {
        string line = "  - " + budget;
        var e = Assert.Throws<ScenarioException>(() => File("budgets:\n" + line + "\n"));
        var d = e.Diagnostics.FirstOrDefault(x => x.FieldPath == field) ?? e.Diagnostics[0];
        Assert.Equal((2, line.IndexOf(at, StringComparison.Ordinal) + 1, field), (d.Line, d.Column, d.FieldPath));
        Assert.Contains(text, d.FullMessage, StringComparison.Ordinal);
        Assert.EndsWith("test-budgets.yaml", d.FilePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("budget:\n  - {name: a}\n", 1, 1, "budget", "did you mean 'budgets'?")]
    [InlineData("budgets: []\n", 1, 10, "budgets", "the file has no budgets")]
    public void MistakesOfTheWholeFileAreLocatedToo(string yaml, int line, int column, string field, string text)
    {
        var d = Assert.Throws<ScenarioException>(() => File(yaml)).Diagnostics[0];
        Assert.Equal((line, column, field), (d.Line, d.Column, d.FieldPath));
        Assert.Contains(text, d.FullMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMistakeOfTheFileIsReportedAtOnce()
    {
        var e = Assert.Throws<ScenarioException>(() => File("""
            budgets:
              - {name: dup, preset: serverless, years: 1, goal: p99 rtoo <= 1 h}
              - {name: dup, preset: serverless, years: 1, goal: max rto <= 1 h}
              - {name: c, scenario: azure/zone-redundant-primary-failure.yaml, goal: availability >= 99%}
            """));
        Assert.Equal(3, e.Diagnostics.Count);
        Assert.Contains("did you mean 'rto'?", e.Diagnostics[0].FullMessage, StringComparison.Ordinal);
        Assert.Contains("budget name 'dup' is already used on line 2", e.Diagnostics[1].FullMessage, StringComparison.Ordinal);
        Assert.Contains("'availability' is a figure of simulated years of random failures", e.Diagnostics[2].FullMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AScenarioFilesOwnMistakesNameThatFile()
    {
        string dir = TempDirectory();
        System.IO.File.WriteAllText(Path.Combine(dir, "bad.yaml"), "preset: serverless\ntimeline:\n  - {at: 1 min, target: compute, fault: crsh}\n");
        var e = Assert.Throws<ScenarioException>(() => BudgetFileLoader.Parse("budgets:\n  - {name: a, scenario: bad.yaml, goal: max rto <= 1 h}\n", Path.Combine(dir, "b.yaml")));
        var d = Assert.Single(e.Diagnostics);
        Assert.EndsWith("bad.yaml", d.FilePath, StringComparison.Ordinal);
        Assert.Equal((3, "  - {at: 1 min, target: compute, fault: crsh}".IndexOf("crsh", StringComparison.Ordinal) + 1), (d.Line, d.Column));
        Assert.Contains("did you mean 'crash'?", d.FullMessage, StringComparison.Ordinal);
    }
}
