using System.Globalization;
using HaSim.Model.Presets;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Cost;

/// <summary>
/// Reads a scenario or fleet file's <c>cost:</c> section: prices as plain non-negative numbers in the
/// section's <c>currency</c>, and the SLA credit policy. Mistakes name file, line, column and field.
/// </summary>
public static class CostLoader
{
    /// <summary>The field of a file's root that holds the prices.</summary>
    public const string Field = "cost";

    /// <summary>The most a single price may be (guards against a misplaced exponent).</summary>
    public const double MaxPrice = 1e9;

    // The keys each part accepts are declared once, with the JSON Schema (Grammar/CostGrammar.cs).
    private static readonly string[] Keys = Grammar.CostGrammar.Cost.KeyNames;
    private static readonly string[] CreditKeys = Grammar.CostGrammar.SlaCredit.KeyNames;
    private static readonly string[] TierKeys = Grammar.CostGrammar.CreditTier.KeyNames;
    private static readonly string[] PriceKinds = ["example", "user"];

    /// <summary>The <c>cost:</c> section of <paramref name="root"/>, or null when it has none; problems go to <paramref name="bag"/>.</summary>
    public static CostModel? Read(MapNode root, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bag);
        if (root.Get(Field) is not { } node)
        {
            return null;
        }

        if (bag.Capture(() => node.AsMap()) is not { } map)
        {
            return null;
        }

        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(Keys));
        string prices = bag.Capture(() => Choice(map.RequiredScalar("prices"), PriceKinds)) ?? "user";
        string currency = bag.Capture(() => Currency(map.RequiredScalar("currency"))) ?? "";
        double Price(string key) => map.Get(key) is { } n ? bag.Capture(() => Amount(n.AsScalar())) : 0;
        double server = Price("server_vm_per_hour");
        double standby = Price("standby_vm_per_hour");
        double warm = Price("warm_pool_vm_per_hour");
        double spare = Price("spare_slot_per_hour");
        double storage = Price("storage_per_gb_month");
        double bill = 0;
        IReadOnlyList<CreditTier>? tiers = null;
        if (map.Get("sla_credit") is { } creditNode && bag.Capture(() => creditNode.AsMap()) is { } credit)
        {
            bag.AddRange(credit.FindUnknownKeys(CreditKeys));
            bill = bag.Capture(() => Amount(credit.RequiredScalar("monthly_bill")));
            if (credit.Get("tiers") is { } tiersNode && bag.Capture(() => tiersNode.AsSeq()) is { } seq)
            {
                tiers = ReadTiers(seq, bag);
            }
        }

        return bag.Diagnostics.Count > before ? null
            : new CostModel(prices, currency, server, standby, warm, spare, storage, bill, tiers, string.Create(CultureInfo.InvariantCulture, $"{node.FilePath}:{node.Line}"));
    }

    /// <summary>The <c>cost:</c> section of the file at <paramref name="path"/>, or null when it has none.</summary>
    /// <exception cref="ScenarioException">The section is not valid.</exception>
    public static CostModel? Load(string path)
    {
        var bag = new DiagnosticBag();
        var cost = Read(YamlDocumentReader.Load(path), bag);
        bag.ThrowIfAny();
        return cost;
    }

    private static List<CreditTier>? ReadTiers(SeqNode seq, DiagnosticBag bag)
    {
        var tiers = new List<CreditTier>();
        int before = bag.Diagnostics.Count;
        if (seq.Count == 0)
        {
            bag.Add(seq.Diagnostic("a credit policy needs at least one tier", "write e.g. '- {uptime_below: 99.95%, credit: 10%}'"));
        }

        foreach (var item in seq.Items)
        {
            if (bag.Capture(() => item.AsMap()) is not { } tier)
            {
                continue;
            }

            bag.AddRange(tier.FindUnknownKeys(TierKeys));
            double below = bag.Capture(() => tier.RequiredScalar("uptime_below").AsFraction());
            double credit = bag.Capture(() => tier.RequiredScalar("credit").AsFraction());
            if (tiers.Count > 0 && below >= tiers[^1].UptimeBelow && tier.Get("uptime_below") is { } at)
            {
                bag.Add(at.Diagnostic("tiers must be listed from the highest uptime threshold down", "put the tier with the highest 'uptime_below' first"));
            }

            tiers.Add(new CreditTier(below, credit));
        }

        return bag.Diagnostics.Count > before ? null : tiers;
    }

    private static double Amount(ScalarNode node)
    {
        double value = node.AsNumber();
        if (!(value >= 0) || value > MaxPrice)
        {
            throw node.Error($"'{node.Value}' is not a price", string.Create(CultureInfo.InvariantCulture, $"write a plain number from 0 to {MaxPrice:0e0} in the section's currency, e.g. 0.25"));
        }

        return value;
    }

    private static string Currency(ScalarNode node)
    {
        string text = node.Value.Trim();
        return text.Length is >= 1 and <= 8 && text.All(char.IsAsciiLetterUpper)
            ? text
            : throw node.Error($"'{node.Value}' is not a currency code", "write an upper-case code such as USD or EUR");
    }

    private static string Choice(ScalarNode node, string[] choices)
    {
        string text = node.Value.Trim();
        return choices.Contains(text, StringComparer.Ordinal)
            ? text
            : throw node.Error($"'{node.Value}' is not one of {string.Join(", ", choices)}", "'example' marks shipped example prices (not vendor quotes), 'user' your own");
    }
}
