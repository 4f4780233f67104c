using HaSim.Model.Parameters;

namespace HaSim.Model.Clients;

/// <summary>
/// The domains of a scenario's <c>client:</c> fields. Bounded so that every reconnect time the
/// client computes stays a finite, printable clock time far below the longest run.
/// </summary>
public static class ClientParameters
{
    /// <summary>Delay before the first reconnect attempt.</summary>
    public static Parameter<double> RetryInterval { get; } = Declare.Seconds("client.retry_interval", "delay before the first reconnect attempt", min: 0.001, max: Units.Day);

    /// <summary>Multiplier of the delay after each failed attempt.</summary>
    public static Parameter<double> Backoff { get; } = Declare.Number("client.backoff", "each failed attempt multiplies the delay by this (1: a fixed interval)", min: 1, max: 100);

    /// <summary>The longest delay between attempts.</summary>
    public static Parameter<double> MaxRetryInterval { get; } = Declare.Seconds("client.max_retry_interval", "the delay between attempts never exceeds this", min: 0.001, max: Units.Day);

    /// <summary>How long an attempt against a dead address takes to fail.</summary>
    public static Parameter<double> ConnectTimeout { get; } = Declare.Seconds("client.connect_timeout", "how long an attempt against a dead address takes to fail", max: Units.Hour);

    /// <summary>The client's own DNS cache time.</summary>
    public static Parameter<double> DnsCache { get; } = Declare.Seconds("client.dns_cache", "the client's own DNS cache time when it does not honour the TTL", max: 30 * Units.Day);

    /// <summary>The jitter of each delay.</summary>
    public static Parameter<double> Jitter { get; } = Declare.Fraction("client.jitter", "each delay is scaled by a uniform factor in [1 - j, 1 + j]");
}
