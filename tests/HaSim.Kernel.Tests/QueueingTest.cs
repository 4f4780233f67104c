using HaSim.Kernel.Random;
using HaSim.Kernel.Tests.Support;
using Xunit.Abstractions;

namespace HaSim.Kernel.Tests;

/// <summary>
/// Queueing models simulated on the kernel agree with their closed forms: each exact value lies
/// inside a 99.9% Student-t confidence interval from independent replications or batch means.
/// Seeds are fixed, so each check is deterministic; each also checks that its interval is
/// narrow enough to mean something.
/// </summary>
public class QueueingTest(ITestOutputHelper output)
{
    private const ulong Seed = 20_261_122;

    private static ulong ReplicationSeed(int replication) => SeedMixer.Derive(Seed, replication);

    [Fact]
    public void Mm1_mean_wait_in_queue_is_rho_over_mu_minus_lambda()
    {
        const double lambda = 0.8, mu = 1.0;
        const int warmUp = 20_000, batches = 40, batchSize = 50_000;
        var waits = QueueModels.MMcWaits(Seed, 1, lambda, mu, warmUp + (batches * batchSize));

        var ci = ConfidenceInterval.FromBatchMeans(waits[warmUp..], batches);

        double exact = QueueingFormulas.MM1MeanWait(lambda, mu);
        output.WriteLine($"M/M/1 Wq: exact {exact}, simulated {ci}");
        Assert.True(ci.Contains(exact), $"Wq exact {exact}, simulated {ci}");
        Assert.True(ci.HalfWidth < 0.05 * exact, $"interval too wide to be a test: {ci}");
    }

    [Fact]
    public void Mmc_probability_of_waiting_is_erlang_c_and_mean_wait_follows()
    {
        const int servers = 3, replications = 20, warmUp = 2_000, customers = 100_000;
        const double lambda = 2.4, mu = 1.0;
        var meanWaits = new double[replications];
        var waitedShares = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            var waits = QueueModels.MMcWaits(ReplicationSeed(r), servers, lambda, mu, warmUp + customers)[warmUp..];
            meanWaits[r] = waits.Average();
            waitedShares[r] = waits.Count(w => w > 0) / (double)waits.Length;
        }

        var waitCi = ConfidenceInterval.FromReplications(meanWaits);
        var shareCi = ConfidenceInterval.FromReplications(waitedShares);

        double exactShare = QueueingFormulas.ErlangC(servers, lambda, mu);
        double exactWait = QueueingFormulas.MMcMeanWait(servers, lambda, mu);
        output.WriteLine($"M/M/3 P(wait): exact {exactShare}, simulated {shareCi}; Wq: exact {exactWait}, simulated {waitCi}");
        Assert.True(shareCi.Contains(exactShare), $"P(wait) exact {exactShare}, simulated {shareCi}");
        Assert.True(waitCi.Contains(exactWait), $"Wq exact {exactWait}, simulated {waitCi}");
        Assert.True(shareCi.HalfWidth < 0.02 * exactShare && waitCi.HalfWidth < 0.06 * exactWait, $"intervals too wide: {shareCi}; {waitCi}");
    }

    [Fact]
    public void Finite_source_repair_queue_throughput_and_wait_match_the_birth_death_chain()
    {
        const int machines = 20, crews = 2, replications = 20;
        const double upMean = 100, repairMean = 5;
        var throughputs = new double[replications];
        var waits = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            (throughputs[r], waits[r]) = QueueModels.MachineRepair(ReplicationSeed(r), machines, crews, upMean, repairMean, 1_000, 200_000);
        }

        var throughputCi = ConfidenceInterval.FromReplications(throughputs);
        var waitCi = ConfidenceInterval.FromReplications(waits);

        var exact = QueueingFormulas.MachineRepair(machines, crews, 1 / upMean, 1 / repairMean);
        output.WriteLine($"M/M/2//20 throughput: exact {exact.Throughput}, simulated {throughputCi}; Wq: exact {exact.MeanWait}, simulated {waitCi}");
        Assert.True(throughputCi.Contains(exact.Throughput), $"throughput exact {exact.Throughput}, simulated {throughputCi}");
        Assert.True(waitCi.Contains(exact.MeanWait), $"Wq exact {exact.MeanWait}, simulated {waitCi}");
        Assert.True(throughputCi.HalfWidth < 0.01 * exact.Throughput && waitCi.HalfWidth < 0.05 * exact.MeanWait, $"intervals too wide: {throughputCi}; {waitCi}");
    }

    [Fact]
    public void The_benchmark_repair_model_gives_throughput_two_and_mean_wait_395()
    {
        // N=1000 machines, C=10 crews, up mean 100, repair mean 5: exactly 2.000 and 395.0.
        const int machines = 1000, crews = 10, replications = 10;
        var throughputs = new double[replications];
        var waits = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            (throughputs[r], waits[r]) = QueueModels.MachineRepair(ReplicationSeed(r), machines, crews, 100, 5, 5_000, 100_000);
        }

        var throughputCi = ConfidenceInterval.FromReplications(throughputs);
        var waitCi = ConfidenceInterval.FromReplications(waits);

        var exact = QueueingFormulas.MachineRepair(machines, crews, 1 / 100.0, 1 / 5.0);
        output.WriteLine($"M/M/10//1000 throughput: exact {exact.Throughput}, simulated {throughputCi}; Wq: exact {exact.MeanWait}, simulated {waitCi}");
        Assert.True(throughputCi.Contains(exact.Throughput), $"throughput exact {exact.Throughput}, simulated {throughputCi}");
        Assert.True(waitCi.Contains(exact.MeanWait), $"Wq exact {exact.MeanWait}, simulated {waitCi}");
        Assert.True(throughputCi.HalfWidth < 0.01 * exact.Throughput && waitCi.HalfWidth < 0.01 * exact.MeanWait, $"intervals too wide: {throughputCi}; {waitCi}");
    }
}
