using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Analysis.RareEvents;

/// <summary>Over what a rare-event probability is stated.</summary>
public enum RareEventPeriod
{
    /// <summary>A simulated year (each replication cut into whole years from t = 0).</summary>
    Year,

    /// <summary>A calendar month of the SLA arithmetic.</summary>
    Month,
}

/// <summary>
/// A rare event whose probability every Monte Carlo summary states and the accelerated estimator
/// (<c>hasim run --rare KEY</c>) targets: a year with committed data lost, a year with an outage longer
/// than a threshold, a month below the SLA; each named by a stable key.
/// </summary>
public sealed class RareEvent : TypedName
{
    private RareEvent(string key, string label, RareEventPeriod period, RedundancyKind importance, double outageSeconds = double.NaN)
        : base(key, label)
    {
        Period = period;
        Importance = importance;
        OutageSeconds = outageSeconds;
    }

    /// <summary>A year in which some committed data was lost (an incident with RPO &gt; 0 began in it).</summary>
    public static RareEvent DataLoss { get; } = new("data_loss", "a year with data loss", RareEventPeriod.Year, RedundancyKind.Data);

    /// <summary>A year with an incident whose clients were down more than 15 minutes.</summary>
    public static RareEvent OutageOver15Minutes { get; } = new("outage_over_15_min", "a year with an outage over 15 min", RareEventPeriod.Year, RedundancyKind.Service, 15 * 60);

    /// <summary>A year with an incident whose clients were down more than an hour.</summary>
    public static RareEvent OutageOver1Hour { get; } = new("outage_over_1_h", "a year with an outage over 1 h", RareEventPeriod.Year, RedundancyKind.Service, 3600);

    /// <summary>A year with an incident whose clients were down more than four hours.</summary>
    public static RareEvent OutageOver4Hours { get; } = new("outage_over_4_h", "a year with an outage over 4 h", RareEventPeriod.Year, RedundancyKind.Service, 4 * 3600);

    /// <summary>A year with any incident (with a failure mode named: an incident of that mode, e.g. <c>wal_quorum_lost</c>).</summary>
    public static RareEvent AnyIncident { get; } = new("incident", "a year with an incident", RareEventPeriod.Year, RedundancyKind.Service, 0);

    /// <summary>A month whose uptime is below the SLA target.</summary>
    public static RareEvent SlaMiss { get; } = new("sla_miss", "a month below the SLA", RareEventPeriod.Month, RedundancyKind.Service);

    /// <summary>The year-level events a Monte Carlo summary counts, in report order.</summary>
    public static IReadOnlyList<RareEvent> YearEvents { get; } = [DataLoss, OutageOver15Minutes, OutageOver1Hour, OutageOver4Hours];

    /// <summary>Every event the accelerated estimator can target.</summary>
    public static NameSet<RareEvent> All { get; } = new([DataLoss, OutageOver15Minutes, OutageOver1Hour, OutageOver4Hours, AnyIncident, SlaMiss]);

    /// <summary>Whether the probability is per year or per month.</summary>
    public RareEventPeriod Period { get; }

    /// <summary>The redundancy the accelerated estimator's importance function counts for this event.</summary>
    public RedundancyKind Importance { get; }

    /// <summary>For outage events, the client downtime an incident must exceed (0 for any incident); NaN otherwise.</summary>
    public double OutageSeconds { get; }

    /// <summary>
    /// Whether <paramref name="incident"/> makes its year count for this year-level event, the run ending at
    /// <paramref name="horizonSeconds"/> (an incident not recovered by then is down to the end).
    /// </summary>
    public bool IsMetBy(Incident incident, double horizonSeconds)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return IsMetBy(incident.RpoBytes, ClientDownSeconds(incident, horizonSeconds));
    }

    /// <summary>
    /// <see cref="IsMetBy(Incident, double)"/> for an incident that lost <paramref name="rpoBytes"/> with
    /// its clients down <paramref name="clientDownSeconds"/> (see <see cref="ClientDownSeconds"/>):
    /// for callers testing several events against one incident, which read it once.
    /// </summary>
    internal bool IsMetBy(double rpoBytes, double clientDownSeconds)
    {
        if (ReferenceEquals(this, DataLoss))
        {
            return rpoBytes > 0;
        }

        if (double.IsNaN(OutageSeconds))
        {
            return false;
        }

        return OutageSeconds == 0 || clientDownSeconds > OutageSeconds;
    }

    /// <summary>How long <paramref name="incident"/>'s clients were down, to the end of the run at <paramref name="horizonSeconds"/> if not recovered.</summary>
    internal static double ClientDownSeconds(Incident incident, double horizonSeconds) =>
        (incident.ClientRestoredSeconds ?? horizonSeconds) - incident.StartSeconds;
}
