using HaSim.Kernel;
using HaSim.Model.Faults;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>Where a workflow run is in its life.</summary>
public enum RunState
{
    /// <summary>Steps remain; the run is in a stage or between instant steps.</summary>
    Running,

    /// <summary>Every step ran.</summary>
    Completed,

    /// <summary>It was interrupted: its open stages ended with outcome interrupted.</summary>
    Cancelled,
}

/// <summary>
/// One run of a <see cref="Workflow"/> by the <see cref="StageRunner"/>: the step it is at, the stages
/// it has open, and what it depends on. Only the runner changes it. A run is its own timer target:
/// the token of a scheduled callback is the step it was scheduled for, so a callback for a step the
/// run has left (it was cancelled) is ignored.
/// </summary>
public sealed class WorkflowRun : IScheduledCallback
{
    private readonly StageRunner _runner;
    private readonly Stack<(Workflow Workflow, int Next)> _frames = new(2);
    private readonly List<ActiveStage> _open = new(2);
    private long _step;

    internal WorkflowRun(StageRunner runner, Workflow workflow, Func<bool>? valid, object? subject, Fault? cause, FailureMode? mode)
    {
        _runner = runner;
        Workflow = workflow;
        Valid = valid;
        Subject = subject;
        Cause = cause;
        Mode = mode;
        _frames.Push((workflow, 0));
    }

    /// <summary>The workflow being run.</summary>
    public Workflow Workflow { get; }

    /// <summary>The component the run works on, if any (the standby being promoted, the slot being rebuilt).</summary>
    public object? Subject { get; }

    /// <summary>The fault that led to the run, if one did.</summary>
    public Fault? Cause { get; }

    /// <summary>The failure mode of the fault that led to the run: an incident its own steps open counts as this.</summary>
    public FailureMode? Mode { get; }

    /// <summary>Where the run is.</summary>
    public RunState State { get; internal set; }

    /// <summary>True while the run has steps left and was not cancelled.</summary>
    public bool IsRunning => State == RunState.Running;

    /// <summary>The stages begun and not yet ended, outermost first.</summary>
    public IReadOnlyList<ActiveStage> OpenStages => _open;

    /// <summary>What the run depends on: the runner cancels it as soon as this is false (null: nothing beyond its own steps).</summary>
    internal Func<bool>? Valid { get; }

    /// <summary>What the step in progress needs (see <see cref="WorkflowStep.While"/>), while it runs.</summary>
    internal Func<bool>? StepRequirement { get; set; }

    /// <summary>The condition a waiting stage waits for, while it waits.</summary>
    internal Func<bool>? WaitingFor { get; set; }

    /// <summary>True while the run waits for a scheduled callback.</summary>
    internal bool WaitingForTimer { get; set; }

    internal List<ActiveStage> Open => _open;

    internal Stack<(Workflow Workflow, int Next)> Frames => _frames;

    /// <summary>The token the next scheduled callback carries; a new one for each wait.</summary>
    internal long NextToken() => ++_step;

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        if (State == RunState.Running && WaitingForTimer && token == _step)
        {
            _runner.TimerFired(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Workflow.Name} ({State})";
}
