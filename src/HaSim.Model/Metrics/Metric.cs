using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Model.Metrics;

/// <summary>The unit a metric is measured in.</summary>
public enum MetricUnit
{
    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Bytes.</summary>
    Bytes,

    /// <summary>A count.</summary>
    Count,
}

/// <summary>What a metric is read from.</summary>
public enum MetricScope
{
    /// <summary>Each incident has a value (client RTO, RPO, a stage's time).</summary>
    Incident,

    /// <summary>A whole run has a value (incidents, degraded time).</summary>
    Run,
}

/// <summary>What a metric's <c>of:</c> names, if anything.</summary>
public enum MetricSubject
{
    /// <summary>The metric takes no subject.</summary>
    None,

    /// <summary>A recovery stage of the architecture.</summary>
    Stage,

    /// <summary>A degraded kind of the architecture.</summary>
    Degraded,
}

/// <summary>
/// One metric HaSim reports, declared once with its key (as written in <c>expect:</c> and budget
/// files, and in JSON), label, unit and how it is read. Expectations, Monte Carlo accumulators,
/// comparisons, JSON, CSV and text reports all iterate <see cref="MetricTable"/>.
/// </summary>
public sealed class Metric : TypedName
{
    private readonly Func<Incident, TypedName?, double?>? _incident;
    private readonly Func<Incident, double?>? _plain;
    private readonly Func<IReadOnlyList<Incident>, IReadOnlyList<DegradedInterval>, TypedName?, double?>? _run;

    private Metric(string key, string label, MetricUnit unit, MetricSubject subject, string description,
        Func<Incident, TypedName?, double?>? incident, Func<IReadOnlyList<Incident>, IReadOnlyList<DegradedInterval>, TypedName?, double?>? run, Func<Incident, double?>? plain = null)
        : base(key, label)
    {
        _plain = plain;
        Unit = unit;
        Subject = subject;
        Description = description;
        _incident = incident;
        _run = run;
    }

    /// <summary>Its unit.</summary>
    public MetricUnit Unit { get; }

    /// <summary>Per incident or per run.</summary>
    public MetricScope Scope => _incident is not null ? MetricScope.Incident : MetricScope.Run;

    /// <summary>What its <c>of:</c> names.</summary>
    public MetricSubject Subject { get; }

    /// <summary>What it measures.</summary>
    public string Description { get; }

    /// <summary>The column name in CSV outputs: the key with its unit, e.g. <c>rto_seconds</c>.</summary>
    public string Column => Unit switch
    {
        MetricUnit.Seconds when !Key.EndsWith("_seconds", StringComparison.Ordinal) => Key + "_seconds",
        MetricUnit.Bytes when !Key.EndsWith("_bytes", StringComparison.Ordinal) => Key + "_bytes",
        _ => Key,
    };

    /// <summary>The value of an incident metric for <paramref name="incident"/> (null: it has none, e.g. not recovered).</summary>
    /// <exception cref="InvalidOperationException">This is a run metric.</exception>
    public double? Read(Incident incident, TypedName? subject = null) =>
        (_incident ?? throw new InvalidOperationException($"'{Key}' is a run metric.")).Invoke(incident, subject);

    /// <summary>The value of an incident metric that takes no subject for <paramref name="incident"/>: <see cref="Read(Incident, TypedName?)"/> with one delegate call fewer, for per-incident aggregation.</summary>
    /// <exception cref="InvalidOperationException">This metric is a run metric or takes a subject.</exception>
    public double? ReadPlain(Incident incident) =>
        (_plain ?? throw new InvalidOperationException($"'{Key}' is not an incident metric without a subject.")).Invoke(incident);

    /// <summary>The value of a run metric for a run's incidents and degraded intervals.</summary>
    /// <exception cref="InvalidOperationException">This is an incident metric.</exception>
    public double? Read(IReadOnlyList<Incident> incidents, IReadOnlyList<DegradedInterval> degraded, TypedName? subject = null) =>
        (_run ?? throw new InvalidOperationException($"'{Key}' is an incident metric.")).Invoke(incidents, degraded, subject);

    internal static Metric PerIncident(string key, string label, MetricUnit unit, string description, Func<Incident, double?> read) =>
        new(key, label, unit, MetricSubject.None, description, (i, _) => read(i), null, read);

    internal static Metric PerIncident(string key, string label, MetricUnit unit, MetricSubject subject, string description, Func<Incident, TypedName?, double?> read) =>
        new(key, label, unit, subject, description, read, null);

    internal static Metric PerRun(string key, string label, MetricUnit unit, MetricSubject subject, string description,
        Func<IReadOnlyList<Incident>, IReadOnlyList<DegradedInterval>, TypedName?, double?> read) =>
        new(key, label, unit, subject, description, null, read);
}
