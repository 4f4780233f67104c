using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Distributions;
using HaSim.Model.Presets;

namespace HaSim.Analysis.Tests.Fleet;

/// <summary>
/// A zone's warm pool under the VM failures of a fleet is an Erlang loss system: VM losses arrive as
/// a Poisson process (the superposition of the databases' exponential failures, each delayed by an
/// independent detection time), each taken VM is replaced after a refill time, and a loss finding the
/// pool empty cold-starts instead. The probability of a cold start is Erlang B at the offered load
/// λ·E[refill], whatever the refill distribution (insensitivity), so a lognormal refill must
/// reproduce it within the run's interval.
/// </summary>
public class ErlangBWarmPoolTest
{
    [Theory]
    [InlineData("{lognormal: {median: 40 min, p99: 3 h}}")]
    [InlineData("{uniform: {min: 0 s, max: 114 min}}")]
    public void Cold_start_probability_of_a_shared_warm_pool_is_erlang_b(string refill)
    {
        const int databases = 400;
        const int pool = 3;
        const double failureMean = 5 * 86400.0;
        var refillDistribution = HaSim.Scenarios.Units.DistributionParser.ParseDuration(HaSim.Scenarios.Yaml.YamlDocumentReader.ParseNode(refill, "refill"));
        var scenario = FleetRuns.Parse($"""
            name: erlang-b
            fleet:
              groups:
                - name: endpoints
                  preset: serverless
                  count: {databases}
                  placement: {"{"}zones: [az-1]{"}"}
                  parameters:
            {OnlyVmFailures(failureMean)}
              capacity:
                compute.warm_pool_per_az: {pool}
                compute.warm_pool_refill: {refill}
            """);
        var settings = new FleetSettings(Years: 0.25, Replications: 8, Seed: 3, HorizonSeconds: scenario.HorizonSeconds, Level: 0.999);
        var summary = FleetRunner.Run(scenario, settings, ShardSpec.Whole, threads: 2, checkInvariants: true).Summarise(FleetIdentity.From(scenario, refill));

        double offered = databases / failureMean * refillDistribution.Mean;
        double expected = ErlangB(pool, offered);
        var warm = summary.Pools.Single(p => p.Key == "warm_pool_az_1");
        Assert.True(warm.Requests > 4000, $"only {warm.Requests} VM losses");
        Assert.True(warm.MissShare.Interval.Contains(expected),
            $"Erlang B({pool}, {offered:F3}) = {expected:F4} outside the 99.9% interval [{warm.MissShare.Interval.Lower:F4}, {warm.MissShare.Interval.Upper:F4}] of the cold-start share {warm.MissShare.Value:F4} (n = {warm.MissShare.SampleSize} replications, {warm.Requests} VM losses)");
        Assert.True(warm.MissShare.Interval.Width < 0.05, $"interval too wide to test anything: {warm.MissShare.Interval.Width:F3}");
    }

    /// <summary>Erlang B by its recurrence B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).</summary>
    private static double ErlangB(int servers, double offered)
    {
        double b = 1;
        for (int k = 1; k <= servers; k++)
        {
            b = offered * b / (k + (offered * b));
        }

        return b;
    }

    /// <summary>Group parameter lines switching every random failure off except VM losses, every <paramref name="mean"/> seconds on average.</summary>
    private static string OnlyVmFailures(double mean)
    {
        var catalog = PresetCatalog.Find("serverless")!.Parameters.Catalog;
        var lines = catalog.Definitions
            .Where(d => d.Key.StartsWith("failures.", StringComparison.Ordinal) && d.Key.EndsWith(".interval", StringComparison.Ordinal) && d.Key != "failures.vm_failure.interval")
            .Select(d => $"        {d.Key}: 0 s")
            .Append($"        failures.vm_failure.interval: {{exponential: {{mean: {mean.ToString(System.Globalization.CultureInfo.InvariantCulture)} s}}}}");
        return string.Join("\n", lines);
    }
}
