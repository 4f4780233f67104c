using HaSim.Scenarios.Diagnostics;

namespace HaSim.Scenarios.Tests;

public class DiagnosticsTests
{
    [Fact]
    public void ToString_is_compiler_style_with_path_and_suggestion()
    {
        var d = new ScenarioDiagnostic("scenarios/x.yaml", 12, 7, "timeline[2].at", "'10 minutes later' is not a duration", "use a number and a unit, e.g. '10 min'");
        Assert.Equal("scenarios/x.yaml:12:7: error: timeline[2].at: '10 minutes later' is not a duration; use a number and a unit, e.g. '10 min'", d.ToString());
    }

    [Fact]
    public void ToString_leaves_out_unknown_position_empty_path_and_missing_suggestion()
    {
        Assert.Equal("a.yaml: error: the file is empty", new ScenarioDiagnostic("a.yaml", 0, 0, "", "the file is empty").ToString());
        Assert.Equal("a.yaml:3: warning: x: odd", new ScenarioDiagnostic("a.yaml", 3, 0, "x", "odd", Severity: DiagnosticSeverity.Warning).ToString());
    }

    [Fact]
    public void Exception_message_lists_every_diagnostic()
    {
        var a = new ScenarioDiagnostic("f.yaml", 1, 1, "a", "bad a");
        var b = new ScenarioDiagnostic("f.yaml", 2, 1, "b", "bad b", "fix b");
        var e = new ScenarioException([a, b]);
        Assert.Equal([a, b], e.Diagnostics);
        Assert.Equal($"f.yaml:1:1: error: a: bad a{Environment.NewLine}f.yaml:2:1: error: b: bad b; fix b", e.Message);
        Assert.Throws<ArgumentException>(() => new ScenarioException([]));
    }

    [Theory]
    [InlineData("dns_ttl", "dns_ttl", 0)]
    [InlineData("DNS_TTL", "dns_ttl", 0)]
    [InlineData("dns_ttll", "dns_ttl", 1)]
    [InlineData("mni", "min", 1)]
    [InlineData("asnyc", "async", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)]
    public void Distance_is_case_insensitive_optimal_string_alignment(string a, string b, int expected)
    {
        Assert.Equal(expected, DidYouMean.Distance(a, b));
        Assert.Equal(expected, DidYouMean.Distance(b, a));
    }

    [Theory]
    [InlineData("dns_ttll", "dns_ttl")]
    [InlineData("DNS_TTL", "dns_ttl")]
    [InlineData("dsn_ttl", "dns_ttl")]
    [InlineData("replica", "replicas")]
    [InlineData("failover_timout", "failover_timeout")]
    [InlineData("zone", null)]
    [InlineData("x", null)]
    [InlineData("completely_different", null)]
    public void Suggest_offers_only_close_matches(string input, string? expected)
    {
        string[] known = ["dns_ttl", "replicas", "failover_timeout", "region"];
        Assert.Equal(expected, DidYouMean.Suggest(input, known));
    }

    [Fact]
    public void Suggest_prefers_the_closest_then_the_first()
    {
        Assert.Equal("abcd", DidYouMean.Suggest("abce", ["abxx", "abcd", "abcf"]));
        Assert.Equal("did you mean 'p99'?", DidYouMean.Phrase("p999", ["median", "p95", "p99"]));
        Assert.Null(DidYouMean.Phrase("zzz", ["median"]));
    }

    [Fact]
    public void Bag_collects_diagnostics_from_several_fields_and_throws_them_together()
    {
        var bag = new DiagnosticBag();
        var d1 = new ScenarioDiagnostic("f", 1, 1, "a", "bad");
        int value = bag.Capture(() => 42);
        int failed = bag.Capture<int>(() => throw new ScenarioException(d1));
        bool ok = bag.Capture(() => throw new ScenarioException(d1 with { FieldPath = "b" }));
        Assert.Equal(42, value);
        Assert.Equal(0, failed);
        Assert.False(ok);
        Assert.True(bag.HasErrors);
        ScenarioException e = Assert.Throws<ScenarioException>(bag.ThrowIfAny);
        Assert.Equal(["a", "b"], e.Diagnostics.Select(d => d.FieldPath));
        new DiagnosticBag().ThrowIfAny();
    }
}
