using HaSim.Model.Names;

namespace HaSim.Model.Metrics;

/// <summary>Every metric, declared once. Adding a metric touches this file (and its documentation).</summary>
public static class MetricTable
{
    /// <summary>Client-observed recovery time: fault to the clients' first successful reconnect (the headline RTO).</summary>
    public static Metric Rto { get; } = Metric.PerIncident("rto", "client RTO", MetricUnit.Seconds,
        "fault to the clients' first successful reconnect, after DNS and their retry policy", i => i.RtoSeconds);

    /// <summary>Server-side recovery time.</summary>
    public static Metric ServerRto { get; } = Metric.PerIncident("server_rto", "server RTO", MetricUnit.Seconds,
        "fault to the moment the server side serves again", i => i.ServerRtoSeconds);

    /// <summary>Time to detection.</summary>
    public static Metric Detection { get; } = Metric.PerIncident("detection", "detection", MetricUnit.Seconds,
        "fault to the platform noticing it", i => i.DetectionSeconds);

    /// <summary>Committed data lost, bytes.</summary>
    public static Metric RpoBytes { get; } = Metric.PerIncident("rpo_bytes", "RPO", MetricUnit.Bytes,
        "committed WAL the recovered database no longer has", i => i.RpoBytes);

    /// <summary>Committed data lost, seconds of commits.</summary>
    public static Metric RpoSeconds { get; } = Metric.PerIncident("rpo_seconds", "RPO time", MetricUnit.Seconds,
        "the same loss as a span of commits", i => i.RpoSeconds);

    /// <summary>Transactions in flight aborted by the failure.</summary>
    public static Metric AbortedTransactions { get; } = Metric.PerIncident("aborted_transactions", "aborted transactions", MetricUnit.Count,
        "transactions in flight when the service was lost, to be retried", i => i.TransactionsAborted);

    /// <summary>The time of one recovery stage in an incident.</summary>
    public static Metric Stage { get; } = Metric.PerIncident("stage", "stage time", MetricUnit.Seconds, MetricSubject.Stage,
        "the total time of the named recovery stage in the incident", (i, s) => i.StageSeconds((StageId)s!));

    /// <summary>Incidents in the run.</summary>
    public static Metric Incidents { get; } = Metric.PerRun("incidents", "incidents", MetricUnit.Count, MetricSubject.None,
        "incidents in the run", (incidents, _, _) => incidents.Count);

    /// <summary>Degraded time of one kind in the run.</summary>
    public static Metric Degraded { get; } = Metric.PerRun("degraded", "degraded time", MetricUnit.Seconds, MetricSubject.Degraded,
        "the total degraded time of the named kind in the run", (_, degraded, kind) => degraded.Where(d => ReferenceEquals(d.Kind, kind)).Sum(d => d.DurationSeconds));

    /// <summary>Every metric.</summary>
    public static NameSet<Metric> All { get; } = new([Rto, ServerRto, Detection, RpoBytes, RpoSeconds, AbortedTransactions, Stage, Incidents, Degraded]);

    /// <summary>The per-incident metrics that take no subject, in report order: what Monte Carlo accumulates per failure mode.</summary>
    public static IReadOnlyList<Metric> IncidentFigures { get; } = [Rto, ServerRto, Detection, RpoBytes, RpoSeconds, AbortedTransactions];
}
