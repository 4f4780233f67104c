using HaSim.Model.Parameters;

namespace HaSim.Model.Presets;

/// <summary>An uptime SLA: its monthly target and service-credit tiers, with their source.</summary>
/// <param name="CreditTiers">Tiers, highest threshold first; the lowest tier a month falls into applies.</param>
/// <param name="Source">Where the tiers come from.</param>
public sealed record ServiceLevel(IReadOnlyList<CreditTier> CreditTiers, ParameterSource Source)
{
    /// <summary>The credit a month with <paramref name="uptime"/> earns (0 if it met every threshold).</summary>
    public double CreditFor(double uptime)
    {
        double credit = 0;
        foreach (var tier in CreditTiers)
        {
            if (uptime < tier.UptimeBelow)
            {
                credit = Math.Max(credit, tier.CreditFraction);
            }
        }

        return credit;
    }
}
