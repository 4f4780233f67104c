namespace HaSim.Model.Architectures;

/// <summary>The state of one <see cref="DatabaseSystem.RunWorkflow"/> call: whether an interrupt aborted it.</summary>
public sealed class WorkflowRun
{
    /// <summary>True if the workflow stopped early because its process was interrupted.</summary>
    public bool Aborted { get; internal set; }
}
