namespace HaSim.Model.Incidents;

/// <summary>One line of a run's event trace.</summary>
/// <param name="TimeSeconds">Simulated time.</param>
/// <param name="Kind">What happened: fault, detected, stage-start, stage-end, service-down, service-up, client-up, degraded-start, degraded-end, note.</param>
/// <param name="Subject">The component or workflow concerned.</param>
/// <param name="Detail">A readable description.</param>
public sealed record TraceRecord(double TimeSeconds, string Kind, string Subject, string Detail);
