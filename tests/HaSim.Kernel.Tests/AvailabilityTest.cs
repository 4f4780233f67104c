using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;
using HaSim.Kernel.Tests.Support;
using Xunit.Abstractions;

namespace HaSim.Kernel.Tests;

/// <summary>A single repairable unit is up MTTF / (MTTF + MTTR) of the time, whatever the repair-time law.</summary>
public class AvailabilityTest(ITestOutputHelper output)
{
    [Fact]
    public void Availability_with_exponential_up_times_and_lognormal_repairs_is_mttf_over_mttf_plus_mttr()
    {
        var up = Exponential.FromMean(100);
        var repair = LogNormal.FromMedianAndP99(5, 30);
        const int replications = 20;
        var availabilities = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            availabilities[r] = QueueModels.Availability(SeedMixer.Derive(7, r), up, repair, 1_000_000);
        }

        var ci = ConfidenceInterval.FromReplications(availabilities);

        double exact = up.Mean / (up.Mean + repair.Mean);
        output.WriteLine($"availability: exact {exact}, simulated {ci}");
        Assert.True(ci.Contains(exact), $"availability exact {exact}, simulated {ci}");
        Assert.True(ci.HalfWidth < 0.1 * (1 - exact), $"interval too wide to be a test: {ci}");
    }

    [Fact]
    public void Constant_up_and_repair_times_give_the_exact_ratio()
    {
        double a = QueueModels.Availability(1, new Constant(90), new Constant(10), 1_000);

        Assert.Equal(0.9, a, 12);
    }
}
