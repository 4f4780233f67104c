namespace HaSim.Model.Topology;

/// <summary>The kinds of simulated component. Containers (region, zone, node, VM) take down what they hold.</summary>
public enum ComponentKind
{
    /// <summary>A cloud region: every zone of the deployment.</summary>
    Region,

    /// <summary>An availability zone: a physically separate data centre.</summary>
    AvailabilityZone,

    /// <summary>A Kubernetes node or physical host.</summary>
    Node,

    /// <summary>A virtual machine running one database engine.</summary>
    Vm,

    /// <summary>The database engine process (Postgres, Dragonfly).</summary>
    Engine,

    /// <summary>A database server: the primary or a standby (a VM, its engine and its storage).</summary>
    Server,

    /// <summary>A safekeeper: one member of the WAL quorum of a serverless timeline.</summary>
    Safekeeper,

    /// <summary>A pageserver serving pages to compute, primary or secondary.</summary>
    Pageserver,

    /// <summary>A server's data volume (locally redundant storage).</summary>
    Storage,

    /// <summary>Cloud object storage holding long-term data.</summary>
    ObjectStorage,

    /// <summary>The stable connection endpoint (host name) clients use.</summary>
    Endpoint,
}
