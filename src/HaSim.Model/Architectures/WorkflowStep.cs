using HaSim.Kernel;
using HaSim.Kernel.Distributions;

namespace HaSim.Model.Architectures;

/// <summary>
/// One step of a recovery workflow, run by <see cref="DatabaseSystem.RunWorkflow"/>: a timed
/// stage, a wait for an event, a nested workflow, or an instant action. Workflows are data, so
/// a recovery reads as the seed's step table does.
/// </summary>
public abstract record WorkflowStep
{
    private WorkflowStep()
    {
    }

    /// <summary>A stage lasting a draw of <paramref name="duration"/>; <paramref name="detectedBy"/>, if set, marks the failure detected when it ends.</summary>
    public static WorkflowStep Timed(string name, Distribution duration, string? detectedBy = null) => new TimedStep(name, duration, detectedBy);

    /// <summary>A stage whose length in seconds is computed when it starts (for example WAL to replay over a rate).</summary>
    public static WorkflowStep Computed(string name, Func<double> seconds) => new ComputedStep(name, seconds);

    /// <summary>A stage that waits for an event, if <paramref name="wait"/> returns one (null: nothing to wait for).</summary>
    public static WorkflowStep WaitFor(string name, Func<Event?> wait) => new WaitStep(name, wait);

    /// <summary>A nested workflow written as an iterator (its own stages inside).</summary>
    public static WorkflowStep Nested(Func<IEnumerable<Event>> body) => new NestedStep(body);

    /// <summary>An instant action, such as marking detection or moving the compute to another zone.</summary>
    public static WorkflowStep Do(Action action) => new ActionStep(action);

    internal sealed record TimedStep(string Name, Distribution Duration, string? DetectedBy) : WorkflowStep;

    internal sealed record ComputedStep(string Name, Func<double> Seconds) : WorkflowStep;

    internal sealed record WaitStep(string Name, Func<Event?> Wait) : WorkflowStep;

    internal sealed record NestedStep(Func<IEnumerable<Event>> Body) : WorkflowStep;

    internal sealed record ActionStep(Action Action) : WorkflowStep;
}
