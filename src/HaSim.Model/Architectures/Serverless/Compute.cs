namespace HaSim.Model.Architectures.Serverless;

/// <summary>The compute endpoint: Postgres in a VM on a Kubernetes node in one zone, a state machine that owns its transitions.</summary>
public sealed class Compute
{
    internal Compute(int zone) => Zone = zone;

    /// <summary>Running, or the most severe failure being recovered from.</summary>
    public ComputeState State { get; private set; }

    /// <summary>The zone (0-based) it runs in.</summary>
    public int Zone { get; private set; }

    /// <summary>Counts the nodes it has been scheduled on.</summary>
    public int Node { get; private set; }

    /// <summary>In a fleet: which of its group's nodes in its zone (0-based) hosts it.</summary>
    public int NodeIndex { get; internal set; }

    /// <summary>Counts the failures that struck it: work begun before one is void.</summary>
    public int Generation { get; private set; }

    /// <summary>Whether the current failure has been detected.</summary>
    public bool Detected { get; internal set; }

    /// <summary>True once its local file cache is warm after a start.</summary>
    public bool CacheWarm { get; internal set; } = true;

    /// <summary>Counts hangs, so a hang's end does not end a later one.</summary>
    public int HangEpoch { get; private set; }

    /// <summary>A failure of severity <paramref name="failure"/>; true if it is worse than the current state (it then takes over).</summary>
    internal bool Fail(ComputeState failure)
    {
        if (failure <= State)
        {
            return false;
        }

        State = failure;
        Generation++;
        Detected = false;
        if (failure == ComputeState.Unresponsive)
        {
            HangEpoch++;
        }

        return true;
    }

    /// <summary>The region went down: whatever recovery was doing is void, even a recovery from an earlier region outage.</summary>
    internal void RegionLost()
    {
        State = ComputeState.RegionLost;
        Generation++;
        Detected = false;
    }

    /// <summary>The unresponsive check fired: the endpoint is reattached to new compute as if its VM were gone (already detected).</summary>
    internal void ReplaceUnresponsive()
    {
        if (State != ComputeState.Unresponsive)
        {
            throw new InvalidOperationException($"Only an unresponsive compute is replaced for not answering (it is {State}).");
        }

        State = ComputeState.VmLost;
        Generation++;
        Detected = true;
    }

    /// <summary>A hang ended before the check replaced the compute: it answers again, caches intact.</summary>
    internal bool Answers(int epoch)
    {
        if (State != ComputeState.Unresponsive || epoch != HangEpoch)
        {
            return false;
        }

        State = ComputeState.Running;
        Generation++;
        return true;
    }

    /// <summary>Recovery is done: it runs in <paramref name="zone"/> (on a new node if <paramref name="newNode"/>), with a cold cache.</summary>
    internal void Recovered(int zone, bool newNode)
    {
        if (State == ComputeState.Running)
        {
            throw new InvalidOperationException("A running compute does not recover.");
        }

        Zone = zone;
        if (newNode)
        {
            Node++;
        }

        State = ComputeState.Running;
        CacheWarm = false;
    }
}
