namespace HaSim.Model.Architectures.Servers;

/// <summary>One database server (VM, engine and its storage) of a server-based deployment.</summary>
internal sealed class Server
{
    public Server(int index, int zone)
    {
        Index = index;
        Zone = zone;
    }

    /// <summary>Position in the deployment; server 0 starts as the primary.</summary>
    public int Index { get; }

    /// <summary>The availability zone (0-based) the server runs in.</summary>
    public int Zone { get; set; }

    /// <summary>Running: as primary, or as a standby that has caught up.</summary>
    public bool IsUp { get; set; } = true;

    /// <summary>True while a replacement for this server is being built.</summary>
    public bool IsRebuilding { get; set; }

    /// <summary>When the standby last had no apply backlog; its backlog since then follows the WAL schedule.</summary>
    public double CaughtUpAtSeconds { get; set; }

    public string Name(int primary) => Index == primary ? "primary" : $"standby (server {Index + 1})";
}
