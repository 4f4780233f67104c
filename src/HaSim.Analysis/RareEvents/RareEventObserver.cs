using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;

namespace HaSim.Analysis.RareEvents;

/// <summary>Counts one rare event in one replication at a time: years with it, or months below the SLA.</summary>
internal sealed class RareEventObserver : IRunObserver
{
    private readonly YearMarks? _years;
    private readonly ReplicationTally? _months;

    public RareEventObserver(RareEventSettings settings, MonteCarloSettings monteCarlo)
    {
        if (settings.Event.Period == RareEventPeriod.Month)
        {
            // Months need the union of client downtime the tally keeps; its figures go to a scratch accumulator.
            _months = new ReplicationTally(new MonteCarloAccumulator(monteCarlo));
        }
        else
        {
            _years = new YearMarks([settings.Event], settings.Years, settings.FailureMode);
        }
    }

    /// <inheritdoc/>
    public bool WantsTrace => false;

    public void Begin()
    {
        _years?.Begin();
        _months?.Begin();
    }

    /// <summary>Ends the replication: its count of the event.</summary>
    public long Complete() => _months is not null ? _months.Complete().MonthsMissed : _years!.YearsWith(0);

    /// <inheritdoc/>
    public void OnIncidentClosed(Incident incident)
    {
        _years?.Record(incident);
        _months?.Record(incident);
    }

    /// <inheritdoc/>
    public void OnDegraded(DegradedInterval interval)
    {
    }

    /// <inheritdoc/>
    public void OnTrace(TraceRecord record)
    {
    }
}
