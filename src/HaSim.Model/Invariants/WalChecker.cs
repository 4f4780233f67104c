using System.Globalization;
using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Model.Workflows;

namespace HaSim.Model.Invariants;

/// <summary>
/// Committed data: its WAL position never goes backwards except by a recorded loss, and a loss is
/// recorded only by a workflow that may lose data that way (a restore from backup, an asynchronous failover).
/// </summary>
public sealed class WalChecker : ModelChecker
{
    private double _lastCommitted;
    private double _lostSince;

    /// <inheritdoc/>
    public override string Name => "committed WAL never goes backwards";

    /// <inheritdoc/>
    public override void OnDataLost(DatabaseSystem system, DataLoss loss, WorkflowRun? run)
    {
        if (loss.Bytes < 0 || loss.Seconds < 0)
        {
            Violation(system, string.Create(CultureInfo.InvariantCulture, $"a negative loss ({loss.Bytes} bytes, {loss.Seconds} s)"));
        }

        if (run is null || run.Workflow.MayLoseData != loss.Cause)
        {
            Violation(system, string.Create(CultureInfo.InvariantCulture, $"{loss.Bytes} bytes lost by {loss.Cause} in '{run?.Workflow.Name ?? "no workflow"}', which may not lose data that way"));
        }

        _lostSince += loss.Bytes;
    }

    /// <inheritdoc/>
    public override void OnSettled(DatabaseSystem system)
    {
        double committed = system.CommittedWalBytes;
        double tolerance = 1e-9 * Math.Max(1, Math.Abs(_lastCommitted) + _lostSince);
        if (committed + _lostSince < _lastCommitted - tolerance)
        {
            Violation(system, string.Create(CultureInfo.InvariantCulture, $"committed WAL went back from {_lastCommitted} to {committed} bytes with only {_lostSince} bytes recorded as lost"));
        }

        _lastCommitted = committed;
        _lostSince = 0;
    }
}
