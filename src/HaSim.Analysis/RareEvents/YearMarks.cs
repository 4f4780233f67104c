using HaSim.Model.Incidents;
using HaSim.Model.Parameters;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// Within one replication, counts the whole years (spans of a year from t = 0; a trailing partial year
/// is not a year) in which each of a few <see cref="RareEvent"/>s happened, an incident counting for
/// the year it began in. Incidents arrive in start order, so a year is counted once with one comparison.
/// Reused across replications: <see cref="Begin"/> clears it; nothing is allocated per incident.
/// </summary>
public sealed class YearMarks
{
    private readonly RareEvent[] _events;
    private readonly long[] _lastYear;
    private readonly long[] _years;
    private readonly double _horizon;
    private readonly long _wholeYears;
    private readonly string? _failureMode;

    /// <summary>Marks <paramref name="events"/> in replications of <paramref name="years"/> years, counting only incidents of <paramref name="failureMode"/> if given.</summary>
    public YearMarks(IReadOnlyList<RareEvent> events, double years, string? failureMode = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        _lastYear = new long[_events.Length];
        _years = new long[_events.Length];
        _horizon = years * Units.SecondsPerYear;
        _wholeYears = WholeYears(years);
        _failureMode = failureMode;
        Begin();
    }

    /// <summary>Whole years in a replication of <paramref name="years"/> years.</summary>
    public static long WholeYears(double years) => (long)Math.Floor(years + 1e-9);

    /// <summary>Whole years per replication: the trials each replication adds.</summary>
    public long YearsPerReplication => _wholeYears;

    /// <summary>The events marked, in order.</summary>
    public IReadOnlyList<RareEvent> Events => _events;

    /// <summary>Starts a replication.</summary>
    public void Begin()
    {
        Array.Fill(_lastYear, -1);
        Array.Clear(_years);
    }

    /// <summary>Marks the years <paramref name="incident"/> makes count.</summary>
    public void Record(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        long year = (long)Math.Floor(Math.Max(0, incident.StartSeconds) / Units.SecondsPerYear);
        if (year >= _wholeYears || (_failureMode is not null && !string.Equals(incident.FailureMode.Key, _failureMode, StringComparison.Ordinal)))
        {
            return;
        }

        double rpoBytes = incident.RpoBytes;
        double down = RareEvent.ClientDownSeconds(incident, _horizon);
        for (int k = 0; k < _events.Length; k++)
        {
            if (_lastYear[k] != year && _events[k].IsMetBy(rpoBytes, down))
            {
                _lastYear[k] = year;
                _years[k]++;
            }
        }
    }

    /// <summary>The years of this replication in which event <paramref name="k"/> happened.</summary>
    public long YearsWith(int k) => _years[k];
}
