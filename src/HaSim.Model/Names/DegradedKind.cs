namespace HaSim.Model.Names;

/// <summary>A kind of degraded time: the service is up, but e.g. with a cold cache or no standby.</summary>
public sealed class DegradedKind(string key, string label) : TypedName(key, label);
