using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>A stage that has begun and not yet ended, with the incident it belongs to (null for background work).</summary>
public sealed class ActiveStage
{
    internal ActiveStage(StageId stage, double startSeconds, StageScope scope, Incident? incident)
    {
        Stage = stage;
        StartSeconds = startSeconds;
        Scope = scope;
        Incident = incident;
    }

    /// <summary>Which stage.</summary>
    public StageId Stage { get; }

    /// <summary>When it began.</summary>
    public double StartSeconds { get; }

    /// <summary>Whether it counts towards downtime.</summary>
    public StageScope Scope { get; }

    /// <summary>The incident open when it began; null for background stages (and, a model bug, for an incident stage begun while serving).</summary>
    public Incident? Incident { get; }

    /// <summary>For a detection stage, what detects the failure when it ends.</summary>
    internal string? Detector { get; init; }
}
