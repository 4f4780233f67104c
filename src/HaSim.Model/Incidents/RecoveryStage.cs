namespace HaSim.Model.Incidents;

/// <summary>One step of a recovery workflow, with when it ran: so a user sees what dominated.</summary>
/// <param name="Name">What the step does, e.g. "standby replays residual WAL".</param>
/// <param name="StartSeconds">When it started.</param>
/// <param name="EndSeconds">When it ended.</param>
/// <param name="Outcome">"done", or why it stopped early (for example, interrupted by a larger failure).</param>
public sealed record RecoveryStage(string Name, double StartSeconds, double EndSeconds, string Outcome = "done")
{
    /// <summary>The stage's duration in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
