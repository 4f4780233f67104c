using System.Globalization;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Names;

namespace HaSim.Model.Workflows;

/// <summary>
/// Runs recovery workflows: the only code that begins and ends stages. It steps through a run's
/// steps, waits in its stages (a scheduled callback for timed stages, a re-checked condition for
/// waits), and ends every open stage, nested ones included, with outcome interrupted when the run
/// is cancelled, either explicitly or because what it depends on no longer holds. Ended runs are
/// reused, so steady-state recovery allocates no run.
/// </summary>
public sealed class StageRunner
{
    private static readonly Func<bool> Never = () => false;
    private readonly IStageHost _host;
    private readonly List<WorkflowRun> _running = [];
    private readonly Stack<WorkflowRun> _free = new();
    private long _stages;

    internal StageRunner(IStageHost host) => _host = host;

    /// <summary>How many timed stages gave way to the next without an action between them: events that changed no component and needed no settle.</summary>
    public long StageOnlyTransitions { get; private set; }

    /// <summary>The runs still going, in the order they started.</summary>
    public IReadOnlyList<WorkflowRun> Running => _running;

    /// <summary>
    /// Starts <paramref name="workflow"/> now on <paramref name="subject"/>: its leading instant steps run
    /// at once and its first stage begins before this returns.
    /// </summary>
    internal RunHandle Start(Workflow workflow, object? subject, int subjectGeneration, int argument, Fault? cause, FailureMode? mode)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var run = _free.Count > 0 ? _free.Pop() : new WorkflowRun(this);
        run.Reset(workflow, subject, subjectGeneration, argument, cause, mode);
        if (workflow.Requires is { } requires && !requires(run))
        {
            run.State = RunState.Cancelled;
            _free.Push(run);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Workflow '{workflow.Name}' was started at t={_host.Simulation.Now} s while what it depends on does not hold."));
        }

