using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;

namespace HaSim.Analysis.Sweeps;

/// <summary>
/// The expected SLA credit per database-month, as a fraction of the monthly bill: each database's
/// downtime (an incident's start until clients are back) in each month, turned into that month's credit
/// by the tiers. With random failures the months are the replication's calendar months; a replay of a
/// scripted timeline counts as the one month it falls in. The sample unit is the replication (its
/// databases share failures), summed exactly, so the estimate is the same for any thread count.
/// </summary>
internal sealed class CreditTally
{
    private const double QuantaPerUnit = 1e12;

    private readonly ServiceLevel[] _levelOf;
    private readonly long _months;
    private readonly double _horizon;
    private readonly Dictionary<long, double> _down = [];

    /// <param name="levelOf">Each database's credit tiers, by database index.</param>
    /// <param name="months">Whole months per replication, or 0 for a scripted replay (one month).</param>
    /// <param name="horizonSeconds">When a replication ends (incidents still open end there).</param>
    public CreditTally(ServiceLevel[] levelOf, long months, double horizonSeconds)
    {
        _levelOf = levelOf;
        _months = months;
        _horizon = horizonSeconds;
    }

    /// <summary>Per replication: the mean credit fraction over its database-months.</summary>
    public ExactSum PerReplication { get; private set; } = new(QuantaPerUnit);

    /// <summary>An empty tally of the same shape.</summary>
    public CreditTally Empty() => new(_levelOf, _months, _horizon);

    /// <summary>A replication begins.</summary>
    public void Begin() => _down.Clear();

    /// <summary>Database <paramref name="database"/>'s incident closed.</summary>
    public void OnIncident(int database, Incident incident)
    {
        double start = Math.Max(0, incident.StartSeconds);
        double end = Math.Min(incident.ClientRestoredSeconds ?? _horizon, _horizon);
        if (_months == 0)
        {
            Add(database, 0, Math.Max(0, end - start));
            return;
        }

        // Split the downtime over the calendar months it spans; months beyond the last whole one are not counted.
        while (start < end)
        {
            long month = (long)Math.Floor(start / Units.SecondsPerMonth);
            if (month >= _months)
            {
                break;
            }

            double monthEnd = Math.Min(end, (month + 1) * Units.SecondsPerMonth);
            Add(database, month, monthEnd - start);
            start = monthEnd;
        }
    }

    /// <summary>The replication ended: adds its mean credit.</summary>
    public void Complete()
    {
        double credit = 0;
        foreach (var (key, down) in _down.OrderBy(e => e.Key))
        {
            int database = (int)(key / Math.Max(1, _months));
            credit += _levelOf[database].CreditFor(1 - Math.Min(1, down / Units.SecondsPerMonth));
        }

        PerReplication.Add(credit / ((double)_levelOf.Length * Math.Max(1, _months)));
    }

    /// <summary>Adds another tally's replications.</summary>
    public void Merge(CreditTally other) => PerReplication.Merge(other.PerReplication);

    /// <summary>The expected credit fraction per database-month over <paramref name="replications"/>, with its t interval.</summary>
    public Estimate Estimate(long replications, double level) => MonteCarlo.Estimate.Mean(PerReplication, replications, level, nonNegative: true);

    private void Add(int database, long month, double seconds)
    {
        long key = (database * Math.Max(1, _months)) + month;
        _down[key] = _down.GetValueOrDefault(key) + seconds;
    }
}
