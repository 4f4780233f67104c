using HaSim.Kernel.Distributions;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>
/// One step of a recovery workflow, run by the <see cref="StageRunner"/>: a stage lasting a drawn or
/// computed time, a stage that waits until a condition holds, a nested workflow, or an instant
/// action. Workflows are data, so a recovery reads as the seed's step table does.
/// </summary>
public abstract class WorkflowStep
{
    private protected WorkflowStep()
    {
    }

    /// <summary>What this step needs while it runs, beyond its run's dependencies (null: nothing more): the run is cancelled when it stops holding.</summary>
    public Func<bool>? Requirement { get; private set; }

    /// <summary>This step, needing <paramref name="requirement"/> to hold while it runs (a stage that needs a zone to start compute in, say).</summary>
    public WorkflowStep While(Func<bool> requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Requirement = requirement;
        return this;
    }

    /// <summary>A stage lasting a draw of <paramref name="duration"/>.</summary>
    public static WorkflowStep Stage(StageId stage, Distribution duration) => new TimedStep(stage, duration, null);

    /// <summary>A detection stage: lasts a draw of <paramref name="duration"/>, then marks the failure detected by <paramref name="detector"/>.</summary>
    public static WorkflowStep Detect(StageId stage, Distribution duration, string detector) => new TimedStep(stage, duration, detector);

    /// <summary>A stage whose length in seconds is computed when it begins (for example WAL to replay over a rate).</summary>
    public static WorkflowStep Computed(StageId stage, Func<double> seconds) => new ComputedStep(stage, seconds);

    /// <summary>A stage that lasts until <paramref name="condition"/> holds (re-checked whenever the system's state changes); skipped if it holds already.</summary>
    public static WorkflowStep WaitUntil(StageId stage, Func<bool> condition) => new WaitStep(stage, condition);

    /// <summary>The steps of <paramref name="workflow"/>, run in place (its stages are this run's).</summary>
    public static WorkflowStep Nested(Workflow workflow) => new NestedStep(workflow);

    /// <summary>An instant action, such as moving the endpoint or promoting a server.</summary>
    public static WorkflowStep Do(Action action) => new ActionStep(action);

    internal sealed class TimedStep(StageId stage, Distribution duration, string? detector) : WorkflowStep
    {
        public StageId StageId { get; } = stage;

        public Distribution Duration { get; } = duration;

        public string? Detector { get; } = detector;
    }

    internal sealed class ComputedStep(StageId stage, Func<double> seconds) : WorkflowStep
    {
        public StageId StageId { get; } = stage;

        public Func<double> Seconds { get; } = seconds;
    }

    internal sealed class WaitStep(StageId stage, Func<bool> condition) : WorkflowStep
    {
        public StageId StageId { get; } = stage;

        public Func<bool> Condition { get; } = condition;
    }

    internal sealed class NestedStep(Workflow workflow) : WorkflowStep
    {
        public Workflow Workflow { get; } = workflow;
    }

    internal sealed class ActionStep(Action action) : WorkflowStep
    {
        public Action Action { get; } = action;
    }
}
