using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Workflows;

namespace HaSim.Model.Invariants;

/// <summary>
/// An invariant checker: a separate object that observes every state change of a database and
/// reports a violation with the seed and simulated time (in the manner of FoundationDB's and
/// TigerBeetle's simulators). Override the hooks it needs; call <see cref="Violation"/> to fail.
/// </summary>
public abstract class ModelChecker
{
    /// <summary>The checker's name, for reports.</summary>
    public abstract string Name { get; }

    /// <summary>After every change has been applied and recovery has reacted (a quiescent point).</summary>
    public virtual void OnSettled(DatabaseSystem system)
    {
    }

    /// <summary>A stage began.</summary>
    public virtual void OnStageBegan(DatabaseSystem system, WorkflowRun run, in ActiveStage stage)
    {
    }

    /// <summary>A stage ended.</summary>
    public virtual void OnStageEnded(DatabaseSystem system, WorkflowRun run, in ActiveStage active, in RecoveryStage stage)
    {
    }

    /// <summary>The service stopped serving: an incident opened.</summary>
    public virtual void OnIncidentOpened(DatabaseSystem system, Incident incident)
    {
    }

    /// <summary>The server side serves again: the incident closed (clients follow).</summary>
    public virtual void OnIncidentClosed(DatabaseSystem system, Incident incident)
    {
    }

    /// <summary>Committed data was lost, by <paramref name="run"/> (null: outside any workflow, a model bug).</summary>
    public virtual void OnDataLost(DatabaseSystem system, DataLoss loss, WorkflowRun? run)
    {
    }

    /// <summary>Simulated time is about to move on from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/>.</summary>
    public virtual void OnTimeAdvancing(DatabaseSystem system, double fromSeconds, double toSeconds)
    {
    }

    /// <summary>The run ended; everything still open has been closed.</summary>
    public virtual void OnFinished(DatabaseSystem system)
    {
    }

    /// <summary>Reports a violation of this checker's invariant now.</summary>
    /// <exception cref="InvariantViolationException">Always.</exception>
    protected void Violation(DatabaseSystem system, string what)
    {
        ArgumentNullException.ThrowIfNull(system);
        throw new InvariantViolationException(Name, system.Simulation.Streams.RootSeed, system.Simulation.Now, system.Name is { } db ? $"{db}: {what}" : what);
    }
}

/// <summary>An invariant did not hold: a model bug, reproducible with the seed and time given.</summary>
public sealed class InvariantViolationException(string checker, ulong seed, double timeSeconds, string what)
    : Exception($"invariant '{checker}' violated at t={timeSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} s (seed {seed}): {what}")
{
    /// <summary>The checker that found it.</summary>
    public string Checker { get; } = checker;

    /// <summary>The simulation's root seed.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>The simulated time.</summary>
    public double TimeSeconds { get; } = timeSeconds;

    /// <summary>What was wrong.</summary>
    public string What { get; } = what;
}
