namespace HaSim.Model.Architectures.Serverless;

/// <summary>The states of a pageserver holding the tenant.</summary>
public enum PageserverState
{
    /// <summary>Attached: serves the compute's page reads.</summary>
    Attached,

    /// <summary>Attached, but the compute is not yet re-pointed at it.</summary>
    Attaching,

    /// <summary>A secondary with an up-to-date copy, ready to be promoted.</summary>
    Warm,

    /// <summary>A new secondary being built and warmed.</summary>
    Building,

    /// <summary>Gone (node lost or its zone down).</summary>
    Lost,
}

/// <summary>A pageserver of the tenant: the attached one or its secondary (seed 000), a state machine that owns its transitions.</summary>
public sealed class Pageserver
{
    internal Pageserver(int zone, PageserverState state)
    {
        Zone = zone;
        State = state;
    }

    /// <summary>The zone (0-based) it is in.</summary>
    public int Zone { get; private set; }

    /// <summary>Where it is in its life.</summary>
    public PageserverState State { get; private set; }

    /// <summary>Counts the failures that struck it.</summary>
    public int Generation { get; private set; }

    /// <summary>As the lost attached pageserver: whether the storage controller has noticed.</summary>
    public bool LossDetected { get; internal set; }

    /// <summary>It is lost; false if it was already.</summary>
    internal bool Lose()
    {
        if (State == PageserverState.Lost)
        {
            return false;
        }

        State = PageserverState.Lost;
        LossDetected = false;
        Generation++;
        return true;
    }

    /// <summary>The secondary is promoted: attached, compute not yet re-pointed.</summary>
    internal void Promote() => Move(PageserverState.Warm, PageserverState.Attaching);

    /// <summary>The tenant is attached to this (new) pageserver in <paramref name="zone"/> from object storage.</summary>
    internal void AttachFromObjectStorage(int zone)
    {
        Move(PageserverState.Lost, PageserverState.Attaching);
        Zone = zone;
    }

    /// <summary>The compute now reads from it.</summary>
    internal void Repointed() => Move(PageserverState.Attaching, PageserverState.Attached);

    /// <summary>A new secondary starts building in <paramref name="zone"/>.</summary>
    internal void BeginBuild(int zone)
    {
        Move(PageserverState.Lost, PageserverState.Building);
        Zone = zone;
    }

    /// <summary>The new secondary is warm.</summary>
    internal void Warmed() => Move(PageserverState.Building, PageserverState.Warm);

    /// <summary>A build was abandoned.</summary>
    internal void AbandonBuild() => Move(PageserverState.Building, PageserverState.Lost);

    /// <inheritdoc/>
    public override string ToString() => $"pageserver ({State}, az-{Zone + 1})";

    private void Move(PageserverState from, PageserverState to)
    {
        if (State != from)
        {
            throw new InvalidOperationException($"A pageserver cannot go from {State} to {to} (only from {from}).");
        }

        State = to;
    }
}
