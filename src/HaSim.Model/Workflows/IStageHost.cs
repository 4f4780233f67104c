using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;

namespace HaSim.Model.Workflows;

/// <summary>What the stage runner needs from the system whose workflows it runs.</summary>
internal interface IStageHost
{
    Simulation Simulation { get; }

    /// <summary>The stream durations are drawn from.</summary>
    RandomStream Random { get; }

    /// <summary>The incident open now, if any.</summary>
    Incident? OpenIncident { get; }

    /// <summary>A stage began.</summary>
    void StageBegan(WorkflowRun run, in ActiveStage stage);

    /// <summary>A stage ended; <paramref name="stage"/> is its record.</summary>
    void StageEnded(WorkflowRun run, in ActiveStage active, in RecoveryStage stage);

    /// <summary>A detection stage ended: the failure is detected.</summary>
    void Detected(WorkflowRun run, string detector);

    /// <summary>Runs an action step of <paramref name="run"/> in its cause's context; the service may change (the incident opens or closes at once).</summary>
    void RunAction(WorkflowRun run, Action action);

    /// <summary>Called before the runner changes anything at a new event (a timer fired): time has moved on.</summary>
    void Enter();

    /// <summary>A run completed or was cancelled.</summary>
    void RunEnded(WorkflowRun run);

    /// <summary>The fault being applied now, if any (it interrupts what it cancels).</summary>
    Fault? CurrentFault { get; }

    /// <summary>Brings the system to a consistent state after a change made outside a settle (a timer fired).</summary>
    void Settle(WorkflowRun? cause);
}
