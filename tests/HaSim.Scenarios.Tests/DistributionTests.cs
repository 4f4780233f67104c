using HaSim.Kernel.Distributions;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;
using static HaSim.Scenarios.Tests.TestYaml;

namespace HaSim.Scenarios.Tests;

public class DistributionTests
{
    private static Distribution Parse(string value) => DistributionParser.ParseDuration(Doc($"d: {value}\n").Required("d"));

    private static ScenarioDiagnostic Bad(string yaml) => Single(() => DistributionParser.ParseDuration(Doc(yaml).Required("d")));

    [Fact]
    public void A_single_duration_is_a_constant()
    {
        Assert.Equal(new Constant(90), Parse("90 s"));
        Assert.Equal(new Constant(60), Parse("{constant: 1 min}"));
    }

    [Fact]
    public void Uniform_as_map_or_pair()
    {
        Assert.Equal(new Uniform(60, 120), Parse("{uniform: {min: 60 s, max: 120 s}}"));
        Assert.Equal(new Uniform(60, 120), Parse("{uniform: [60 s, 2 min]}"));
        Assert.Equal(new Uniform(60, 120), Parse("\n  uniform:\n    min: 1 min\n    max: 2 min"));
    }

    [Fact]
    public void Lognormal_from_median_and_p99()
    {
        var d = Assert.IsType<LogNormal>(Parse("{lognormal: {median: 60 s, p99: 180 s}}"));
        Assert.Equal(LogNormal.FromMedianAndP99(60, 180), d);
        Assert.Equal(60, d.Median, 1e-9);
        Assert.Equal(180, d.Quantile(0.99), 1e-6);
    }

    [Fact]
    public void Lognormal_from_median_and_p95()
    {
        var d = Assert.IsType<LogNormal>(Parse("{lognormal: {median: 2 h, p95: 12 h}}"));
        Assert.Equal(LogNormal.FromMedianAndP95(7200, 43200), d);
        Assert.Equal(43200, d.Quantile(0.95), 1e-6);
    }

    [Fact]
    public void Lognormal_from_mean_and_sd()
    {
        var d = Assert.IsType<LogNormal>(Parse("{lognormal: {mean: 30 s, sd: 8 s}}"));
        Assert.Equal(LogNormal.FromMeanAndStdDev(30, 8), d);
        Assert.Equal(30, d.Mean, 1e-9);
    }

    [Fact]
    public void Exponential_from_mean_or_rate()
    {
        var d = Assert.IsType<Exponential>(Parse("{exponential: {mean: 4.3 months}}"));
        Assert.Equal(11308140, d.MeanValue);
        var r = Assert.IsType<Exponential>(Parse("{exponential: {rate: 2 per year}}"));
        Assert.Equal(31557600 / 2.0, r.MeanValue, 1e-6);
    }

    [Fact]
    public void Weibull_shape_and_scale()
    {
        var d = Assert.IsType<Weibull>(Parse("{weibull: {shape: 1.2, scale: 30 d}}"));
        Assert.Equal((1.2, 2592000.0), (d.Shape, d.Scale));
    }

    [Fact]
    public void Normal_is_truncated_at_min_which_defaults_to_zero()
    {
        var d = Assert.IsType<TruncatedNormal>(Parse("{normal: {mean: 30 s, sd: 8 s, min: 0 s}}"));
        Assert.Equal((30.0, 8.0, 0.0, double.PositiveInfinity), (d.MeanBeforeTruncation, d.StdDev, d.Min, d.Max));
        var e = Assert.IsType<TruncatedNormal>(Parse("{normal: {mean: 30 s, sd: 8 s, min: 10 s, max: 1 min}}"));
        Assert.Equal((10.0, 60.0), (e.Min, e.Max));
        Assert.Equal(new TruncatedNormal(30, 8), Parse("{normal: {mean: 30 s, sd: 8 s}}"));
    }

    [Fact]
    public void Empirical_list()
    {
        var d = Assert.IsType<Empirical>(Parse("{empirical: [10 s, 30 s, 12 s]}"));
        Assert.Equal([10.0, 12.0, 30.0], d.Observations);
    }

    [Fact]
    public void Kind_names_ignore_case()
    {
        Assert.IsType<LogNormal>(Parse("{LogNormal: {median: 60 s, p99: 180 s}}"));
    }

