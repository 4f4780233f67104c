namespace HaSim.Model.Names;

/// <summary>
/// What an incident is counted as, e.g. <c>primary_failure</c> or <c>az_outage</c>: the failure that
/// opened it. Random failure processes and scripted faults both name one.
/// </summary>
public sealed class FailureMode(string key, string label) : TypedName(key, label);
