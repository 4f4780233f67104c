using HaSim.Kernel.Distributions;
using HaSim.Model.Faults;
using HaSim.Model.Names;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;

namespace HaSim.Model.Failures;

/// <summary>
/// A class of random failures: every target of <see cref="Families"/> fails with time between failures
/// drawn from <see cref="Interval"/> (a renewal process per target, on its own named stream), and, for
/// outages and hangs, lasts a draw of <see cref="Duration"/>.
/// </summary>
public sealed class FailureProcess
{
    /// <summary>Declares a failure process; its parameters are <c>failures.{key}.interval</c> (and <c>.duration</c>).</summary>
    public FailureProcess(string key, string description, FaultKind kind, IReadOnlyList<TargetFamily> families, bool hasDuration, FailureMode? mode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Description = description;
        Kind = kind;
        Families = families;
        Mode = mode;
        Interval = Declare.Duration($"failures.{key}.interval", $"time between {description} events, per component; 0 s disables them");
        Duration = hasDuration ? Declare.Duration($"failures.{key}.duration", $"how long a {description} lasts") : null;
    }

    /// <summary>The process's key, e.g. <c>node_failure</c>; its random streams are <c>failures/{key}/{target}</c>.</summary>
    public string Key { get; }

    /// <summary>What fails.</summary>
    public string Description { get; }

    /// <summary>The fault injected.</summary>
    public FaultKind Kind { get; }

    /// <summary>The target families it strikes (every target of each).</summary>
    public IReadOnlyList<TargetFamily> Families { get; }

    /// <summary>The failure mode its incidents count as; null: the route's default.</summary>
    public FailureMode? Mode { get; }

    /// <summary>Time between failures, per target.</summary>
    public Parameter<Distribution> Interval { get; }

    /// <summary>How long an outage or hang lasts (null for faults a recovery workflow undoes).</summary>
    public Parameter<Distribution>? Duration { get; }

    /// <summary>The parameters it reads.</summary>
    public IEnumerable<Parameter> Parameters => Duration is null ? [Interval] : [Interval, Duration];

    /// <summary>True if the process strikes <paramref name="target"/>.</summary>
    public bool Strikes(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Families.Contains(target.Family) && target.Faults.Contains(Kind);
    }
}