    [Fact]
    public void Unknown_kind_suggests()
    {
        ScenarioDiagnostic d = Bad("a: 1\nd:\n  lognorml:\n    median: 60 s\n");
        AssertAt(d, 3, 3, "d.lognorml");
        Assert.Equal("unknown distribution 'lognorml'; did you mean 'lognormal'?", d.FullMessage);
        Assert.Equal("expected one of: constant, uniform, lognormal, exponential, weibull, normal, empirical", Bad("d: {gamma: {k: 1}}").Suggestion);
    }

    [Fact]
    public void Parameters_without_a_kind()
    {
        ScenarioDiagnostic d = Bad("d: {median: 60 s, p99: 180 s}");
        AssertAt(d, 1, 4, "d");
        Assert.Equal("a distribution is written as one key naming its kind, but this map has 2: 'median', 'p99'", d.Message);
        Assert.Equal("name the distribution and put the parameters under it, e.g. {lognormal: {median: 60 s, p99: ...}}", d.Suggestion);
        Assert.Equal("'mean' is a parameter, not a distribution kind", Bad("d: {mean: 30 s}").Message);
    }

    [Fact]
    public void Parameters_beside_the_kind_instead_of_under_it()
    {
        ScenarioDiagnostic d = Bad("d:\n  lognormal:\n  median: 60 s\n  p99: 3 min\n");
        AssertAt(d, 2, 3, "d");
        Assert.Equal("put the parameters under 'lognormal:', e.g. {lognormal: {median: 60 s, p99: ...}}", d.Suggestion);
    }

    [Fact]
    public void Bad_parameter_value_is_reported_at_its_line()
    {
        ScenarioDiagnostic d = Bad("d:\n  lognormal:\n    median: 60\n    p99: 180 s\n");
        AssertAt(d, 3, 13, "d.lognormal.median");
        Assert.Equal("missing unit in '60'", d.Message);
    }

    [Fact]
    public void Unknown_parameter_suggests()
    {
        ScenarioDiagnostic d = Bad("d:\n  lognormal:\n    median: 60 s\n    p999: 180 s\n");
        AssertAt(d, 4, 5, "d.lognormal.p999");
        Assert.Equal("unknown field 'p999'; did you mean 'p99'?", d.FullMessage);
    }

    [Theory]
    [InlineData("d: {lognormal: {median: 60 s}}", "a lognormal with a median also needs p99 or p95")]
    [InlineData("d: {lognormal: {median: 60 s, p95: 2 min, p99: 3 min}}", "a lognormal takes p95 or p99, not both")]
    [InlineData("d: {lognormal: {mean: 60 s, p99: 3 min}}", "a lognormal takes {median, p99}, {median, p95} or {mean, sd}, but found mean, p99")]
    [InlineData("d: {lognormal: {}}", "a lognormal takes {median, p99}, {median, p95} or {mean, sd}, but found nothing")]
    public void Lognormal_parameter_combinations(string yaml, string message) => Assert.Equal(message, Bad(yaml).Message);

    [Fact]
    public void Percentile_below_median_is_reported_at_the_percentile()
    {
        ScenarioDiagnostic d = Bad("d:\n  lognormal: {median: 60 s,\n    p99: 30 s}\n");
        AssertAt(d, 3, 10, "d.lognormal.p99");
        Assert.Equal("p99 (30 s) is below the median (60 s); the upper percentile must be at least the median", d.FullMessage);
    }

    [Fact]
    public void Out_of_range_parameters_are_reported_at_their_lines()
    {
        ScenarioDiagnostic max = Bad("d:\n  uniform:\n    min: 2 min\n    max: 1 min\n");
        AssertAt(max, 4, 10, "d.uniform.max");
        Assert.Equal("max (1 min) is less than min (2 min)", max.Message);

        ScenarioDiagnostic mean = Bad("d:\n  exponential:\n    mean: 0 s\n");
        AssertAt(mean, 3, 11, "d.exponential.mean");
        Assert.Equal("the mean must be more than 0, not 0 s", mean.Message);

        ScenarioDiagnostic shape = Bad("d:\n  weibull:\n    shape: -1\n    scale: 30 d\n");
        AssertAt(shape, 3, 12, "d.weibull.shape");

        ScenarioDiagnostic sd = Bad("d:\n  normal:\n    mean: 30 s\n    sd: 0 s\n");
        AssertAt(sd, 4, 9, "d.normal.sd");
        Assert.Equal("sd must be more than 0, not 0 s; for a fixed value write just '30 s'", sd.FullMessage);
    }

