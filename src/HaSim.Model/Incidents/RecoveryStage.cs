using HaSim.Model.Faults;
using HaSim.Model.Names;

namespace HaSim.Model.Incidents;

/// <summary>One step of a recovery workflow, with when it ran: so a user sees what dominated.</summary>
/// <param name="Stage">Which stage.</param>
/// <param name="StartSeconds">When it began.</param>
/// <param name="EndSeconds">When it ended.</param>
/// <param name="Outcome">Done, or interrupted (or cut off by the end of the run).</param>
/// <param name="InterruptedBy">For an interrupted stage, the fault that interrupted it, if a fault did.</param>
/// <param name="Reason">For an interrupted stage, why, when no fault says it (e.g. "the zone returned first").</param>
public readonly record struct RecoveryStage(StageId Stage, double StartSeconds, double EndSeconds, StageOutcome Outcome, Fault? InterruptedBy = null, string? Reason = null)
{
    /// <summary>The stage's duration in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>The outcome for display, e.g. "done" or "interrupted: outage of az-2 for 2.0 h".</summary>
    public string OutcomeText => Outcome switch
    {
        StageOutcome.Interrupted when InterruptedBy is not null => "interrupted: " + InterruptedBy.Describe(),
        StageOutcome.Interrupted when Reason is not null => "interrupted: " + Reason,
        _ => Outcome.Key(),
    };
}
