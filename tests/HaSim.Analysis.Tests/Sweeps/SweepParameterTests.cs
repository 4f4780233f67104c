using HaSim.Analysis.Sweeps;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Analysis.Tests.Sweeps;

public class SweepParameterTests
{
    [Fact]
    public void A_comma_list_gives_its_values_in_order()
    {
        var p = SweepParameter.Parse("compute.spare_slots_per_az=0,8,16");
        Assert.Equal("compute.spare_slots_per_az", p.Key);
        Assert.Equal(["0", "8", "16"], p.Values);
    }

    [Fact]
    public void Commas_inside_braces_belong_to_a_distribution_value()
    {
        var p = SweepParameter.Parse("failover.promote={lognormal: {median: 10 s, p99: 30 s}}, 20 s");
        Assert.Equal(["{lognormal: {median: 10 s, p99: 30 s}}", "20 s"], p.Values);
    }

    [Fact]
    public void A_range_includes_both_ends_when_the_steps_reach_the_end()
    {
        Assert.Equal(["0", "8", "16", "24", "32", "40", "48", "56", "64"], SweepParameter.Parse("k=0..64 step 8").Values);
        Assert.Equal(["0", "10", "20"], SweepParameter.Parse("k=0..25 step 10").Values);
        Assert.Equal(["3", "4", "5"], SweepParameter.Parse("k=3..5").Values);
    }

    [Fact]
    public void A_range_keeps_its_unit_and_does_not_drift_on_decimal_steps()
    {
        Assert.Equal(["10 s", "20 s", "30 s"], SweepParameter.Parse("k=10 s..30 s step 10 s").Values);
        Assert.Equal(["0", "0.1", "0.2", "0.3"], SweepParameter.Parse("k=0..0.3 step 0.1").Values);
    }

    [Theory]
    [InlineData("compute.spare_slots_per_az", "has no '='")]
    [InlineData("=1,2", "the parameter key is missing")]
    [InlineData("k=", "has no values")]
    [InlineData("k=1,,2", "an empty value")]
    [InlineData("k=64..0 step 8", "ends (0) before it starts (64)")]
    [InlineData("k=0..64 step 0", "the step must be positive")]
    [InlineData("k=10 s..1 min step 10 s", "mixes units")]
    [InlineData("k=0..1000", "the range has 1001 values")]
    [InlineData("k=1,2,1", "lists '1' twice")]
    public void Malformed_values_are_refused_naming_the_option(string text, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => SweepParameter.Parse(text));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("--param", d.FilePath);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_varies_the_last_parameter_fastest()
    {
        var points = SweepPlan.Points([SweepParameter.Parse("a=1,2"), SweepParameter.Parse("b=x,y,z")], SweepMode.Grid);
        Assert.Equal(["a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z"], points.Select(p => p.Label));
        Assert.Equal([0, 1, 2, 3, 4, 5], points.Select(p => p.Index));
    }

    [Fact]
    public void One_at_a_time_varies_each_parameter_alone()
    {
        var points = SweepPlan.Points([SweepParameter.Parse("a=1,2"), SweepParameter.Parse("b=x,y,z")], SweepMode.OneAtATime);
        Assert.Equal(["a=1", "a=2", "b=x", "b=y", "b=z"], points.Select(p => p.Label));
    }

    [Fact]
    public void A_grid_of_more_than_256_points_is_refused_before_it_is_built()
    {
        var e = Assert.Throws<ScenarioException>(() => SweepPlan.Points([SweepParameter.Parse("a=1..20"), SweepParameter.Parse("b=1..20")], SweepMode.Grid));
        Assert.Contains("400 points", e.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(40, SweepPlan.Points([SweepParameter.Parse("a=1..20"), SweepParameter.Parse("b=1..20")], SweepMode.OneAtATime).Count);
    }

    [Fact]
    public void A_parameter_swept_twice_is_refused()
    {
        var e = Assert.Throws<ScenarioException>(() => SweepPlan.Points([SweepParameter.Parse("a=1"), SweepParameter.Parse("a=2")], SweepMode.Grid));
        Assert.Contains("swept twice", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
