namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>
/// A 2-of-3 quorum with independent repair: the serverless safekeepers with only safekeeper
/// outages enabled and an instant reconnect. Each is up with a = mu / (lambda + mu); writes are
/// available when at least two are up: A = 3a^2 - 2a^3.
/// </summary>
public class QuorumTest
{
    [Fact]
    public void Two_of_three_quorum_availability_matches_the_binomial_closed_form()
    {
        var scenario = ClosedFormRuns.OnlyFailures(
            "serverless",
            "safekeeper.reconnect: 0 s",
            "failures.safekeeper_outage.interval: {exponential: {mean: 2 d}}",
            "failures.safekeeper_outage.duration: {exponential: {mean: 12 h}}");
        var (availability, incidents) = ClosedFormRuns.Availability(scenario, replications: 30, years: 8);

        double lambda = 1 / 48.0, mu = 1 / 12.0;
        double a = mu / (lambda + mu);
        double expected = (3 * a * a) - (2 * a * a * a);
        ClosedFormRuns.AssertCovers(availability, expected, "2-of-3 quorum");
        Assert.All(incidents, i => Assert.Equal("wal_quorum_lost", i.FailureMode.Key));
    }
}
