using HaSim.Analysis.Statistics;
using HaSim.Kernel;
using HaSim.Kernel.Distributions;

namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>
/// An active 1-of-2 pair with one repair crew, on the kernel: each unit fails at rate lambda,
/// one crew repairs one unit at a time at rate mu; the system is down when both are down.
/// A = (mu^2 + 2 lambda mu) / (mu^2 + 2 lambda mu + 2 lambda^2), and each outage lasts Exp(mu).
/// </summary>
public class RepairablePairTest
{
    private const double Lambda = 1 / 100.0;
    private const double Mu = 1 / 20.0;

    [Fact]
    public void Pair_with_one_crew_matches_the_markov_chain_availability_and_outage_length()
    {
        var availability = new Moments(1e12);
        var outage = new Moments();
        for (int r = 0; r < 40; r++)
        {
            var (a, outages) = Replicate((ulong)r + 1, horizon: 200_000);
            availability.Add(a);
            foreach (double o in outages)
            {
                outage.Add(o);
            }
        }

        double mu2 = Mu * Mu, lm = 2 * Lambda * Mu, l2 = 2 * Lambda * Lambda;
        ClosedFormRuns.AssertCovers(availability, (mu2 + lm) / (mu2 + lm + l2), "1-of-2 availability");
        ClosedFormRuns.AssertCovers(outage, 1 / Mu, "mean outage");
    }

    private static (double Availability, List<double> Outages) Replicate(ulong seed, double horizon)
    {
        var sim = new Simulation(seed);
        var crew = new Resource(sim, 1);
        int down = 0;
        double downSince = 0, downTotal = 0;
        var outages = new List<double>();
        var up = Exponential.FromRate(Lambda);
        var repair = Exponential.FromRate(Mu);

        IEnumerable<Event> Unit(string name)
        {
            var random = sim.Streams.Get(name);
            while (true)
            {
                yield return sim.Timeout(up.Sample(random));
                if (++down == 2)
                {
                    downSince = sim.Now;
                }

                using (var request = crew.Request())
                {
                    yield return request;
                    yield return sim.Timeout(repair.Sample(random));
                }

                if (down-- == 2)
                {
                    downTotal += sim.Now - downSince;
                    outages.Add(sim.Now - downSince);
                }
            }
        }

        sim.Process(Unit("unit-a"));
        sim.Process(Unit("unit-b"));
        sim.Run(horizon);
        if (down == 2)
        {
            downTotal += horizon - downSince;
        }

        return (1 - (downTotal / horizon), outages);
    }
}
