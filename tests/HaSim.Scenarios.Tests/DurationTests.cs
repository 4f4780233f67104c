using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using static HaSim.Scenarios.Tests.TestYaml;

namespace HaSim.Scenarios.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("90 s", 90)]
    [InlineData("90s", 90)]
    [InlineData("90 sec", 90)]
    [InlineData("1 second", 1)]
    [InlineData("1.5 min", 90)]
    [InlineData("1.5min", 90)]
    [InlineData("5 minutes", 300)]
    [InlineData("5 MIN", 300)]
    [InlineData("2 h", 7200)]
    [InlineData("2 hours", 7200)]
    [InlineData("1 d", 86400)]
    [InlineData("3 days", 259200)]
    [InlineData("2 w", 1209600)]
    [InlineData("500 ms", 0.5)]
    [InlineData("250 us", 0.00025)]
    [InlineData("1h30m", 5400)]
    [InlineData("1h 30min", 5400)]
    [InlineData("1 d 12 h", 129600)]
    [InlineData("2m30s", 150)]
    [InlineData("4.3 months", 11308140)]
    [InlineData("1 month", 2629800)]
    [InlineData("1 year", 31557600)]
    [InlineData("2 y", 63115200)]
    [InlineData("0 s", 0)]
    [InlineData(".5 h", 1800)]
    [InlineData("+10 s", 10)]
    [InlineData("1e3 ms", 1)]
    [InlineData("  7 s  ", 7)]
    public void Parses_to_exact_seconds(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out double parsed, out UnitError? error), error?.Message);
        Assert.Equal(seconds, parsed);
        Assert.Equal(seconds, Value(text.Trim()).AsSeconds());
    }

    [Fact]
    public void Month_and_year_are_the_documented_lengths()
    {
        Assert.Equal(30.4375 * 86400, Model.Parameters.Units.SecondsPerMonth);
        Assert.Equal(365.25 * 86400, Model.Parameters.Units.SecondsPerYear);
        Assert.Equal(12 * Model.Parameters.Units.SecondsPerMonth, Model.Parameters.Units.SecondsPerYear);

        // The parser's exact decimal table agrees with the one set of unit constants.
        foreach (var (text, seconds) in new[] { ("1 min", Model.Parameters.Units.Minute), ("1 h", Model.Parameters.Units.Hour), ("1 d", Model.Parameters.Units.Day), ("1 w", Model.Parameters.Units.Week), ("1 month", Model.Parameters.Units.SecondsPerMonth), ("1 year", Model.Parameters.Units.SecondsPerYear) })
        {
            Assert.True(Durations.TryParse(text, out double parsed, out _));
            Assert.Equal(seconds, parsed);
        }
    }

    [Fact]
    public void Bare_number_is_missing_a_unit()
    {
        ScenarioDiagnostic d = Single(() => Value("90").AsSeconds());
        AssertAt(d, 1, 4, "v");
        Assert.Equal("missing unit in '90'", d.Message);
        Assert.Equal("write e.g. '90 s' or '90 min'", d.Suggestion);
    }

    [Fact]
    public void Missing_unit_inside_a_compound()
    {
        ScenarioDiagnostic d = Single(() => Value("1h 30").AsSeconds());
        Assert.Equal("missing unit after '30' in '1h 30'", d.Message);
    }

    [Fact]
    public void Negative_duration_is_refused()
    {
        ScenarioDiagnostic d = Single(() => Doc("a:\n  timeout: -5 s\n").RequiredMap("a").RequiredScalar("timeout").AsSeconds());
        AssertAt(d, 2, 12, "a.timeout");
        Assert.Equal("negative duration '-5 s'; a duration must be zero or more", d.FullMessage);
    }

    [Theory]
    [InlineData("10 mni", "min")]
    [InlineData("10 mn", "min")]
    [InlineData("10 minuts", "minute")]
    [InlineData("10 secs", null)]
    [InlineData("3 hrs", null)]
    [InlineData("2 dyas", "days")]
    [InlineData("4 mnths", "months")]
    public void Unknown_unit_suggests_the_closest(string text, string? expected)
    {
        if (expected is null)
        {
            Assert.True(Durations.TryParse(text, out _, out _));
            return;
        }

        ScenarioDiagnostic d = Single(() => Value(text).AsSeconds());
        AssertAt(d, 1, 4, "v");
        Assert.Equal($"unknown time unit '{text.Split(' ')[1]}' in '{text}'", d.Message);
        Assert.Equal($"did you mean '{expected}'?", d.Suggestion);
    }

    [Fact]
    public void Unknown_unit_without_a_close_match_lists_the_units()
    {
        Assert.False(Durations.TryParse("2 fortnights", out _, out UnitError? e));
        Assert.Equal("unknown time unit 'fortnights' in '2 fortnights'", e.Message);
        Assert.Equal("use ms, s, min, h, d, w, months or years", e.Suggestion);
    }

    [Fact]
    public void Lone_m_is_ambiguous_but_means_minutes_in_a_compound()
    {
        Assert.False(Durations.TryParse("30m", out _, out UnitError? e));
        Assert.Equal("ambiguous unit 'm' in '30m'; write 'min' for minutes or 'months' for months", $"{e.Message}; {e.Suggestion}");
        Assert.True(Durations.TryParse("1h30m", out double s, out _));
        Assert.Equal(5400, s);
    }

    [Theory]
    [InlineData("10 minutes later", "'10 minutes later' is not a duration", "use a number and a unit, e.g. '10 min'")]
    [InlineData("soon", "'soon' is not a duration", "use a number and a unit, e.g. '10 min'")]
    [InlineData("s", "'s' is not a duration", "use a number and a unit, e.g. '10 min'")]
    [InlineData("5 - 10 s", "'5 - 10 s' is not a duration", "use a number and a unit, e.g. '5 min'")]
    [InlineData("", "expected a duration but found nothing", "write e.g. '30 s'")]
    [InlineData("1,5 min", "'1,5 min' has a ',' in a number", "write numbers with a decimal point and no separators, e.g. '1.5 min'")]
    [InlineData("1,000 s", "'1,000 s' has a ',' in a number", "write numbers with a decimal point and no separators, e.g. '1000 s'")]
    [InlineData("1_000 s", "'1_000 s' has a '_' in a number", "write numbers with a decimal point and no separators, e.g. '1000 s'")]
    [InlineData("NaN s", "'NaN s' is not a duration", "use a number and a unit, e.g. '10 min'")]
    [InlineData("99999999999999999999999999999 years", "'99999999999999999999999999999 years' is too large a duration", null)]
    public void Other_bad_durations(string text, string message, string? suggestion)
    {
        Assert.False(Durations.TryParse(text, out _, out UnitError? e));
        Assert.Equal(new UnitError(message, suggestion), e);
    }

    [Fact]
    public void Empty_value_in_yaml_is_reported_at_the_field()
    {
        var node = Doc("a: 1\nv: ~\n").Get("v") as Yaml.ScalarNode;
        Assert.NotNull(node);
        ScenarioDiagnostic d = Single(() => Durations.Parse(node));
        AssertAt(d, 2, 4, "v");
        Assert.Equal("expected a duration but found nothing", d.Message);
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(90, "90 s")]
    [InlineData(1.5, "1.5 s")]
    [InlineData(60, "1 min")]
    [InlineData(300, "5 min")]
    [InlineData(5400, "90 min")]
    [InlineData(3600, "1 h")]
    [InlineData(9000, "2.5 h")]
    [InlineData(86400, "1 d")]
    [InlineData(129600, "36 h")]
    [InlineData(302400, "3.5 d")]
    [InlineData(86401, "86401 s")]
    [InlineData(0.5, "500 ms")]
    [InlineData(0.0001, "0.1 ms")]
    [InlineData(2629800, "1 month")]
    [InlineData(11308140, "4.3 months")]
    [InlineData(31557600, "1 year")]
    [InlineData(365 * 86400, "365 d")]
    [InlineData(30 * 86400, "30 d")]
    [InlineData(-90, "-90 s")]
    public void Formats_for_reports(double seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(seconds));
        Assert.True(Durations.TryParse(expected.TrimStart('-'), out double back, out _));
        Assert.Equal(Math.Abs(seconds), back, 1e-9 * Math.Abs(seconds));
    }

    [Fact]
    public void Format_round_trips_awkward_values()
    {
        foreach (double s in new[] { 1.0 / 3, 12345.678901, 1e-7, 7 * 86400 + 0.25, 1e9 + 1 })
        {
            string text = Durations.Format(s);
            Assert.True(Durations.TryParse(text, out double back, out UnitError? e), $"{text}: {e?.Message}");
            Assert.Equal(s, back, 1e-9 * s);
        }
    }

    [Fact]
    public void Duration_struct_prints_with_units_and_compares()
    {
        Assert.Equal("90 s", Duration.FromSeconds(90).ToString());
        Assert.Equal("5 min", Duration.FromMinutes(5).ToString());
        Assert.Equal("2.5 h", Duration.FromHours(2.5).ToString());
        Assert.Equal(1.5, Duration.FromDays(1.5).TotalDays);
        Assert.Equal(Duration.FromSeconds(120), Duration.FromMinutes(2));
        Assert.True(Duration.FromSeconds(1) < Duration.FromMinutes(1));
        Assert.Equal(Duration.FromSeconds(150), Duration.FromMinutes(2) + Duration.FromSeconds(30));
        Assert.Equal(Duration.Zero, default);
        Assert.Equal(Duration.FromSeconds(90), Value("1.5 min").AsDuration());
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.FromSeconds(double.NaN));
    }
}
