namespace HaSim.Kernel;

/// <summary>
/// Receives the callbacks scheduled with <see cref="Simulation.ScheduleCallback"/>: a state machine
/// that waits for time to pass without being a process (no iterator, no interrupt, no allocation).
/// </summary>
/// <remarks>
/// A callback cannot be withdrawn once scheduled. A receiver that no longer wants it (its work was
/// cancelled meanwhile) compares the <c>token</c> it gets with the one it is waiting for and ignores
/// a stale one: tokens are the receiver's own, typically a slot and a generation counter.
/// </remarks>
public interface IScheduledCallback
{
    /// <summary>Called when the callback's time comes, with the token it was scheduled with.</summary>
    void OnCallback(long token);
}
