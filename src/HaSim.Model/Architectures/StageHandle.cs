using HaSim.Model.Incidents;

namespace HaSim.Model.Architectures;

/// <summary>A recovery stage in progress, remembering the incident it belongs to.</summary>
/// <param name="Name">The stage's name.</param>
/// <param name="StartSeconds">When it started.</param>
/// <param name="Incident">The incident open at its start, or null for background work.</param>
public sealed record StageHandle(string Name, double StartSeconds, Incident? Incident);
