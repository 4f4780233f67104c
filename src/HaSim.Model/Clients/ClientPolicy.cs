namespace HaSim.Model.Clients;

/// <summary>
/// How the application reconnects after losing the database: the client's view is what the
/// seeds tell users to measure, so the headline RTO is client-observed.
/// </summary>
/// <param name="RetryIntervalSeconds">Delay before the first reconnect attempt, and the base of the backoff.</param>
/// <param name="BackoffMultiplier">Each failed attempt multiplies the delay by this (1 = fixed interval).</param>
/// <param name="MaxRetryIntervalSeconds">The delay between attempts never exceeds this.</param>
/// <param name="ConnectTimeoutSeconds">How long an attempt against a dead address takes to fail.</param>
/// <param name="HonoursDnsTtl">True if the client re-resolves the endpoint when the DNS TTL expires; false means it caches for <see cref="DnsCacheSeconds"/>.</param>
/// <param name="DnsCacheSeconds">The client's own DNS cache time when it does not honour the TTL (a JVM default, for example).</param>
/// <param name="JitterFraction">Each delay is scaled by a uniform factor in [1 - j, 1 + j], so clients do not retry in lockstep.</param>
public sealed record ClientPolicy(
    double RetryIntervalSeconds,
    double BackoffMultiplier,
    double MaxRetryIntervalSeconds,
    double ConnectTimeoutSeconds,
    bool HonoursDnsTtl,
    double DnsCacheSeconds,
    double JitterFraction = 0.2)
{
    /// <summary>
    /// Default: retry after 1 s, doubling to at most 5 s, 2 s connect timeout, honour the TTL.
    /// ASSUMPTION: a typical connection-pool policy; no seed states one.
    /// </summary>
    public static ClientPolicy Default { get; } = new(1, 2, 5, 2, true, 60);

    /// <summary>
    /// When the client is back: its first reconnect attempt at or after <paramref name="reachableAtSeconds"/>,
    /// the time the service is up and its current address is known to the client. Attempts start
    /// <see cref="RetryIntervalSeconds"/> after the outage (each delay jittered); each failed one costs the connect
    /// timeout, then the (backed-off) delay.
    /// </summary>
    public double ReconnectTime(double outageStartSeconds, double reachableAtSeconds, System.Random jitter)
    {
        double delay = RetryIntervalSeconds;
        double attempt = outageStartSeconds + Jittered(delay, jitter);
        for (int i = 0; i < 100_000 && attempt < reachableAtSeconds; i++)
        {
            delay = Math.Min(MaxRetryIntervalSeconds, delay * BackoffMultiplier);
            attempt += ConnectTimeoutSeconds + Jittered(delay, jitter);
        }

        return Math.Max(attempt, reachableAtSeconds);
    }

    private double Jittered(double delay, System.Random random) =>
        JitterFraction > 0 ? delay * (1 - JitterFraction + (2 * JitterFraction * random.NextDouble())) : delay;

    /// <summary>How long the client may keep using a stale address after a DNS change, given the record's TTL.</summary>
    public double DnsStaleSeconds(double recordTtlSeconds) => HonoursDnsTtl ? recordTtlSeconds : DnsCacheSeconds;
}
