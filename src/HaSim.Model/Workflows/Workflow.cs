using HaSim.Model.Incidents;

namespace HaSim.Model.Workflows;

/// <summary>
/// A recovery workflow as data: named steps in order, with the scope of its stages and the data
/// loss it may cause. Built once per system and run by the <see cref="StageRunner"/> any number of times.
/// </summary>
public sealed class Workflow
{
    /// <summary>Declares a workflow; <paramref name="requires"/> is what a run of it depends on (null: nothing beyond its steps).</summary>
    public Workflow(string name, StageScope scope, IReadOnlyList<WorkflowStep> steps, DataLossCause? mayLoseData = null, Func<WorkflowRun, bool>? requires = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        Name = name;
        Scope = scope;
        StepArray = [.. steps];
        Steps = Array.AsReadOnly(StepArray);
        MayLoseData = mayLoseData;
        Requires = requires;
    }

    /// <summary>
    /// What a run depends on, given the run (its subject, the subject's failure count when it began,
    /// its argument): the runner cancels the run as soon as this is false. Declared once with the
    /// workflow, so starting a run allocates nothing.
    /// </summary>
    public Func<WorkflowRun, bool>? Requires { get; }

    /// <summary>A short name for traces, e.g. "failover to the standby".</summary>
    public string Name { get; }

    /// <summary>Whether its stages count towards downtime.</summary>
    public StageScope Scope { get; }

    /// <summary>The steps.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>The steps as the array the runner walks (one load fewer per step than the read-only list).</summary>
    internal WorkflowStep[] StepArray { get; }

    /// <summary>The only way this workflow may lose committed data, if any (a restore from backup, an asynchronous failover).</summary>
    public DataLossCause? MayLoseData { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
