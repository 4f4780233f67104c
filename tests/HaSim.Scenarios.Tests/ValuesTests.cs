using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using static HaSim.Scenarios.Tests.TestYaml;

namespace HaSim.Scenarios.Tests;

public enum ReplicationMode
{
    Sync,
    SemiSync,
    Async,
    DNSFailover,
}

public class ValuesTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("+7", 7)]
    [InlineData("2147483647", int.MaxValue)]
    public void Counts(string text, int expected)
    {
        Assert.Equal(expected, Value(text).AsCount());
    }

    [Theory]
    [InlineData("-1", 0, "negative count '-1'", "a count must be zero or more")]
    [InlineData("2.5", 0, "'2.5' is not a whole number", null)]
    [InlineData("3.0", 0, "'3.0' is not a whole number", null)]
    [InlineData("3 replicas", 0, "'3 replicas' is not a count", "write a whole number, e.g. '3'")]
    [InlineData("0", 1, "'0' is out of range", "it must be at least 1")]
    [InlineData("2147483648", 0, "'2147483648' is out of range", "it must be at least 0")]
    public void Bad_counts(string text, int min, string message, string? suggestion)
    {
        ScenarioDiagnostic d = Single(() => Value(text).AsCount(min));
        AssertAt(d, 1, 4, "v");
        Assert.Equal((message, suggestion), (d.Message, d.Suggestion));
    }

    [Fact]
    public void Count_range_with_max()
    {
        Assert.False(Values.TryParseCount("9", out _, out UnitError? e, min: 1, max: 5));
        Assert.Equal(new UnitError("'9' is out of range", "it must be from 1 to 5"), e);
    }

    [Theory]
    [InlineData("1.2", 1.2)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1e-3", 0.001)]
    [InlineData("3", 3)]
    public void Numbers(string text, double expected) => Assert.Equal(expected, Value(text).AsNumber());

    [Fact]
    public void Number_with_a_unit_is_refused()
    {
        ScenarioDiagnostic d = Single(() => Value("1.2 s").AsNumber());
        Assert.Equal("'1.2 s' is not a number; this value takes no unit", d.FullMessage);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Booleans(string text, bool expected) => Assert.Equal(expected, Value(text).AsBool());

    [Fact]
    public void Bad_boolean_suggests()
    {
        Assert.Equal("'treu' is not true or false; did you mean 'true'?", Single(() => Value("treu").AsBool()).FullMessage);
        Assert.Equal("'maybe' is not true or false; write true or false", Single(() => Value("maybe").AsBool()).FullMessage);
    }

    [Theory]
    [InlineData("sync", ReplicationMode.Sync)]
    [InlineData("semi_sync", ReplicationMode.SemiSync)]
    [InlineData("semi-sync", ReplicationMode.SemiSync)]
    [InlineData("SemiSync", ReplicationMode.SemiSync)]
    [InlineData("ASYNC", ReplicationMode.Async)]
    [InlineData("dns_failover", ReplicationMode.DNSFailover)]
    public void Enumerations_ignore_case_and_separators(string text, ReplicationMode expected) =>
        Assert.Equal(expected, Value(text).AsEnum<ReplicationMode>());

    [Fact]
    public void Unknown_enumeration_value_suggests_and_lists()
    {
        ScenarioDiagnostic d = Single(() => Doc("replication:\n  mode: asnyc\n").RequiredMap("replication").RequiredScalar("mode").AsEnum<ReplicationMode>());
        AssertAt(d, 2, 9, "replication.mode");
        Assert.Equal("unknown value 'asnyc'", d.Message);
        Assert.Equal("did you mean 'async'? (expected one of: sync, semi_sync, async, dns_failover)", d.Suggestion);

        Assert.False(Values.TryParseEnum("quorum", out ReplicationMode _, out UnitError? e));
        Assert.Equal("expected one of: sync, semi_sync, async, dns_failover", e.Suggestion);
    }

    [Fact]
    public void Enum_names_are_snake_case()
    {
        Assert.Equal("semi_sync", Values.FormatEnum(ReplicationMode.SemiSync));
        Assert.Equal("dns_failover", Values.FormatEnum(ReplicationMode.DNSFailover));
    }

    [Fact]
    public void Choices_return_the_allowed_spelling()
    {
        Assert.Equal("us-east-1", Value("US_EAST_1").AsChoice("us-east-1", "eu-west-1"));
        ScenarioDiagnostic d = Single(() => Value("eu-wset-1").AsChoice("us-east-1", "eu-west-1"));
        Assert.Equal("did you mean 'eu-west-1'? (expected one of: us-east-1, eu-west-1)", d.Suggestion);
    }
}
