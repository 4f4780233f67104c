using HaSim.Kernel.Tests.Support;

namespace HaSim.Kernel.Tests;

/// <summary>The closed forms the statistical tests rely on, checked against known values.</summary>
public class QueueingFormulasTest
{
    [Fact]
    public void Mm1_wait_is_rho_over_mu_minus_lambda()
    {
        Assert.Equal(4.0, QueueingFormulas.MM1MeanWait(0.8, 1.0), 12);
    }

    [Fact]
    public void Erlang_c_matches_a_hand_computed_value_and_reduces_to_rho_for_one_server()
    {
        // a = 2.4, c = 3: (2.4^3/3!)(3/0.6) / (1 + 2.4 + 2.4^2/2 + 11.52) = 11.52 / 17.8.
        Assert.Equal(11.52 / 17.8, QueueingFormulas.ErlangC(3, 2.4, 1.0), 12);
        Assert.Equal(0.8, QueueingFormulas.ErlangC(1, 0.8, 1.0), 12);
        Assert.Equal(4.0, QueueingFormulas.MMcMeanWait(1, 0.8, 1.0), 12);
    }

    [Fact]
    public void The_machine_repair_chain_gives_the_benchmark_answers()
    {
        var (throughput, wait) = QueueingFormulas.MachineRepair(1000, 10, 1.0 / 100, 1.0 / 5);

        Assert.Equal(2.000, throughput, 3);
        Assert.Equal(395.0, wait, 1);
    }

    [Fact]
    public void The_machine_repair_chain_with_one_machine_is_an_alternating_renewal()
    {
        // One machine, one crew: throughput 1/(MTTF + MTTR) and it never waits.
        var (throughput, wait) = QueueingFormulas.MachineRepair(1, 1, 1.0 / 100, 1.0 / 5);

        Assert.Equal(1.0 / 105, throughput, 12);
        Assert.Equal(0.0, wait, 12);
    }
}