    [Fact]
    public void Kernel_rejections_become_diagnostics_at_the_parameter()
    {
        // The interval [0 s, 1 s] has no mass under a normal 1 day +/- 1 s: TruncatedNormal throws for 'min'.
        ScenarioDiagnostic d = Bad("d:\n  normal:\n    mean: 1 d\n    sd: 1 s\n    min: 0 s\n    max: 1 s\n");
        AssertAt(d, 5, 10, "d.normal.min");
        Assert.Equal("invalid normal distribution: The interval [min, max] has no probability mass under this normal", d.Message);
        Assert.IsType<ArgumentOutOfRangeException>(Fails(() => DistributionParser.ParseDuration(Doc("d:\n  normal:\n    mean: 1 d\n    sd: 1 s\n    min: 0 s\n    max: 1 s\n").Required("d"))).InnerException);
    }

    [Fact]
    public void Wrong_shapes_are_explained()
    {
        Assert.Equal("expected a duration or a distribution but found a list; for observed values write {empirical: [60 s, ...]}", Bad("d: [1 s, 2 s]").FullMessage);
        Assert.Equal("expected a duration or a distribution but found nothing", Bad("d:\n").Message);
        Assert.Equal("an exponential needs its parameter named; write {exponential: {mean: 4.3 months}}", Bad("d: {exponential: 4.3 months}").FullMessage);
        Assert.Equal("an empirical distribution takes a list of observed values but found a map", Bad("d: {empirical: {a: 1 s}}").Message);
        ScenarioDiagnostic pair = Bad("d: {uniform: [1 s]}");
        Assert.Equal("expected exactly 2 items but found 1", pair.Message);
        Assert.Equal("d.uniform", pair.FieldPath);
        Assert.Equal("expected at least 1 item but found 0", Bad("d: {empirical: []}").Message);
        ScenarioDiagnostic item = Bad("d: {empirical: [1 s, -2 s]}");
        Assert.Equal(("d.empirical[1]", "negative duration '-2 s'"), (item.FieldPath, item.Message));
    }

    [Fact]
    public void Generic_quantities_use_the_given_parser()
    {
        ScenarioNode node = Doc("d: {uniform: {min: 1 MiB, max: 2 MiB}}").Required("d");
        Distribution d = DistributionParser.Parse(node, s => Sizes.Parse(s), "size", "16 MiB");
        Assert.Equal(new Uniform(1048576, 2097152), d);
        ScenarioDiagnostic rate = Single(() => DistributionParser.Parse(Doc("d: {exponential: {rate: 2 per year}}").Required("d"), s => Sizes.Parse(s), "size", "16 MiB"));
        Assert.Equal("unknown field 'rate'; expected one of: mean", rate.FullMessage);
    }

    [Theory]
    [InlineData("90 s", "90 s")]
    [InlineData("{uniform: {min: 60 s, max: 120 s}}", "{uniform: {min: 1 min, max: 2 min}}")]
    [InlineData("{lognormal: {median: 60 s, p99: 180 s}}", "{lognormal: {median: 1 min, p99: 3 min}}")]
    [InlineData("{exponential: {mean: 4.3 months}}", "{exponential: {mean: 4.3 months}}")]
    [InlineData("{weibull: {shape: 1.2, scale: 30 d}}", "{weibull: {shape: 1.2, scale: 30 d}}")]
    [InlineData("{normal: {mean: 30 s, sd: 8 s, min: 0 s}}", "{normal: {mean: 30 s, sd: 8 s, min: 0 s}}")]
    [InlineData("{normal: {mean: 30 s, sd: 8 s, min: 10 s, max: 1 min}}", "{normal: {mean: 30 s, sd: 8 s, min: 10 s, max: 1 min}}")]
    [InlineData("{empirical: [10 s, 12 s, 30 s]}", "{empirical: [10 s, 12 s, 30 s]}")]
    public void Formats_as_yaml_that_reads_back(string yaml, string expected)
    {
        Distribution d = Parse(yaml);
        string text = DistributionParser.FormatDuration(d);
        Assert.Equal(expected, text);
        Distribution back = Parse(text);
        Assert.Equal(d.GetType(), back.GetType());
        Assert.Equal(d.Mean, back.Mean, 1e-9 * d.Mean);
        Assert.Equal(d.Quantile(0.9), back.Quantile(0.9), 1e-6 * d.Quantile(0.9));
    }
}
