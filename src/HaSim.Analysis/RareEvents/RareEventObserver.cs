using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// Counts one rare event in one replication at a time (years with it, or months below the SLA) and weighs
/// each year by the likelihood ratio when its incident closed (a stopping time); months, decided only at
/// the end, by the ratio at the end.
/// </summary>
internal sealed class RareEventObserver : IRunObserver, ILikelihoodObserver
{
    private readonly YearMarks? _years;
    private readonly ReplicationTally? _months;
    private Func<double>? _logRatio;
    private double _weight;

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
        _logRatio = null;
        _weight = 0;
    }

    /// <inheritdoc/>
    public void OnRunStarted(Func<double> logLikelihoodRatioNow) => _logRatio = logLikelihoodRatioNow;

    /// <summary>Ends the replication: its count of the event, and its weight given the run's final log likelihood ratio.</summary>
    public (long Count, double Weight) Complete(double finalLogRatio)
    {
        if (_months is not null)
        {
            long missed = _months.Complete().MonthsMissed;
            return (missed, missed * Math.Exp(finalLogRatio));
        }

        return (_years!.YearsWith(0), _weight);
    }

    /// <inheritdoc/>
    public void OnIncidentClosed(Incident incident)
    {
        if (_years is not null)
        {
            long before = _years.YearsWith(0);
            _years.Record(incident);
            if (_years.YearsWith(0) > before)
            {
                _weight += Math.Exp(_logRatio?.Invoke() ?? 0);
            }
        }

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
