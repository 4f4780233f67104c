namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// One database server slot (VM, engine and storage) of a server-based deployment: a state
/// machine that owns its transitions. Each method checks the state it may be called from, so a
/// server can never be, say, promoted while lost.
/// </summary>
public sealed class Server
{
    internal Server(int index, int zone, StorageVolume storage, ServerState state)
    {
        Index = index;
        Zone = zone;
        Storage = storage;
        State = state;
    }

    /// <summary>Position in the deployment (server 0 starts as the primary).</summary>
    public int Index { get; }

    /// <summary>The zone (0-based) its VM runs in, or will be built in.</summary>
    public int Zone { get; private set; }

    /// <summary>Where it is in its life.</summary>
    public ServerState State { get; private set; }

    /// <summary>Its data.</summary>
    public StorageVolume Storage { get; private set; }

    /// <summary>Counts the VMs this slot has had: a new one has a new address (the endpoint must be moved to it).</summary>
    public int Incarnation { get; private set; }

    /// <summary>Counts the failures that struck it: work begun before one is void.</summary>
    public int Generation { get; private set; }

    /// <summary>As a standby: when it last had no apply backlog (its backlog since follows the WAL schedule).</summary>
    public double CaughtUpAtSeconds { get; private set; }

    /// <summary>As the primary: when it last stopped accepting writes.</summary>
    public double StoppedAtSeconds { get; private set; }

    /// <summary>As a lost primary: whether the health monitor has noticed yet.</summary>
    public bool LossDetected { get; internal set; }

    /// <summary>True once its caches are warm after it started serving.</summary>
    public bool CacheWarm { get; internal set; } = true;

    /// <summary>True if it is alive as a primary (serving or switching over).</summary>
    public bool IsWritablePrimaryState => State is ServerState.Serving or ServerState.WritesBlocked;

    /// <summary>The engine process crashes; returns false if it was not running as primary.</summary>
    internal bool Crash(double now)
    {
        if (!IsWritablePrimaryState)
        {
            return false;
        }

        StoppedAtSeconds = now;
        State = ServerState.Crashed;
        Generation++;
        return true;
    }

    /// <summary>The VM is lost; returns false if it was lost already.</summary>
    internal bool Lose(double now)
    {
        if (State == ServerState.Lost)
        {
            return false;
        }

        if (IsWritablePrimaryState)
        {
            StoppedAtSeconds = now;
        }

        State = ServerState.Lost;
        LossDetected = false;
        Generation++;
        Storage.ServerLost();
        return true;
    }

    /// <summary>Crash recovery begins on the same VM (if it has not already).</summary>
    internal void BeginRestartIfCrashed()
    {
        if (State == ServerState.Crashed)
        {
            State = ServerState.Restarting;
        }
        else if (State != ServerState.Restarting)
        {
            throw new InvalidOperationException($"Server {Index + 1} cannot restart from state {State}.");
        }
    }

    /// <summary>A standby that breaks the placement rule (it shares a zone-redundant primary's zone) is shut down, to be rebuilt elsewhere.</summary>
    internal void Retire() => Move(ServerState.Standby, ServerState.Fenced);

    /// <summary>A promotion was abandoned while the standby survived: it goes on replicating.</summary>
    internal void AbortPromotion() => Move(ServerState.Promoting, ServerState.Standby);

    /// <summary>A build was abandoned: the slot is lost again (with <paramref name="restore"/>, back on the storage it had).</summary>
    internal void AbandonBuild(StorageVolume? restore = null)
    {
        Move(ServerState.Building, ServerState.Lost);
        if (restore is not null)
        {
            Storage = restore;
            Zone = restore.Zone;
        }
    }

    /// <summary>Writes are blocked for a planned failover.</summary>
    internal void BlockWrites(double now)
    {
        Move(ServerState.Serving, ServerState.WritesBlocked);
        StoppedAtSeconds = now;
    }

    /// <summary>A planned failover was abandoned: writes resume.</summary>
    internal void UnblockWrites() => Move(ServerState.WritesBlocked, ServerState.Serving);

    /// <summary>The old primary is shut down cleanly after a planned switch.</summary>
    internal void Fence() => Move(ServerState.WritesBlocked, ServerState.Fenced);

    /// <summary>A standby starts its promotion.</summary>
    internal void BeginPromotion() => Move(ServerState.Standby, ServerState.Promoting);

    /// <summary>The promoted standby opens for writes.</summary>
    internal void CompletePromotion()
    {
        Move(ServerState.Promoting, ServerState.Serving);
        CacheWarm = false;
    }

    /// <summary>A new VM is being built for this slot in <paramref name="zone"/>, with <paramref name="storage"/> (the surviving volume, or a new one).</summary>
    internal void BeginBuild(int zone, StorageVolume storage)
    {
        if (State is not (ServerState.Lost or ServerState.Fenced))
        {
            throw new InvalidOperationException($"Server {Index + 1} cannot be rebuilt from state {State}.");
        }

        Zone = zone;
        Storage = storage;
        Incarnation++;
        State = ServerState.Building;
    }

    /// <summary>The new VM joins as a standby that has caught up now.</summary>
    internal void BecomeStandby(double now)
    {
        Move(ServerState.Building, ServerState.Standby);
        CaughtUpAtSeconds = now;
    }

    /// <summary>The rebuilt or restarted server serves as primary.</summary>
    internal void BecomeServing()
    {
        if (State is not (ServerState.Building or ServerState.Restarting))
        {
            throw new InvalidOperationException($"Server {Index + 1} cannot start serving from state {State}.");
        }

        State = ServerState.Serving;
        CacheWarm = false;
    }

    /// <summary>A planned failover found the standby caught up at <paramref name="now"/>.</summary>
    internal void CaughtUp(double now)
    {
        if (State == ServerState.Standby && now > CaughtUpAtSeconds)
        {
            CaughtUpAtSeconds = now;
        }
    }

    /// <summary>The placement of a slot whose VM is gone moves to <paramref name="zone"/> (where it will be rebuilt).</summary>
    internal void PlanZone(int zone)
    {
        if (State is not (ServerState.Lost or ServerState.Fenced))
        {
            throw new InvalidOperationException($"Server {Index + 1} is {State}: only a lost or fenced slot moves.");
        }

        Zone = zone;
    }

    /// <inheritdoc/>
    public override string ToString() => $"server {Index + 1} ({State}, az-{Zone + 1})";

    private void Move(ServerState from, ServerState to)
    {
        if (State != from)
        {
            throw new InvalidOperationException($"Server {Index + 1} cannot go from {State} to {to} (only from {from}).");
        }

        State = to;
    }
}
