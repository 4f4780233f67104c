using HaSim.Model.Faults;

namespace HaSim.Model.Failures;

/// <summary>
/// A class of random failures: every component matching <see cref="TargetPattern"/> fails with
/// time between failures drawn from the <c>failures.{Name}.interval</c> parameter (a renewal
/// process per component), and, for outages and hangs, lasts a draw of <c>failures.{Name}.duration</c>.
/// </summary>
/// <param name="Name">The failure mode's key, e.g. <c>node_failure</c>; also its random stream's name.</param>
/// <param name="TargetPattern">A target name, or a prefix ending in '*' for every matching target (e.g. <c>az-*</c>).</param>
/// <param name="Kind">The fault injected.</param>
/// <param name="HasDuration">True if the fault lasts a duration drawn from <c>failures.{Name}.duration</c>.</param>
/// <param name="Description">What the failure is.</param>
public sealed record FailureProcessSpec(string Name, string TargetPattern, FaultKind Kind, bool HasDuration, string Description)
{
    /// <summary>The parameter key of the time between failures.</summary>
    public string IntervalKey => $"failures.{Name}.interval";

    /// <summary>The parameter key of the outage duration.</summary>
    public string DurationKey => $"failures.{Name}.duration";

    /// <summary>True if <paramref name="target"/> matches the pattern.</summary>
    public bool Matches(string target) =>
        TargetPattern.EndsWith('*') ? target.StartsWith(TargetPattern[..^1], StringComparison.Ordinal) : target == TargetPattern;
}
