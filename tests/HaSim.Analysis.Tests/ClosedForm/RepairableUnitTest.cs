using HaSim.Kernel.Distributions;

namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>
/// A single repairable unit: the serverless compute endpoint with only random hangs enabled, the
/// 5-minute watchdog pushed out of reach, so each outage lasts exactly the hang's duration.
/// Availability = MTTF / (MTTF + MTTR) whatever the repair distribution.
/// </summary>
public class RepairableUnitTest
{
    [Fact]
    public void Availability_with_exponential_repair_matches_mttf_over_mttf_plus_mttr()
    {
        var scenario = Hangs("{exponential: {mean: 1 h}}");
        var (availability, incidents) = ClosedFormRuns.Availability(scenario, replications: 30, years: 8);

        double expected = 24.0 / (24.0 + 1.0);
        ClosedFormRuns.AssertCovers(availability, expected, "exponential repair");
        Assert.All(incidents, i => Assert.Equal("unresponsive", i.FailureMode.Key));
    }

    [Fact]
    public void Availability_with_lognormal_repair_matches_mttf_over_mttf_plus_mttr()
    {
        var scenario = Hangs("{lognormal: {median: 40 min, p99: 3 h}}");
        var (availability, _) = ClosedFormRuns.Availability(scenario, replications: 30, years: 8);

        double mttr = LogNormal.FromMedianAndP99(2400, 10800).Mean;
        double expected = 86400 / (86400 + mttr);
        ClosedFormRuns.AssertCovers(availability, expected, "lognormal repair");
    }

    private static HaSim.Scenarios.Binding.Scenario Hangs(string duration) => ClosedFormRuns.OnlyFailures(
        "serverless",
        "compute.unresponsive_detection: 1000 d",
        "failures.unresponsive.interval: {exponential: {mean: 1 d}}",
        "failures.unresponsive.duration: " + duration);
}
