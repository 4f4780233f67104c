using System.Globalization;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Workflows;

namespace HaSim.Model.Invariants;

/// <summary>
/// Downtime is always explained: no simulated time passes with an incident open and none of its
/// stages going, so every second of an incident lies in some recovery stage.
/// </summary>
public sealed class StageCoverageChecker : ModelChecker
{
    private int _openIncidentStages;

    /// <inheritdoc/>
    public override string Name => "every second of downtime in a stage";

    /// <inheritdoc/>
    public override void OnStageBegan(DatabaseSystem system, WorkflowRun run, in ActiveStage stage)
    {
        if (stage.Scope == StageScope.Incident)
        {
            _openIncidentStages++;
        }
    }

    /// <inheritdoc/>
    public override void OnStageEnded(DatabaseSystem system, WorkflowRun run, in ActiveStage active, in RecoveryStage stage)
    {
        if (active.Scope == StageScope.Incident)
        {
            _openIncidentStages--;
        }
    }

    /// <inheritdoc/>
    public override void OnTimeAdvancing(DatabaseSystem system, double fromSeconds, double toSeconds)
    {
        if (system.OpenIncident is { } incident && _openIncidentStages == 0)
        {
            Violation(system, string.Create(CultureInfo.InvariantCulture, $"incident {incident.Number} ({incident.FailureMode.Key}) has no stage going from {fromSeconds} s to {toSeconds} s"));
        }
    }
}
