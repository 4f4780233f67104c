using HaSim.Model.Faults;
using HaSim.Model.Incidents;

namespace HaSim.Model.Workflows;

/// <summary>
/// Runs recovery workflows: the only code that begins and ends stages. It steps through a run's
/// steps, waits in its stages (a scheduled callback for timed stages, a re-checked condition for
/// waits), and ends every open stage, nested ones included, with outcome interrupted when the run
/// is cancelled, either explicitly or because what it depends on no longer holds.
/// </summary>
public sealed class StageRunner
{
    private static readonly Func<bool> Never = () => false;
    private readonly IStageHost _host;
    private readonly List<WorkflowRun> _running = [];

    internal StageRunner(IStageHost host) => _host = host;

    /// <summary>The runs still going, in the order they started.</summary>
    public IReadOnlyList<WorkflowRun> Running => _running;

    /// <summary>
    /// Starts <paramref name="workflow"/> now: its leading instant steps run at once and its first
    /// stage begins before this returns. <paramref name="valid"/> is what the run depends on; when
    /// it stops holding, the run is cancelled.
    /// </summary>
    internal WorkflowRun Start(Workflow workflow, Func<bool>? valid, object? subject, Fault? cause, Names.FailureMode? mode)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var run = new WorkflowRun(this, workflow, valid, subject, cause, mode);
        _running.Add(run);
        Advance(run);
        return run;
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
            if (run.IsRunning && ((run.Valid is { } valid && !valid()) || (run.StepRequirement is { } needs && !needs())))
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
                EndInnermost(run, StageOutcome.Done);
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
        EndInnermost(run, StageOutcome.Done, out var ended);
        if (ended is { } stage && stage.Detector is { } detector)
        {
            _host.Detected(run, detector);
        }

        Advance(run);
        _host.Settle(run);
    }

    private void Advance(WorkflowRun run)
    {
        var sim = _host.Simulation;
        while (run.IsRunning)
        {
            if (!NextStep(run, out var step))
            {
                End(run, RunState.Completed);
                return;
            }

            run.StepRequirement = step.Requirement;

            switch (step)
            {
                case WorkflowStep.ActionStep action:
                    _host.RunAction(run, action.Action);
                    break;

                case WorkflowStep.NestedStep nested:
                    run.Frames.Push((nested.Workflow, 0));
                    break;

                case WorkflowStep.TimedStep timed:
                    Begin(run, timed.StageId, timed.Detector);
                    Wait(run, timed.Duration.Sample(_host.Random), sim);
                    return;

                case WorkflowStep.ComputedStep computed:
                    Begin(run, computed.StageId, null);
                    double seconds = computed.Seconds();
                    if (!(seconds >= 0))
                    {
                        throw new InvalidOperationException($"Stage '{computed.StageId.Key}' of '{run.Workflow.Name}' computed a duration of {seconds} s.");
                    }

                    if (double.IsPositiveInfinity(seconds))
                    {
                        // It never ends by itself (a replica that can never catch up): only cancellation ends it.
                        run.WaitingFor = Never;
                        return;
                    }

                    Wait(run, seconds, sim);
                    return;

                case WorkflowStep.WaitStep wait:
                    if (wait.Condition())
                    {
                        break;
                    }

                    Begin(run, wait.StageId, null);
                    run.WaitingFor = wait.Condition;
                    return;

                default:
                    throw new InvalidOperationException($"Unknown workflow step {step.GetType().Name}.");
            }
        }
    }

    private static bool NextStep(WorkflowRun run, out WorkflowStep step)
    {
        while (run.Frames.Count > 0)
        {
            var (workflow, next) = run.Frames.Pop();
            if (next < workflow.Steps.Count)
            {
                run.Frames.Push((workflow, next + 1));
                step = workflow.Steps[next];
                return true;
            }
        }

        step = null!;
        return false;
    }

    private static void Wait(WorkflowRun run, double seconds, Kernel.Simulation sim)
    {
        run.WaitingForTimer = true;
        sim.ScheduleCallback(seconds, run, run.NextToken());
    }

    private void Begin(WorkflowRun run, Names.StageId stage, string? detector)
    {
        var scope = run.Frames.Peek().Workflow.Scope;
        var active = new ActiveStage(stage, _host.Simulation.Now, scope, scope == StageScope.Incident ? _host.OpenIncident : null) { Detector = detector };
        run.Open.Add(active);
        _host.StageBegan(run, active);
    }

    private void EndInnermost(WorkflowRun run, StageOutcome outcome) => EndInnermost(run, outcome, out _);

    private void EndInnermost(WorkflowRun run, StageOutcome outcome, out ActiveStage? ended)
    {
        ended = null;
        if (run.Open.Count == 0)
        {
            return;
        }

        ended = run.Open[^1];
        run.Open.RemoveAt(run.Open.Count - 1);
        _host.StageEnded(run, ended, new RecoveryStage(ended.Stage, ended.StartSeconds, _host.Simulation.Now, outcome));
    }

    private void EndOpenStages(WorkflowRun run, StageOutcome outcome, Fault? fault, string? reason)
    {
        for (int i = run.Open.Count - 1; i >= 0; i--)
        {
            var active = run.Open[i];
            _host.StageEnded(run, active, new RecoveryStage(active.Stage, active.StartSeconds, _host.Simulation.Now, outcome, fault, fault is null ? reason : null));
        }

        run.Open.Clear();
    }

    private void End(WorkflowRun run, RunState state)
    {
        run.State = state;
        run.StepRequirement = null;
        run.WaitingFor = null;
        run.WaitingForTimer = false;
        _running.Remove(run);
        _host.RunEnded(run);
    }
}
