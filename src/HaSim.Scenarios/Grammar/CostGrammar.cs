using HaSim.Scenarios.Cost;

namespace HaSim.Scenarios.Grammar;

/// <summary>
/// The fields of a <c>cost:</c> section (scenario and fleet files). <see cref="CostLoader"/> accepts
/// exactly these keys; the scenario and fleet schemas state them.
/// </summary>
public static class CostGrammar
{
    /// <summary>One tier of an SLA credit policy.</summary>
    public static FileSection CreditTier { get; } = new("credit_tier", "A month whose uptime is below this earns this share of the monthly bill back (tiers from the highest uptime down).",
    [
        new("uptime_below", "the uptime under which the tier applies", ValueShape.Of(ValueKind.Fraction), Required: true),
        new("credit", "the share of the monthly bill credited", ValueShape.Of(ValueKind.Fraction), Required: true),
    ]);

    /// <summary>The SLA credit policy.</summary>
    public static FileSection SlaCredit { get; } = new("sla_credit", "The provider's SLA credit policy: the expected credit is subtracted from the cost.",
    [
        new("monthly_bill", "the bill the credit is a share of, in the section's currency", Price, Required: true),
        new("tiers", "credit tiers, highest uptime first", ValueShape.List(ValueShape.Map(CreditTier), minItems: 1)),
    ]);

    /// <summary>The <c>cost:</c> section.</summary>
    public static FileSection Cost { get; } = new("cost", "Prices for the cost per month of a run or sweep point: resources from the parameters plus the expected SLA credit.",
    [
        new("prices", "'example' marks shipped example prices (not vendor quotes), 'user' your own", ValueShape.Name("^(example|user)$"), Required: true),
        new("currency", "an upper-case currency code such as USD or EUR", ValueShape.Name("^[A-Z]{1,8}$"), Required: true),
        new("server_vm_per_hour", "price of one server (primary) VM hour", Price),
        new("standby_vm_per_hour", "price of one standby VM hour", Price),
        new("warm_pool_vm_per_hour", "price of one warm-pool VM hour", Price),
        new("spare_slot_per_hour", "price of one spare compute slot hour", Price),
        new("storage_per_gb_month", "price of one GB of storage for a month", Price),
        new("sla_credit", SlaCredit.Description, ValueShape.Map(SlaCredit)),
    ]);

    private static ValueShape Price => ValueShape.Number(0, CostLoader.MaxPrice);
}
