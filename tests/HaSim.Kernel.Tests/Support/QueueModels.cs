using HaSim.Kernel.Distributions;

namespace HaSim.Kernel.Tests.Support;

/// <summary>Small queueing models written on the kernel, for checks against closed forms.</summary>
public static class QueueModels
{
    /// <summary>
    /// An M/M/c queue: Poisson arrivals at rate <paramref name="lambda"/>, one customer process
    /// each, <paramref name="servers"/> servers with exponential service at rate <paramref name="mu"/>.
    /// Runs until all <paramref name="customers"/> have started service and returns each one's
    /// wait in queue, in arrival order.
    /// </summary>
    public static double[] MMcWaits(ulong seed, int servers, double lambda, double mu, int customers)
    {
        var sim = new Simulation(seed);
        var desk = new Resource(sim, servers);
        var interarrival = Exponential.FromRate(lambda);
        var service = Exponential.FromRate(mu);
        var arrivals = sim.Streams.Get("arrivals");
        var services = sim.Streams.Get("service");
        var waits = new double[customers];
        sim.Process(Source(), "source");
        sim.Run();
        return waits;

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < customers; i++)
            {
                yield return sim.Timeout(interarrival.Sample(arrivals));
                sim.Process(Customer(i), "customer");
            }
        }

        IEnumerable<Event> Customer(int index)
        {
            using (var server = desk.Request())
            {
                yield return server;
                waits[index] = sim.Now - server.RequestedAtSeconds;
                yield return sim.Timeout(service.Sample(services));
            }
        }
    }

    /// <summary>
    /// The machine-repair model: <paramref name="machines"/> machines, each up for an exponential
    /// time with mean <paramref name="upMean"/>, then queueing for one of <paramref name="crews"/>
    /// crews and repaired for an exponential time with mean <paramref name="repairMean"/>.
    /// Returns the throughput (repairs finished per unit time) and the mean wait for a crew,
    /// both measured over [<paramref name="warmUp"/>, <paramref name="warmUp"/> + <paramref name="horizon"/>).
    /// </summary>
    public static (double Throughput, double MeanWait) MachineRepair(
        ulong seed, int machines, int crews, double upMean, double repairMean, double warmUp, double horizon)
    {
        var sim = new Simulation(seed);
        var crewPool = new Resource(sim, crews);
        var up = Exponential.FromMean(upMean);
        var repair = Exponential.FromMean(repairMean);
        var ups = sim.Streams.Get("up");
        var repairs = sim.Streams.Get("repair");
        long finished = 0, grants = 0;
        double totalWait = 0;
        for (int i = 0; i < machines; i++)
        {
            sim.Process(Machine(), $"machine {i}");
        }

        sim.Run(warmUp + horizon);
        return (finished / horizon, totalWait / grants);

        IEnumerable<Event> Machine()
        {
            while (true)
            {
                yield return sim.Timeout(up.Sample(ups));
                using (var crew = crewPool.Request())
                {
                    yield return crew;
                    if (sim.Now >= warmUp)
                    {
                        grants++;
                        totalWait += sim.Now - crew.RequestedAtSeconds;
                    }

                    yield return sim.Timeout(repair.Sample(repairs));
                }

                if (sim.Now >= warmUp)
                {
                    finished++;
                }
            }
        }
    }

    /// <summary>
    /// One repairable unit: up for a draw of <paramref name="up"/>, down for a draw of
    /// <paramref name="repair"/>, over and over. Returns the fraction of [0, horizon) it was up.
    /// </summary>
    public static double Availability(ulong seed, Distribution up, Distribution repair, double horizon)
    {
        var sim = new Simulation(seed);
        var ups = sim.Streams.Get("up");
        var repairs = sim.Streams.Get("repair");
        double upTotal = 0, upSince = 0;
        bool isUp = true;
        sim.Process(Unit(), "unit");
        sim.Run(horizon);
        if (isUp)
        {
            upTotal += horizon - upSince;
        }

        return upTotal / horizon;

        IEnumerable<Event> Unit()
        {
            while (true)
            {
                isUp = true;
                upSince = sim.Now;
                yield return sim.Timeout(up.Sample(ups));
                upTotal += sim.Now - upSince;
                isUp = false;
                yield return sim.Timeout(repair.Sample(repairs));
            }
        }
    }
}
