namespace HaSim.Model.Workflows;

/// <summary>Whether a workflow's stages are on the path back to service or happen in the background.</summary>
public enum StageScope
{
    /// <summary>The stages belong to the incident open when they begin and count towards its downtime.</summary>
    Incident,

    /// <summary>The stages belong to no incident and never count as downtime (rebuilding a standby, replacing a safekeeper).</summary>
    Background,
}
