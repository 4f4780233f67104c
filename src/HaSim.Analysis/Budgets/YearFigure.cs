using HaSim.Model.Names;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// A figure of a whole run of simulated years (random failures), as opposed to a statistic of a
/// metric's sample: availability, downtime and incidents per year, the monthly SLA, credits,
/// degraded time and the yearly chance of losing data. Declared once, with a stable key (written in
/// goals, baselines and JSON) and a label.
/// </summary>
public sealed class YearFigure : TypedName
{
    private YearFigure(string key, string label, FigureUnit unit, bool takesFailureMode, bool takesDegradedKind, double minimumYears, string description)
        : base(key, label)
    {
        Unit = unit;
        TakesFailureMode = takesFailureMode;
        TakesDegradedKind = takesDegradedKind;
        MinimumYears = minimumYears;
        Description = description;
    }

    /// <summary>1 − downtime / time, mean over replications (t interval); narrowed to a failure mode, only that mode's downtime counts.</summary>
    public static YearFigure Availability { get; } = new("availability", "availability", FigureUnit.Fraction, true, false, 0,
        "1 - client downtime / simulated time, t interval over replications");

    /// <summary>Client downtime per simulated year.</summary>
    public static YearFigure DowntimePerYear { get; } = new("downtime_per_year", "downtime per year", FigureUnit.SecondsPerYear, true, false, 0,
        "client downtime per simulated year, t interval over replications");

    /// <summary>Incidents per simulated year.</summary>
    public static YearFigure IncidentsPerYear { get; } = new("incidents_per_year", "incidents per year", FigureUnit.CountPerYear, true, false, 0,
        "incidents per simulated year, t interval over replications");

    /// <summary>P(a month's uptime is below the SLA target).</summary>
    public static YearFigure SlaMiss { get; } = new("sla_miss", "P(month misses SLA)", FigureUnit.Fraction, false, false, 1.0 / 12,
        "the probability that a month's uptime is below the preset's SLA target, Wilson interval over months");

    /// <summary>The expected service credit per month, as a fraction of the monthly bill.</summary>
    public static YearFigure ExpectedCredit { get; } = new("expected_credit", "expected credit per month", FigureUnit.Fraction, false, false, 1.0 / 12,
        "the mean service credit per month (fraction of the bill), t interval over months");

    /// <summary>Degraded time of one kind per simulated year.</summary>
    public static YearFigure DegradedPerYear { get; } = new("degraded_per_year", "degraded time per year", FigureUnit.SecondsPerYear, false, true, 0,
        "degraded time of the kind named by 'of' per simulated year, t interval over replications");

    /// <summary>P(a year has an incident that loses committed data).</summary>
    public static YearFigure DataLossYear { get; } = new("data_loss_year", "P(data loss in a year)", FigureUnit.Fraction, true, false, 1,
        "the probability that a year has an incident losing committed data (RPO > 0), Wilson interval over years");

    /// <summary>Every year figure.</summary>
    public static NameSet<YearFigure> All { get; } = new([Availability, DowntimePerYear, IncidentsPerYear, SlaMiss, ExpectedCredit, DegradedPerYear, DataLossYear]);

    /// <summary>The unit of the figure.</summary>
    public FigureUnit Unit { get; }

    /// <summary>Whether the figure can be narrowed to one failure mode (<c>in MODE</c>).</summary>
    public bool TakesFailureMode { get; }

    /// <summary>Whether the figure names a degraded kind (<c>of KIND</c>).</summary>
    public bool TakesDegradedKind { get; }

    /// <summary>The shortest replication the figure is defined on (a whole month, a whole year), in years.</summary>
    public double MinimumYears { get; }

    /// <summary>What it measures and how its interval is made.</summary>
    public string Description { get; }
}
