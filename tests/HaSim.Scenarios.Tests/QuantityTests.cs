using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using static HaSim.Scenarios.Tests.TestYaml;

namespace HaSim.Scenarios.Tests;

public class SizeTests
{
    [Theory]
    [InlineData("16 MiB", 16L * 1024 * 1024)]
    [InlineData("16MiB", 16L * 1024 * 1024)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("512 kB", 512_000L)]
    [InlineData("512 KB", 512_000L)]
    [InlineData("4 KiB", 4096L)]
    [InlineData("0 B", 0L)]
    [InlineData("100 bytes", 100L)]
    [InlineData("1.5 GiB", 1_610_612_736L)]
    [InlineData("0.3 kB", 300L)]
    [InlineData("2 TiB", 2_199_023_255_552L)]
    [InlineData("1 PB", 1_000_000_000_000_000L)]
    [InlineData("8 Mbit", 1_000_000L)]
    [InlineData("16 bit", 2L)]
    public void Parses_to_exact_bytes(string text, long bytes)
    {
        Assert.True(Sizes.TryParse(text, out long parsed, out UnitError? e), e?.Message);
        Assert.Equal(bytes, parsed);
        Assert.Equal(bytes, Value(text).AsBytes());
    }

    [Theory]
    [InlineData("16", "missing unit in '16'", "write e.g. '16 MiB' or '16 B'")]
    [InlineData("1.5 B", "'1.5 B' is not a whole number of bytes (1.5)", null)]
    [InlineData("-1 MB", "negative size '-1 MB'", "a size must be zero or more")]
    [InlineData("16 mb", "unknown size unit 'mb' in '16 mb'", "did you mean 'MB'?")]
    [InlineData("16 MB/s", "unknown size unit 'MB/s' in '16 MB/s'", "did you mean 'MB'?")]
    [InlineData("16 Mb", "ambiguous unit 'Mb' in '16 Mb'", "write '16 MB' for bytes or '16 Mbit' for bits")]
    [InlineData("16 kb", "ambiguous unit 'kb' in '16 kb'", "write '16 kB' for bytes or '16 kbit' for bits")]
    [InlineData("16 furlongs", "unknown size unit 'furlongs' in '16 furlongs'", "use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB")]
    [InlineData("big", "'big' is not a size", "use a number and a unit, e.g. '16 MiB'")]
    [InlineData("10000 PiB", "'10000 PiB' is too large a size", null)]
    public void Bad_sizes(string text, string message, string? suggestion)
    {
        ScenarioDiagnostic d = Single(() => Value(text).AsBytes());
        AssertAt(d, 1, 4, "v");
        Assert.Equal((message, suggestion), (d.Message, d.Suggestion));
    }

    [Theory]
    [InlineData(16L * 1024 * 1024, "16 MiB")]
    [InlineData(1_000_000_000L, "1 GB")]
    [InlineData(512_000L, "512 kB")]
    [InlineData(0L, "0 B")]
    [InlineData(100L, "100 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(1_500_000L, "1.5 MB")]
    [InlineData(1_048_576_000L, "1000 MiB")]
    [InlineData(1_000_001L, "1000001 B")]
    public void Formats_for_reports(long bytes, string expected)
    {
        Assert.Equal(expected, Sizes.Format(bytes));
        Assert.True(Sizes.TryParse(expected, out long back, out _));
        Assert.Equal(bytes, back);
    }
}

public class ByteRateTests
{
    [Theory]
    [InlineData("40 MB/s", 40e6)]
    [InlineData("40MB/s", 40e6)]
    [InlineData("5 MiB/s", 5 * 1048576.0)]
    [InlineData("2 GB/h", 2e9 / 3600)]
    [InlineData("1 GB per hour", 1e9 / 3600)]
    [InlineData("10 Gbit/s", 1.25e9)]
    [InlineData("600 MB / 10 min", 1e6)]
    [InlineData("0 B/s", 0)]
    [InlineData("1.5 kB/sec", 1500)]
    public void Parses_to_bytes_per_second(string text, double expected)
    {
        Assert.True(ByteRates.TryParse(text, out double parsed, out UnitError? e), e?.Message);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected, Value(text).AsBytesPerSecond());
    }

    [Theory]
    [InlineData("40 MB", "'40 MB' is a size, not a rate", "did you mean '40 MB/s'?")]
    [InlineData("40", "missing unit in '40'", "write e.g. '40 MB/s'")]
    [InlineData("40 MBps", "unknown rate unit 'MBps' in '40 MBps'", "write '40 MB/s'")]
    [InlineData("40 Mbps", "unknown rate unit 'Mbps' in '40 Mbps'", "write '40 Mbit/s'")]
    [InlineData("40 MB/sek", "unknown time unit 'sek' in '40 MB/sek'", "did you mean 'sec'?")]
    [InlineData("40 MB/m", "ambiguous unit 'm' in '40 MB/m'", "write 'min' for minutes or 'months' for months")]
    [InlineData("-40 MB/s", "negative data rate '-40 MB/s'", "a data rate must be zero or more")]
    [InlineData("40 MB/", "missing time unit after the '/' in '40 MB/'", "write e.g. '/s' or 'per year'")]
    public void Bad_rates(string text, string message, string? suggestion)
    {
        Assert.False(ByteRates.TryParse(text, out _, out UnitError? e));
        Assert.Equal(new UnitError(message, suggestion), e);
    }

    [Theory]
    [InlineData(40e6, "40 MB/s")]
    [InlineData(5 * 1048576.0, "5 MiB/s")]
    [InlineData(2e9 / 3600, "2 GB/h")]
    [InlineData(0, "0 B/s")]
    public void Formats_for_reports(double rate, string expected)
    {
        Assert.Equal(expected, ByteRates.Format(rate));
        Assert.True(ByteRates.TryParse(expected, out double back, out _));
        Assert.Equal(rate, back, 1e-9 * rate);
    }
}

public class EventRateTests
{
    [Theory]
    [InlineData("500 /s", 500)]
    [InlineData("500/s", 500)]
    [InlineData("500 per second", 500)]
    [InlineData("2 per year", 2 / 31557600.0)]
    [InlineData("1.5 per month", 1.5 / 2629800.0)]
    [InlineData("3 /d", 3 / 86400.0)]
    [InlineData("6 per hour", 6 / 3600.0)]
    [InlineData("1 per 90 days", 1 / 7776000.0)]
    [InlineData("per year", 1 / 31557600.0)]
    [InlineData("0 /h", 0)]
    public void Parses_to_events_per_second(string text, double expected)
    {
        Assert.True(EventRates.TryParse(text, out double parsed, out UnitError? e), e?.Message);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected, Value(text).AsPerSecond());
    }

