namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// A server's data: locally redundant storage in one zone, kept in three copies. Remote storage
/// survives the loss of its server (a new VM attaches it); local storage is destroyed with it.
/// It is reachable only while its zone is.
/// </summary>
public sealed class StorageVolume
{
    /// <summary>Copies of the data the storage keeps.</summary>
    public const int Copies = 3;

    internal StorageVolume(int zone, bool survivesServerLoss)
    {
        Zone = zone;
        SurvivesServerLoss = survivesServerLoss;
    }

    /// <summary>The zone (0-based) it is in.</summary>
    public int Zone { get; private set; }

    /// <summary>True for remote storage, which outlives its server.</summary>
    public bool SurvivesServerLoss { get; }

    /// <summary>Copies lost and not yet rebuilt.</summary>
    public int CopiesLost { get; private set; }

    /// <summary>True once the data is gone (every copy lost, or local storage lost with its server).</summary>
    public bool IsDestroyed { get; private set; }

    /// <summary>One copy is lost; returns true if that was the last and the data is gone.</summary>
    internal bool LoseCopy()
    {
        if (IsDestroyed)
        {
            return false;
        }

        CopiesLost++;
        if (CopiesLost >= Copies)
        {
            IsDestroyed = true;
            return true;
        }

        return false;
    }

    /// <summary>One lost copy has been rebuilt.</summary>
    internal void CopyRebuilt()
    {
        if (!IsDestroyed && CopiesLost > 0)
        {
            CopiesLost--;
        }
    }

    /// <summary>Makes this retired volume a new, intact one in <paramref name="zone"/> (see <see cref="ServerClusterSystem"/>'s reuse of volumes nothing refers to).</summary>
    internal void Renew(int zone)
    {
        Zone = zone;
        CopiesLost = 0;
        IsDestroyed = false;
    }

    /// <summary>The server holding it was lost: local storage goes with it.</summary>
    internal void ServerLost()
    {
        if (!SurvivesServerLoss)
        {
            IsDestroyed = true;
        }
    }
}
