using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>A stage that has begun and not yet ended, with the incident it belongs to (null for background work).</summary>
/// <param name="Id">A number unique within the run of the simulation: which stage this is.</param>
/// <param name="Stage">Which stage.</param>
/// <param name="StartSeconds">When it began.</param>
/// <param name="Scope">Whether it counts towards downtime.</param>
/// <param name="Incident">The incident open when it began; null for background stages (and, a model bug, for an incident stage begun while serving).</param>
/// <param name="Detector">For a detection stage, what detects the failure when it ends.</param>
/// <param name="IncidentNumber">The number of <paramref name="Incident"/> when it began (a reused incident object has another number by the time it is another incident).</param>
public readonly record struct ActiveStage(long Id, StageId Stage, double StartSeconds, StageScope Scope, Incident? Incident, string? Detector, int IncidentNumber = 0)
{
    /// <summary>The incident it belongs to if that incident is still open.</summary>
    public Incident? OpenIncident => Incident is { IsClosed: false } incident && incident.Number == IncidentNumber ? incident : null;
}
