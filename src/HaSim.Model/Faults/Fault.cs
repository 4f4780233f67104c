using HaSim.Model.Names;
using HaSim.Model.Topology;

namespace HaSim.Model.Faults;

/// <summary>One injected fault: at a time, on a target, of a kind, optionally lasting a duration.</summary>
/// <param name="AtSeconds">When it happens, in simulated seconds from the start.</param>
/// <param name="Target">The target in the architecture (e.g. the primary, az-1, safekeeper-2).</param>
/// <param name="Kind">What happens.</param>
/// <param name="DurationSeconds">For outages and hangs: how long until the target returns by itself; null = for the rest of the run.</param>
/// <param name="Origin">Where the fault came from (a scenario line, or a random failure process), for traces.</param>
/// <param name="Mode">The failure mode an incident it opens counts as; null = the default of the target and kind.</param>
public sealed record Fault(double AtSeconds, Target Target, FaultKind Kind, double? DurationSeconds = null, string? Origin = null, FailureMode? Mode = null)
{
    /// <summary>When it happens, in simulated seconds from the start.</summary>
    public double AtSeconds { get => _atSeconds; init => _atSeconds = value; }

    /// <summary>For outages and hangs: how long until the target returns by itself; null = for the rest of the run.</summary>
    public double? DurationSeconds { get => _durationSeconds; init => _durationSeconds = value; }

    private double _atSeconds = AtSeconds;
    private double? _durationSeconds = DurationSeconds;

    /// <summary>A description like "outage of az-1 for 30.0 min".</summary>
    public string Describe() =>
        DurationSeconds is { } d ? $"{Kind.FileName} of {Target.Label} for {Parameters.Units.FormatSeconds(d)}" : $"{Kind.FileName} of {Target.Label}";

    /// <inheritdoc/>
    public override string ToString() => Describe();

    /// <summary>Makes this the next occurrence of a recurring fault (see <see cref="Architectures.DatabaseSystem.InjectOccurrence"/>).</summary>
    internal void Renew(double atSeconds, double? durationSeconds)
    {
        _atSeconds = atSeconds;
        _durationSeconds = durationSeconds;
    }
}
