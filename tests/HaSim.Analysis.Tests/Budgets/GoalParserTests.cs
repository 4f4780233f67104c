using HaSim.Analysis.Budgets;
using HaSim.Model.Metrics;
using HaSim.Scenarios.Diagnostics;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>The goal text: every form of figure, units in limits and thresholds, and located errors with suggestions.</summary>
public sealed class GoalParserTests
{
    private static Goal Parse(string text, string preset = "azure-zone-redundant-ha") => GoalParser.Parse(text, "--goal", Architecture(preset));

    [Theory]
    [InlineData("p99 rto <= 120 s", "p99 rto", Relation.AtMost, 120, FigureUnit.Seconds)]
    [InlineData("p99.9 client_rto in primary failure <= 5 min", "p99.9 rto in primary_failure", Relation.AtMost, 300, FigureUnit.Seconds)]
    [InlineData("median server_rto <= 1.5 min", "p50 server_rto", Relation.AtMost, 90, FigureUnit.Seconds)]
    [InlineData("mean detection<=40s", "mean detection", Relation.AtMost, 40, FigureUnit.Seconds)]
    [InlineData("max rpo_bytes == 0 B", "max rpo_bytes", Relation.Equal, 0, FigureUnit.Bytes)]
    [InlineData("max RPO = 16 MiB", "max rpo_bytes", Relation.Equal, 16 * 1024 * 1024, FigureUnit.Bytes)]
    [InlineData("p90 aborted_transactions <= 20", "p90 aborted_transactions", Relation.AtMost, 20, FigureUnit.Count)]
    [InlineData("P(rto > 2 min) in az_outage <= 1%", "P(rto > 120 s) in az_outage", Relation.AtMost, 0.01, FigureUnit.Fraction)]
    [InlineData("P(rpo_bytes = 0) >= 99.9%", "P(rpo_bytes = 0)", Relation.AtLeast, 0.999, FigureUnit.Fraction)]
    [InlineData("P(stage of promote the standby to primary > 30 s) <= 5%", "P(stage of promote_standby > 30 s)", Relation.AtMost, 0.05, FigureUnit.Fraction)]
    [InlineData("mean degraded of running without a standby <= 15 min", "mean degraded of no_standby", Relation.AtMost, 900, FigureUnit.Seconds)]
    [InlineData("availability ≥ 99.99%", "availability", Relation.AtLeast, 0.9999, FigureUnit.Fraction)]
    [InlineData("availability in az_outage >= 0.99999", "availability in az_outage", Relation.AtLeast, 0.99999, FigureUnit.Fraction)]
    [InlineData("downtime_per_year <= 52.6 min/yr", "downtime_per_year", Relation.AtMost, 3156, FigureUnit.SecondsPerYear)]
    [InlineData("downtime per year <= 1 h", "downtime_per_year", Relation.AtMost, 3600, FigureUnit.SecondsPerYear)]
    [InlineData("incidents_per_year <= 20 per year", "incidents_per_year", Relation.AtMost, 20, FigureUnit.CountPerYear)]
    [InlineData("P(month misses SLA) <= 1%", "sla_miss", Relation.AtMost, 0.01, FigureUnit.Fraction)]
    [InlineData("sla_miss <= 0.5%", "sla_miss", Relation.AtMost, 0.005, FigureUnit.Fraction)]
    [InlineData("expected_credit <= 0.1%", "expected_credit", Relation.AtMost, 0.001, FigureUnit.Fraction)]
    [InlineData("degraded_per_year of cold cache <= 2 h", "degraded_per_year of cold_cache", Relation.AtMost, 7200, FigureUnit.SecondsPerYear)]
    [InlineData("P(any data loss in a year) <= 0.01%", "data_loss_year", Relation.AtMost, 0.0001, FigureUnit.Fraction)]
    [InlineData("P(data loss in a year) in az_outage <= 0.01%", "data_loss_year in az_outage", Relation.AtMost, 0.0001, FigureUnit.Fraction)]
    public void EveryFormReadsToItsCanonicalFigureAndLimit(string text, string key, Relation relation, double limit, FigureUnit unit)
    {
        var goal = Parse(text);
        Assert.Equal(key, goal.Figure.Key);
        Assert.Equal(relation, goal.Relation);
        Assert.Equal(limit, goal.Limit, 9);
        Assert.Equal(unit, goal.Figure.Unit);
        Assert.Equal(text, goal.Text);
    }

