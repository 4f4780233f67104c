using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Cost;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Scenarios.Tests;

public class CostTests
{
    private const string Prices = """
        cost:
          prices: user
          currency: EUR
          server_vm_per_hour: 0.5
          standby_vm_per_hour: 0.25
          warm_pool_vm_per_hour: 0.1
          spare_slot_per_hour: 0.02
          storage_per_gb_month: 0.1
          sla_credit:
            monthly_bill: 200
            tiers:
              - {uptime_below: 99.99%, credit: 10%}
              - {uptime_below: 99%, credit: 25%}
        """;

    [Fact]
    public void A_zone_redundant_database_pays_for_its_standby_and_both_copies_of_its_storage()
    {
        string text = "preset: azure-zone-redundant-ha\nworkload:\n  database_size: 100 GB\n" + Prices;
        var scenario = ScenarioLoader.Parse(text, "zr.yaml");
        var cost = Read(text);
        var price = cost.Price(MonthlyResources.Of(scenario));

        // 730.5 hours a month; one standby; 2 x 100 GB of storage.
        Assert.Equal(0.5 * 730.5, price.ServerVms, 9);
        Assert.Equal(0.25 * 730.5, price.StandbyVms, 9);
        Assert.Equal(0, price.WarmPoolVms);
        Assert.Equal(0, price.SpareSlots);
        Assert.Equal(200 * 0.1, price.Storage, 9);
        Assert.Equal(365.25 + 182.625 + 20, price.Total, 9);
        Assert.Equal(0.10 * 200 * 3, cost.Credit(0.10, 3), 12);
        Assert.Equal([0.9999, 0.99], cost.CreditTiers!.Select(t => t.UptimeBelow));
        Assert.False(cost.IsExample);
    }

    [Fact]
    public void A_serverless_fleet_pays_for_warm_pools_and_spare_slots_in_every_zone_it_uses()
    {
        string text = """
            fleet:
              groups:
                - {name: apps, preset: serverless, count: 90, workload: {database_size: 10 GB}}
              capacity:
                compute.spare_slots_per_az: 40
                compute.warm_pool_per_az: 5
            """ + "\n" + Prices;
        var fleet = FleetScenarioLoader.Parse(text, "fleet.yaml");
        var r = MonthlyResources.Of(fleet);
        Assert.Equal((90, 90.0, 0.0, 15.0, 120.0, 900.0), (r.Databases, r.ServerVms, r.StandbyVms, r.WarmPoolVms, r.SpareSlots, r.StorageGb));
        var price = Read(text).Price(r);
        Assert.Equal((90 * 0.5 * 730.5) + (15 * 0.1 * 730.5) + (120 * 0.02 * 730.5) + (900 * 0.1), price.Total, 9);
    }

    [Theory]
    [InlineData("server_vm_per_hour: 0.5", "server_vm_per_hour: -0.5", "is not a price")]
    [InlineData("currency: EUR", "currency: euro", "is not a currency code")]
    [InlineData("prices: user", "prices: vendor", "is not one of example, user")]
    [InlineData("storage_per_gb_month: 0.1", "storage_per_gb_mnth: 0.1", "storage_per_gb_month")]
    [InlineData("uptime_below: 99%", "uptime_below: 99.999%", "from the highest uptime threshold down")]
    [InlineData("monthly_bill: 200", "monthly_bill: 200 USD", "cost.sla_credit.monthly_bill")]
    public void A_bad_cost_section_is_refused_at_its_line_and_field(string from, string to, string message)
    {
        string text = "preset: serverless\n" + Prices.Replace(from, to, StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("bad.yaml", d.FilePath);
        Assert.True(d.Line > 1);
        Assert.Contains(message, d.ToString(), StringComparison.Ordinal);
    }

    private static CostModel Read(string text)
    {
        var bag = new DiagnosticBag();
        var cost = CostLoader.Read(Yaml.YamlDocumentReader.Parse(text, "cost.yaml"), bag);
        bag.ThrowIfAny();
        return cost!;
    }
}
