using HaSim.Kernel.Random;
using HaSim.Model.Clients;

namespace HaSim.Model.Tests;

public class ClientPolicyTests
{
    private static readonly ClientPolicy NoJitter = ClientPolicy.Default with { JitterFraction = 0 };

    [Fact]
    public void Reconnect_is_the_first_attempt_after_the_service_is_reachable()
    {
        // Attempts at +1, then each failure costs the 2 s connect timeout plus a doubling delay capped at 5 s:
        // +1, +5 (2+2), +11 (2+4), +18 (2+5), +25, ...
        var random = new RandomStream("t", 1);
        Assert.Equal(101, NoJitter.ReconnectTime(100, 100.5, random));
        Assert.Equal(105, NoJitter.ReconnectTime(100, 101.5, random));
        Assert.Equal(111, NoJitter.ReconnectTime(100, 105.5, random));
        Assert.Equal(118, NoJitter.ReconnectTime(100, 111.5, random));
        Assert.Equal(125, NoJitter.ReconnectTime(100, 120, random));
    }

    [Fact]
    public void Jitter_spreads_reconnects_but_never_before_the_service_is_reachable()
    {
        var random = new RandomStream("t", 2);
        var times = Enumerable.Range(0, 1000).Select(_ => ClientPolicy.Default.ReconnectTime(0, 60, random)).ToList();
        Assert.All(times, t => Assert.True(t >= 60));
        Assert.True(times.Distinct().Count() > 500);
        Assert.True(times.Max() < 60 + 2 + (5 * 1.2) + 1e-9);
    }

    [Fact]
    public void A_client_ignoring_the_ttl_keeps_a_stale_address_for_its_own_cache_time()
    {
        Assert.Equal(30, ClientPolicy.Default.DnsStaleSeconds(30));
        Assert.Equal(60, (ClientPolicy.Default with { HonoursDnsTtl = false }).DnsStaleSeconds(30));
    }
}
