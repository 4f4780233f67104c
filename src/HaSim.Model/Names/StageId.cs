namespace HaSim.Model.Names;

/// <summary>A recovery stage: one step of a recovery workflow, e.g. <c>promote_standby</c>.</summary>
public sealed class StageId(string key, string label) : TypedName(key, label);
