namespace HaSim.Model.Workflows;

/// <summary>
/// A reference to one run of a workflow that stays right after the run ends: runs are pooled and
/// reused, so a holder keeps a handle and asks it whether its run is still going.
/// </summary>
public readonly struct RunHandle
{
    private readonly WorkflowRun? _run;
    private readonly int _generation;

    internal RunHandle(WorkflowRun run)
    {
        _run = run;
        _generation = run.Generation;
    }

    /// <summary>The run, while it is still going; null once it has ended (or for the default handle).</summary>
    public WorkflowRun? Live => _run is { IsRunning: true } run && run.Generation == _generation ? run : null;

    /// <summary>True while the run is going.</summary>
    public bool IsRunning => Live is not null;
}
