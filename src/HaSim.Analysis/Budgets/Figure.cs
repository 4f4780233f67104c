using System.Globalization;
using HaSim.Model.Metrics;
using HaSim.Model.Names;
using HaSim.Model.Parameters;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// What a goal measures: a statistic of a metric from the metric table (per incident, or per
/// replication for run metrics), or a figure of simulated years; optionally of a stage or degraded
/// kind (<c>of</c>) and narrowed to one failure mode (<c>in</c>).
/// </summary>
public sealed record Figure
{
    private Figure(Statistic? statistic, Metric? metric, YearFigure? year, TypedName? subject, FailureMode? mode)
    {
        Statistic = statistic;
        Metric = metric;
        Year = year;
        Subject = subject;
        Mode = mode;
    }

    /// <summary>The statistic, for a metric figure.</summary>
    public Statistic? Statistic { get; }

    /// <summary>The metric, for a metric figure.</summary>
    public Metric? Metric { get; }

    /// <summary>The year figure, for a figure of simulated years.</summary>
    public YearFigure? Year { get; }

    /// <summary>The stage or degraded kind the figure is of, if any.</summary>
    public TypedName? Subject { get; }

    /// <summary>The failure mode the figure is narrowed to, if any.</summary>
    public FailureMode? Mode { get; }

    /// <summary>Whether the figure needs simulated years of random failures (a year figure).</summary>
    public bool NeedsYears => Year is not null;

    /// <summary>The unit of the figure's value.</summary>
    public FigureUnit Unit => Year?.Unit ?? (Statistic!.IsProbability ? FigureUnit.Fraction : UnitOf(Metric!.Unit));

    /// <summary>
    /// The canonical text of the figure, stable across versions (baselines key on it): metric and
    /// names by key, thresholds in base units, e.g. <c>p99 rto in primary_failure</c>, <c>P(rto &gt; 120 s)</c>,
    /// <c>degraded_per_year of cold_cache</c>.
    /// </summary>
    public string Key => Describe(n => n.Key, Canonical);

    /// <summary>The figure for people: labels, thresholds formatted, e.g. <c>p99 client RTO in primary failure</c>.</summary>
    public string Label => Describe(n => n.Label, Readable);

    /// <summary>A statistic of a metric.</summary>
    /// <exception cref="ArgumentException">The subject does not fit the metric, or a failure mode narrows a figure that cannot be.</exception>
    public static Figure Of(Statistic statistic, Metric metric, TypedName? subject = null, FailureMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(metric);
        if ((metric.Subject == MetricSubject.None) != (subject is null))
        {
            throw new ArgumentException($"Metric '{metric.Key}' {(subject is null ? "needs" : "takes no")} subject.", nameof(subject));
        }

        if (mode is not null && metric.Key == MetricTable.Degraded.Key)
        {
            throw new ArgumentException("Degraded time is a whole-database figure and cannot be narrowed to a failure mode.", nameof(mode));
        }

        return new Figure(statistic, metric, null, subject, mode);
    }

    /// <summary>A figure of simulated years.</summary>
    /// <exception cref="ArgumentException">The degraded kind or failure mode does not fit the figure.</exception>
    public static Figure Of(YearFigure year, DegradedKind? kind = null, FailureMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (year.TakesDegradedKind != (kind is not null))
        {
            throw new ArgumentException($"'{year.Key}' {(kind is null ? "needs" : "takes no")} degraded kind.", nameof(kind));
        }

        if (mode is not null && !year.TakesFailureMode)
        {
            throw new ArgumentException($"'{year.Key}' cannot be narrowed to a failure mode.", nameof(mode));
        }

        return new Figure(null, null, year, kind, mode);
    }

    /// <summary>The figure unit of a metric unit.</summary>
    public static FigureUnit UnitOf(MetricUnit unit) => unit switch
    {
        MetricUnit.Seconds => FigureUnit.Seconds,
        MetricUnit.Bytes => FigureUnit.Bytes,
        _ => FigureUnit.Count,
    };

    /// <inheritdoc/>
    public override string ToString() => Key;

    private string Describe(Func<TypedName, string> name, Func<double, MetricUnit, string> threshold)
    {
        string of = Subject is null ? "" : " of " + name(Subject);
        string @in = Mode is null ? "" : " in " + name(Mode);
        if (Year is not null)
        {
            return name(Year) + of + @in;
        }

        string metric = name(Metric!) + of;
        return Statistic!.Kind switch
        {
            StatisticKind.Mean => "mean " + metric + @in,
            StatisticKind.Max => "max " + metric + @in,
            StatisticKind.Quantile => Statistic.QuantileName(Statistic.Parameter) + " " + metric + @in,
            StatisticKind.Exceeds => $"P({metric} > {threshold(Statistic.Parameter, Metric!.Unit)}){@in}",
            _ => $"P({metric} = 0){@in}",
        };
    }

    private static string Canonical(double value, MetricUnit unit)
    {
        string number = value.ToString("R", CultureInfo.InvariantCulture);
        return unit switch
        {
            MetricUnit.Seconds => number + " s",
            MetricUnit.Bytes => number + " B",
            _ => number,
        };
    }

    private static string Readable(double value, MetricUnit unit) => unit switch
    {
        MetricUnit.Seconds => Units.FormatSeconds(value),
        MetricUnit.Bytes => Units.FormatBytes(value),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
