using System.Runtime.CompilerServices;
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
/// it has open, and what it works on. Only the runner changes it, and reuses it once it has ended
/// (hold a <see cref="RunHandle"/>, not the run). A run is its own timer target: the token of a
/// scheduled callback names the use and the step it was scheduled for, so a stale one is ignored.
/// </summary>
public sealed class WorkflowRun : IScheduledCallback
{
    private const int MaxDepth = 4;
    private readonly StageRunner _runner;
    private readonly Frame[] _frames = new Frame[MaxDepth];
    private readonly ActiveStage[] _open = new ActiveStage[MaxDepth];
    private int _depth;
    private int _openCount;
    private int _step;

    internal WorkflowRun(StageRunner runner) => _runner = runner;

    /// <summary>The workflow being run.</summary>
    public Workflow Workflow { get; private set; } = null!;

    /// <summary>The component the run works on, if any (the standby being promoted, the slot being rebuilt).</summary>
    public object? Subject { get; private set; }

    /// <summary>The subject's failure count when the run began: a failure since voids the run (see <see cref="Workflow.Requires"/>).</summary>
    public int SubjectGeneration { get; private set; }

    /// <summary>A number the run was started with (the zone a restore rebuilds in, for example).</summary>
    public int Argument { get; private set; }

    /// <summary>The fault that led to the run, if one did.</summary>
    public Fault? Cause { get; private set; }

    /// <summary>The failure mode of the fault that led to the run: an incident its own steps open counts as this.</summary>
    public FailureMode? Mode { get; private set; }

    /// <summary>Where the run is.</summary>
    public RunState State { get; internal set; }

    /// <summary>True while the run has steps left and was not cancelled.</summary>
    public bool IsRunning => State == RunState.Running;

    /// <summary>Counts the uses of this pooled run.</summary>
    internal int Generation { get; private set; }

    /// <summary>The stages begun and not yet ended, outermost first.</summary>
    public ReadOnlySpan<ActiveStage> OpenStages => _open.AsSpan(0, _openCount);

    /// <summary>What the step in progress needs (see <see cref="WorkflowStep.While"/>), while it runs.</summary>
    internal Func<bool>? StepRequirement { get; set; }

    /// <summary>The condition a waiting stage waits for, while it waits.</summary>
    internal Func<bool>? WaitingFor { get; set; }

    /// <summary>True while the run waits for a scheduled callback.</summary>
    internal bool WaitingForTimer { get; set; }

    internal int OpenCount => _openCount;

    internal int Depth => _depth;

    /// <summary>Readies this (new or ended) run for <paramref name="workflow"/>.</summary>
    internal void Reset(Workflow workflow, object? subject, int subjectGeneration, int argument, Fault? cause, FailureMode? mode)
    {
        Generation++;
        Workflow = workflow;
        Subject = subject;
        SubjectGeneration = subjectGeneration;
        Argument = argument;
        Cause = cause;
        Mode = mode;
        State = RunState.Running;
        StepRequirement = null;
        WaitingFor = null;
        WaitingForTimer = false;
        _depth = 0;
        _openCount = 0;
        Push(workflow);
    }

    internal void Push(Workflow workflow)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException($"Workflow '{Workflow.Name}' nests more than {MaxDepth} deep.");
        }

        _frames[_depth++] = new Frame(workflow.StepArray, workflow.Scope);
    }

    /// <summary>The next step, in nesting order; false when the run has none left.</summary>
    internal bool NextStep(out WorkflowStep step, out StageScope scope)
    {
        while (_depth > 0)
        {
            ref var frame = ref _frames[_depth - 1];
            var steps = frame.Steps;
            if ((uint)frame.Next < (uint)steps.Length)
            {
                step = steps[frame.Next++];
                scope = frame.Scope;
                return true;
            }

            _depth--;
        }

        step = null!;
        scope = default;
        return false;
    }

    /// <summary>Opens a stage as the innermost, built in place (a copy of a just-written stage stalls the store buffer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly ActiveStage AddOpen(long id, StageId stage, double startSeconds, StageScope scope, Incidents.Incident? incident, string? detector)
    {
        if (_openCount == MaxDepth)
        {
            ThrowTooManyOpen();
        }

        ref var slot = ref _open[_openCount++];
        slot = new ActiveStage(id, stage, startSeconds, scope, incident, detector, incident?.Number ?? 0);
        return ref slot;
    }

    /// <summary>Closes the innermost stage; the reference stays valid until the next <see cref="AddOpen"/>.</summary>
    internal ref readonly ActiveStage RemoveInnermost() => ref _open[--_openCount];

    /// <summary>The token the next scheduled callback carries: this use and a new step.</summary>
    internal long NextToken() => ((long)Generation << 32) | (uint)++_step;

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        if (State == RunState.Running && WaitingForTimer && token == (((long)Generation << 32) | (uint)_step))
        {
            _runner.TimerFired(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Workflow.Name} ({State})";

    private void ThrowTooManyOpen() => throw new InvalidOperationException($"Workflow '{Workflow.Name}' has more than {MaxDepth} stages open.");

    /// <summary>One workflow being stepped through: its steps, their scope, and the next one.</summary>
    private struct Frame(WorkflowStep[] steps, StageScope scope)
    {
        public readonly WorkflowStep[] Steps = steps;
        public readonly StageScope Scope = scope;
        public int Next;
    }
}