    [Fact]
    public void NamesAreReadByKeyOrLabelAndStageLabelsMayContainIn()
    {
        // "restart Postgres in the same VM" has " in " in it: it is the stage, not a failure mode.
        var stage = Parse("p99 stage of restart Postgres in the same VM <= 10 s", "serverless");
        Assert.Equal("p99 stage of restart_postgres", stage.Figure.Key);
        Assert.Null(stage.Figure.Mode);
        Assert.Same(MetricTable.Stage, stage.Figure.Metric);

        var narrowed = Parse("p99 stage of restart Postgres in the same VM in postgres_crash <= 10 s", "serverless");
        Assert.Equal("p99 stage of restart_postgres in postgres_crash", narrowed.Figure.Key);
        Assert.Equal("p99 stage time of restart Postgres in the same VM in Postgres crash", narrowed.Figure.Label);
    }

    [Theory]
    [InlineData("p99 rtoo <= 120 s", 5, "unknown metric 'rtoo'", "did you mean 'rto'?")]
    [InlineData("p99 rto < 120 s", 9, "'<' is not a budget comparison", "write '<='")]
    [InlineData("p99 rto => 120 s", 9, "'=>' is not a comparison", "write '>='")]
    [InlineData("p99 rto 120 s", 1, "has no comparison", "'<=', '>=' or '=='")]
    [InlineData("rto <= 120 s", 1, "'rto' needs a statistic", "'p99 rto'")]
    [InlineData("p42x rto <= 120 s", 1, "unknown statistic or figure 'p42x'", null)]
    [InlineData("p100 rto <= 120 s", 1, "unknown statistic or figure 'p100'", null)]
    [InlineData("p99 rto <= 120", 12, "missing unit in '120'", null)]
    [InlineData("p99 rto <= ", 11, "the goal has no limit", "a duration")]
    [InlineData("p99 rto in az_outge <= 120 s", 12, "'az_outge' is not a failure mode of the sync-standby model", "did you mean 'az_outage'?")]
    [InlineData("p99 stage <= 10 s", 5, "metric 'stage' needs 'of' naming the recovery stage", null)]
    [InlineData("p99 rto of promote_standby <= 10 s", 12, "metric 'rto' takes no 'of'", null)]
    [InlineData("p99 stage of promote_stanby <= 10 s", 14, "'promote_stanby' is not a recovery stage", "did you mean 'promote_standby'?")]
    [InlineData("P(rto >= 1 min) <= 1%", 7, "only P(metric > value) and P(metric = 0) are supported", null)]
    [InlineData("P(rto = 5 s) <= 1%", 9, "P(rto = 5 s) is not supported", null)]
    [InlineData("P(month misses the target) <= 1%", 3, "is not a probability HaSim knows", "P(month misses SLA)")]
    [InlineData("P(rto > 1 min <= 1%", 1, "'P(' has no closing ')'", null)]
    [InlineData("sla_miss in az_outage <= 1%", 13, "'sla_miss' is a figure of the whole database", "remove 'in ...'")]
    [InlineData("mean degraded of cold_cache in az_outage <= 1 h", 32, "'degraded' is a figure of the whole database", null)]
    [InlineData("degraded_per_year <= 1 h", 1, "'degraded_per_year' needs 'of KIND'", "cold_cache")]
    [InlineData("availability of cold_cache >= 99%", 17, "'availability' takes no 'of'", null)]
    [InlineData("availability >= 99.99", 17, "'99.99' is more than 1 (a fraction)", "did you mean '99.99%'?")]
    [InlineData("incidents_per_year <= -2", 23, "negative limit '-2'", null)]
    public void MistakesAreReportedAtTheirColumnWithASuggestion(string text, int column, string message, string? suggestion)
    {
        var e = Assert.Throws<ScenarioException>(() => Parse(text));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("--goal", 1, column), (d.FilePath, d.Line, d.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains(suggestion, d.Suggestion ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AGoalInAFileIsLocatedInsideItsQuotedValue()
    {
        var e = Assert.Throws<ScenarioException>(() => File("budgets:\n  - name: a\n    preset: serverless\n    years: 1\n    goal: \"P(rto > 2 minn) <= 1%\"\n"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((5, 20, "budgets[0].goal"), (d.Line, d.Column, d.FieldPath));
        Assert.Equal("did you mean 'min'?", d.Suggestion);
    }
}
