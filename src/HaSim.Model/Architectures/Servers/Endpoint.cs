namespace HaSim.Model.Architectures.Servers;

/// <summary>The connection endpoint (a DNS name) clients use: it points at one VM of one server.</summary>
public sealed class Endpoint
{
    internal Endpoint(Server target)
    {
        Target = target;
        Incarnation = target.Incarnation;
    }

    /// <summary>The server the DNS record points at.</summary>
    public Server Target { get; private set; }

    /// <summary>The VM of that server it points at.</summary>
    public int Incarnation { get; private set; }

    /// <summary>True if the record points at <paramref name="server"/>'s current VM.</summary>
    public bool PointsAt(Server server) => ReferenceEquals(Target, server) && Incarnation == server.Incarnation;

    /// <summary>The record now points at <paramref name="server"/>'s current VM.</summary>
    internal void PointAt(Server server)
    {
        Target = server;
        Incarnation = server.Incarnation;
    }
}