        var handle = new RunHandle(run);
        _running.Add(run);
        Advance(run);
        return handle;
    }

    /// <summary>Cancels <paramref name="run"/> now: every open stage ends interrupted (by <paramref name="fault"/> or for <paramref name="reason"/>).</summary>
    internal void Cancel(WorkflowRun run, Fault? fault, string? reason)
    {
        if (!run.IsRunning)
        {
            return;
        }

        EndOpenStages(run, StageOutcome.Interrupted, fault, reason);
        End(run, RunState.Cancelled);
    }

    /// <summary>Cancels every run whose dependencies no longer hold; returns true if any was.</summary>
    internal bool CancelInvalid()
    {
        bool any = false;
        for (int i = 0; i < _running.Count; i++)
        {
            var run = _running[i];
            if (run.IsRunning && ((run.Workflow.Requires is { } requires && !requires(run)) || (run.StepRequirement is { } needs && !needs())))
            {
                Cancel(run, _host.CurrentFault, _host.CurrentFault is null ? "a component it depended on is no longer available" : null);
                any = true;
                i = -1; // cancelling may have ended others' dependencies: look again from the start
            }
        }

        return any;
    }

    /// <summary>Ends the waits whose conditions now hold and moves their runs on; returns true if any did.</summary>
    internal bool CheckConditions()
    {
        bool any = false;
        int i = 0;
        while (i < _running.Count)
        {
            var run = _running[i];
            if (run.IsRunning && run.WaitingFor is { } condition && condition())
            {
                run.WaitingFor = null;
                EndInnermost(run);
                Advance(run);
                any = true;
            }

            // Advance may have ended this run (removing it); only step past it if it is still here.
            if (i < _running.Count && ReferenceEquals(_running[i], run))
            {
                i++;
            }
        }

        return any;
    }

    /// <summary>Ends every run at the end of the simulation: open stages end as unfinished.</summary>
    internal void FinishAll()
    {
        while (_running.Count > 0)
        {
            var run = _running[^1];
            EndOpenStages(run, StageOutcome.Unfinished, null, "the run ended");
            End(run, RunState.Cancelled);
        }
    }

    internal void TimerFired(WorkflowRun run)
    {
        _host.Enter();
        run.WaitingForTimer = false;
        if (EndInnermost(run) is { } detector)
        {
            _host.Detected(run, detector);
        }

        // One stage giving way to the next changes no component: only an action or the run's end needs the system to settle.
        if (Advance(run))
        {
            _host.Settle(run);
        }
        else
        {
            StageOnlyTransitions++;
        }
    }

    /// <summary>Runs <paramref name="run"/>'s steps up to its next wait; true if an action ran or the run ended (the system may have changed).</summary>
    private bool Advance(WorkflowRun run)
    {
        var sim = _host.Simulation;
        bool changed = false;
        while (run.IsRunning)
        {
            if (!run.NextStep(out var step, out var scope))
            {
                End(run, RunState.Completed);
                return true;
            }

            // Most steps need nothing more: skip the store (and its write barrier) when nothing changes.
            if (!ReferenceEquals(run.StepRequirement, step.Requirement))
            {
                run.StepRequirement = step.Requirement;
            }

            switch (step.Kind)
            {
                case StepKind.Action:
                    _host.RunAction(run, step.Run!);
                    changed = true;
                    break;

                case StepKind.Nested:
                    run.Push(step.Workflow!);
                    break;

                case StepKind.Timed:
                    Begin(run, step.StageId!, scope, step.Detector);
                    Wait(run, step.Duration!.Sample(_host.Random), sim);
                    return changed;

                case StepKind.Computed:
                    Begin(run, step.StageId!, scope, null);
                    double seconds = step.Seconds!();
                    if (!(seconds >= 0))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Stage '{step.StageId!.Key}' of '{run.Workflow.Name}' computed a duration of {seconds} s."));
                    }

                    if (double.IsPositiveInfinity(seconds))
                    {
                        // It never ends by itself (a replica that can never catch up): only cancellation ends it.
                        run.WaitingFor = Never;
                        return changed;
                    }

                    Wait(run, seconds, sim);
                    return changed;

                case StepKind.WaitUntil:
                    if (step.Condition!())
                    {
                        break;
                    }

                    Begin(run, step.StageId!, scope, null);
                    run.WaitingFor = step.Condition;
                    return changed;

                default:
                    throw new InvalidOperationException($"Unknown workflow step {step.Kind}.");
            }
        }

        return changed;
    }

    private static void Wait(WorkflowRun run, double seconds, Kernel.Simulation sim)
    {
        run.WaitingForTimer = true;
        sim.ScheduleCallback(seconds, run, run.NextToken());
    }

    private void Begin(WorkflowRun run, StageId stage, StageScope scope, string? detector)
    {
        var incident = scope == StageScope.Incident ? _host.OpenIncident : null;
        _host.StageBegan(run, in run.AddOpen(++_stages, stage, _host.Simulation.Now, scope, incident, detector));
    }

    /// <summary>Ends the innermost open stage as done; returns its detector (null if none, or no stage was open).</summary>
    private string? EndInnermost(WorkflowRun run)
    {
        if (run.OpenCount == 0)
        {
            return null;
        }

        ref readonly var ended = ref run.RemoveInnermost();
        _host.StageEnded(run, in ended, new RecoveryStage(ended.Stage, ended.StartSeconds, _host.Simulation.Now, StageOutcome.Done));
        return ended.Detector;
    }

    private void EndOpenStages(WorkflowRun run, StageOutcome outcome, Fault? fault, string? reason)
    {
        while (run.OpenCount > 0)
        {
            ref readonly var active = ref run.RemoveInnermost();
            _host.StageEnded(run, in active, new RecoveryStage(active.Stage, active.StartSeconds, _host.Simulation.Now, outcome, fault, fault is null ? reason : null));
        }
    }

    private void End(WorkflowRun run, RunState state)
    {
        run.State = state;
        run.StepRequirement = null;
        run.WaitingFor = null;
        run.WaitingForTimer = false;

        // By reference, from the end: the run ending is usually the latest started, and no equality comparer is needed.
        for (int i = _running.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_running[i], run))
            {
                _running.RemoveAt(i);
                break;
            }
        }

        _host.RunEnded(run);
        _free.Push(run);
    }
}
