using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Workflows;

namespace HaSim.Model.Invariants;

/// <summary>
/// Stages are well formed: an incident stage begins and ends while its incident is open, a
/// background stage belongs to none, every stage that begins ends exactly once, no duration is negative.
/// </summary>
public sealed class StageChecker : ModelChecker
{
    private readonly HashSet<long> _open = [];

    /// <inheritdoc/>
    public override string Name => "stages inside incidents";

    /// <inheritdoc/>
    public override void OnStageBegan(DatabaseSystem system, WorkflowRun run, in ActiveStage stage)
    {
        if (!_open.Add(stage.Id))
        {
            Violation(system, $"stage '{stage.Stage.Key}' began twice");
        }

        if (stage.Scope == StageScope.Incident && stage.Incident is not { IsClosed: false })
        {
            Violation(system, $"stage '{stage.Stage.Key}' of '{run.Workflow.Name}' began with no incident open");
        }

        if (stage.Scope == StageScope.Background && stage.Incident is not null)
        {
            Violation(system, $"background stage '{stage.Stage.Key}' belongs to an incident");
        }
    }

    /// <inheritdoc/>
    public override void OnStageEnded(DatabaseSystem system, WorkflowRun run, in ActiveStage active, in RecoveryStage stage)
    {
        if (!_open.Remove(active.Id))
        {
            Violation(system, $"stage '{stage.Stage.Key}' ended without having begun, or twice");
        }

        if (stage.DurationSeconds < 0)
        {
            Violation(system, $"stage '{stage.Stage.Key}' has a negative duration");
        }

        if (active.Incident is { IsClosed: true } closed)
        {
            Violation(system, $"stage '{stage.Stage.Key}' of '{run.Workflow.Name}' ended after its incident {closed.Number} closed");
        }
    }

    /// <inheritdoc/>
    public override void OnFinished(DatabaseSystem system)
    {
        if (_open.Count > 0)
        {
            Violation(system, $"{_open.Count} stage(s) never ended");
        }
    }
}
