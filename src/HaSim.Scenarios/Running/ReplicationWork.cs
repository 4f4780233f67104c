namespace HaSim.Scenarios.Running;

/// <summary>
/// What one replication cost the engine, counted rather than timed: the kernel events it processed,
/// how often the database settled after a change and in how many rounds, and how many events only
/// moved a workflow from one timed stage to the next. Benchmarks divide these by the simulated years.
/// </summary>
/// <param name="Events">Kernel events processed.</param>
/// <param name="Settles">Times the database re-evaluated its state after a change.</param>
/// <param name="SettleRounds">Rounds those settles took (one, plus one after each round that changed something).</param>
/// <param name="StageOnlyTransitions">Events that ended a timed stage and began the next with no action between them.</param>
public readonly record struct ReplicationWork(long Events, long Settles, long SettleRounds, long StageOnlyTransitions)
{
    /// <summary>The work of two replications together.</summary>
    public static ReplicationWork operator +(ReplicationWork a, ReplicationWork b) =>
        new(a.Events + b.Events, a.Settles + b.Settles, a.SettleRounds + b.SettleRounds, a.StageOnlyTransitions + b.StageOnlyTransitions);
}
