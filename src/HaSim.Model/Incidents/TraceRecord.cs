namespace HaSim.Model.Incidents;

/// <summary>One line of a run's event trace.</summary>
/// <param name="TimeSeconds">Simulated time.</param>
/// <param name="Kind">What happened: fault, detected, stage-start, stage-end, service-down, service-up, client-up, degraded-start, degraded-end, dns-update, data-loss, zone-down, zone-up, region-down, region-up, note.</param>
/// <param name="Subject">The component, stage, degraded kind or failure mode concerned: its key where it has one.</param>
/// <param name="Detail">A readable description (for a stage's end, its outcome).</param>
/// <param name="Incident">The incident the line belongs to, if any.</param>
/// <param name="DurationSeconds">For the end of a stage or a degraded interval, how long it lasted; for a fault, how long it lasts (if it has a duration).</param>
/// <param name="Target">For a fault, its target's key as a scenario file writes it (e.g. <c>az-1</c>).</param>
/// <param name="Fault">For a fault, its kind as a scenario file writes it (e.g. <c>planned-failover</c>).</param>
public sealed record TraceRecord(double TimeSeconds, string Kind, string Subject, string Detail, int? Incident = null, double? DurationSeconds = null, string? Target = null, string? Fault = null);
