namespace HaSim.Model.Faults;

/// <summary>One injected fault: at a time, on a named target, of a kind, optionally lasting a duration.</summary>
/// <param name="AtSeconds">When it happens, in simulated seconds from the start.</param>
/// <param name="Target">The target's name in the architecture (e.g. <c>primary</c>, <c>az-1</c>, <c>safekeeper-2</c>).</param>
/// <param name="Kind">What happens.</param>
/// <param name="DurationSeconds">For outages and hangs: how long until the target returns by itself; null = for the rest of the run.</param>
/// <param name="Origin">Where the fault came from (a scenario line, or a random failure process), for traces.</param>
public sealed record Fault(double AtSeconds, string Target, FaultKind Kind, double? DurationSeconds = null, string? Origin = null)
{
    /// <summary>A description like "outage of az-1 for 30.0 min".</summary>
    public string Describe() =>
        DurationSeconds is { } d ? $"{Kind.Name()} of {Target} for {Parameters.Units.FormatSeconds(d)}" : $"{Kind.Name()} of {Target}";
}
