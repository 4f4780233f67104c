namespace HaSim.Kernel.Tests.Support;

/// <summary>Closed-form and exact numerical answers for the queues the kernel tests simulate.</summary>
public static class QueueingFormulas
{
    /// <summary>M/M/1 mean wait in queue: rho / (mu - lambda).</summary>
    public static double MM1MeanWait(double lambda, double mu) => lambda / mu / (mu - lambda);

    /// <summary>Erlang C: the probability that an arrival to an M/M/c queue has to wait.</summary>
    public static double ErlangC(int servers, double lambda, double mu)
    {
        double a = lambda / mu;
        if (a >= servers)
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), "The queue is unstable.");
        }

        double term = 1;
        double sum = 0;
        for (int k = 0; k < servers; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        // term is now a^c / c!.
        double waiting = term * servers / (servers - a);
        return waiting / (sum + waiting);
    }

    /// <summary>M/M/c mean wait in queue: C(c, a) / (c mu - lambda).</summary>
    public static double MMcMeanWait(int servers, double lambda, double mu) => ErlangC(servers, lambda, mu) / ((servers * mu) - lambda);

    /// <summary>
    /// The finite-source repair queue M/M/c//N: N machines each failing at rate lambda while up,
    /// c crews each repairing at rate mu. Solves the birth-death chain on the number of failed
    /// machines exactly (in log space, so N in the thousands is fine) and returns the repair
    /// throughput and the mean wait for a crew (by Little's law, queue length over throughput).
    /// </summary>
    public static (double Throughput, double MeanWait) MachineRepair(int machines, int crews, double lambda, double mu)
    {
        var logP = new double[machines + 1];
        for (int n = 1; n <= machines; n++)
        {
            double birth = (machines - n + 1) * lambda;
            double death = Math.Min(n, crews) * mu;
            logP[n] = logP[n - 1] + Math.Log(birth) - Math.Log(death);
        }

        double max = logP.Max();
        double total = 0, throughput = 0, queue = 0;
        for (int n = 0; n <= machines; n++)
        {
            double p = Math.Exp(logP[n] - max);
            total += p;
            throughput += p * Math.Min(n, crews) * mu;
            queue += p * Math.Max(n - crews, 0);
        }

        throughput /= total;
        queue /= total;
        return (throughput, queue / throughput);
    }
}
