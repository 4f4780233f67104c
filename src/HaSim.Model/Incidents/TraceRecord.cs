namespace HaSim.Model.Incidents;

/// <summary>One line of a run's event trace.</summary>
/// <param name="TimeSeconds">Simulated time.</param>
/// <param name="Kind">What happened: fault, detected, stage-start, stage-end, service-down, service-up, client-up, degraded-start, degraded-end, dns-update, data-loss, zone-down, zone-up, region-down, region-up, note.</param>
/// <param name="Subject">The component, stage, degraded kind or failure mode concerned: its key where it has one.</param>
/// <param name="Detail">A readable description (for a stage's end, its outcome).</param>
/// <param name="Incident">The incident the line belongs to, if any.</param>
/// <param name="DurationSeconds">For the end of a stage or a degraded interval, how long it lasted.</param>
public sealed record TraceRecord(double TimeSeconds, string Kind, string Subject, string Detail, int? Incident = null, double? DurationSeconds = null);
