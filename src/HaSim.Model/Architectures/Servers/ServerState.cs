namespace HaSim.Model.Architectures.Servers;

/// <summary>The closed set of states a database server is in; its role (primary or standby) is its slot's.</summary>
public enum ServerState
{
    /// <summary>The primary, accepting reads and writes.</summary>
    Serving,

    /// <summary>The primary, writes blocked while a planned failover switches to the standby.</summary>
    WritesBlocked,

    /// <summary>The primary's engine process exited; the VM and its storage are fine.</summary>
    Crashed,

    /// <summary>The primary's engine is starting on the same VM and storage (crash recovery).</summary>
    Restarting,

    /// <summary>A standby, replicating from the primary.</summary>
    Standby,

    /// <summary>A standby being promoted: replaying its residual WAL and opening for writes.</summary>
    Promoting,

    /// <summary>A new VM is being built for this slot (a replacement primary, a restore, or a new standby).</summary>
    Building,

    /// <summary>Shut down cleanly, to be rebuilt as a standby: the old primary after a planned failover, or a standby moved to keep the placement rule.</summary>
    Fenced,

    /// <summary>The VM is gone (lost, or its zone or region went down); recovery replaces it.</summary>
    Lost,
}