    [Theory]
    [InlineData("500", "missing time unit in '500'", "write e.g. '500 /s' or '500 per year'")]
    [InlineData("2 years", "'2 years' is a duration, not a rate", "write '2 /years' or '1 per 2 years'")]
    [InlineData("-2 per year", "negative rate '-2 per year'", "a rate must be zero or more")]
    [InlineData("2 per yeer", "unknown time unit 'yeer' in '2 per yeer'", "did you mean 'year'?")]
    [InlineData("often", "'often' is not a rate", "write a number per time unit, e.g. '2 per year' or '500 /s'")]
    [InlineData("1 per 0 s", "a rate per zero time in '1 per 0 s'", null)]
    [InlineData("9999999999999999999999999999 per ms", "'9999999999999999999999999999 per ms' is too large a rate", null)]
    public void Bad_rates(string text, string message, string? suggestion)
    {
        Assert.False(EventRates.TryParse(text, out _, out UnitError? e));
        Assert.Equal(new UnitError(message, suggestion), e);
    }

    [Theory]
    [InlineData(500, "500 per second")]
    [InlineData(2 / 31557600.0, "2 per year")]
    [InlineData(1.5 / 2629800.0, "1.5 per month")]
    [InlineData(100 / 86400.0, "100 per day")]
    [InlineData(0, "0 per second")]
    public void Formats_for_reports(double rate, string expected)
    {
        Assert.Equal(expected, EventRates.Format(rate));
        Assert.True(EventRates.TryParse(expected, out double back, out _));
        Assert.Equal(rate, back, 1e-12 * rate);
    }
}

public class FractionTests
{
    [Theory]
    [InlineData("99.99%", 0.9999)]
    [InlineData("99.99 %", 0.9999)]
    [InlineData("25%", 0.25)]
    [InlineData("0.25", 0.25)]
    [InlineData("100%", 1)]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    [InlineData("0.1%", 0.001)]
    public void Parses_to_a_fraction(string text, double expected)
    {
        Assert.True(Fractions.TryParse(text, out double parsed, out UnitError? e), e?.Message);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected, Value(text).AsFraction());
    }

    [Theory]
    [InlineData("25", "'25' is more than 1 (a fraction)", "did you mean '25%'?")]
    [InlineData("150%", "'150%' is more than 100%", null)]
    [InlineData("-5%", "negative proportion '-5%'", "write a value from 0% to 100%")]
    [InlineData("high", "'high' is not a percentage or fraction", "write e.g. '99.9%' or '0.999'")]
    [InlineData("99,9%", "'99,9%' has a ',' in a number", "write numbers with a decimal point and no separators, e.g. '99.9%'")]
    [InlineData("5 percent", "'5 percent' is not a percentage or fraction", "write e.g. '99.9%' or '0.999'")]
    public void Bad_fractions(string text, string message, string? suggestion)
    {
        Assert.False(Fractions.TryParse(text, out _, out UnitError? e));
        Assert.Equal(new UnitError(message, suggestion), e);
    }

    [Fact]
    public void Bad_fraction_in_yaml_is_located()
    {
        ScenarioDiagnostic d = Single(() => Doc("sla:\n  availability: 99.99\n").RequiredMap("sla").RequiredScalar("availability").AsFraction());
        AssertAt(d, 2, 17, "sla.availability");
        Assert.Equal("'99.99' is more than 1 (a fraction); did you mean '99.99%'?", d.FullMessage);
    }

    [Theory]
    [InlineData(0.9999, "99.99%")]
    [InlineData(0.25, "25%")]
    [InlineData(1, "100%")]
    [InlineData(0.99999, "99.999%")]
    public void Formats_as_percent(double fraction, string expected) => Assert.Equal(expected, Fractions.Format(fraction));
}
