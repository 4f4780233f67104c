using HaSim.Kernel.Distributions;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>What a <see cref="WorkflowStep"/> does.</summary>
public enum StepKind
{
    /// <summary>A stage lasting a draw of a distribution (optionally marking the failure detected at its end).</summary>
    Timed,

    /// <summary>A stage whose length is computed when it begins.</summary>
    Computed,

    /// <summary>A stage that lasts until a condition holds.</summary>
    WaitUntil,

    /// <summary>The steps of another workflow, run in place.</summary>
    Nested,

    /// <summary>An instant action.</summary>
    Action,
}

/// <summary>
/// One step of a recovery workflow, run by the <see cref="StageRunner"/>: a stage lasting a drawn or
/// computed time, a stage that waits until a condition holds, a nested workflow, or an instant
/// action. Workflows are data, so a recovery reads as the seed's step table does.
/// </summary>
public sealed class WorkflowStep
{
    private WorkflowStep(StepKind kind, StageId? stage)
    {
        Kind = kind;
        StageId = stage;
    }

    /// <summary>What the step does.</summary>
    public StepKind Kind { get; }

    /// <summary>The stage it is, for the stage kinds.</summary>
    public StageId? StageId { get; }

    /// <summary>What this step needs while it runs, beyond its run's dependencies (null: nothing more): the run is cancelled when it stops holding.</summary>
    public Func<bool>? Requirement { get; private set; }

    internal Distribution? Duration { get; private init; }

    internal string? Detector { get; private init; }

    internal Func<double>? Seconds { get; private init; }

    internal Func<bool>? Condition { get; private init; }

    internal Workflow? Workflow { get; private init; }

    internal Action? Run { get; private init; }

    /// <summary>A stage lasting a draw of <paramref name="duration"/>.</summary>
    public static WorkflowStep Stage(StageId stage, Distribution duration) => new(StepKind.Timed, stage) { Duration = duration };

    /// <summary>A detection stage: lasts a draw of <paramref name="duration"/>, then marks the failure detected by <paramref name="detector"/>.</summary>
    public static WorkflowStep Detect(StageId stage, Distribution duration, string detector) => new(StepKind.Timed, stage) { Duration = duration, Detector = detector };

    /// <summary>A stage whose length in seconds is computed when it begins (for example WAL to replay over a rate).</summary>
    public static WorkflowStep Computed(StageId stage, Func<double> seconds) => new(StepKind.Computed, stage) { Seconds = seconds };

    /// <summary>A stage that lasts until <paramref name="condition"/> holds (re-checked whenever the system's state changes); skipped if it holds already.</summary>
    public static WorkflowStep WaitUntil(StageId stage, Func<bool> condition) => new(StepKind.WaitUntil, stage) { Condition = condition };

    /// <summary>The steps of <paramref name="workflow"/>, run in place (its stages are this run's, with its scope).</summary>
    public static WorkflowStep Nested(Workflow workflow) => new(StepKind.Nested, null) { Workflow = workflow };

    /// <summary>An instant action, such as moving the endpoint or promoting a server.</summary>
    public static WorkflowStep Do(Action action) => new(StepKind.Action, null) { Run = action };

    /// <summary>This step, needing <paramref name="requirement"/> to hold while it runs (a stage that needs a zone to start compute in, say).</summary>
    public WorkflowStep While(Func<bool> requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Requirement = requirement;
        return this;
    }
}
