namespace HaSim.Model.Presets;

/// <summary>A service-credit tier: a month whose uptime is below <paramref name="UptimeBelow"/> earns <paramref name="CreditFraction"/> of the bill.</summary>
/// <param name="UptimeBelow">Monthly uptime threshold, as a fraction.</param>
/// <param name="CreditFraction">Credit as a fraction of the monthly bill.</param>
public sealed record CreditTier(double UptimeBelow, double CreditFraction);
