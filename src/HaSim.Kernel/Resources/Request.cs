namespace HaSim.Kernel;

/// <summary>
/// A request for one unit of a <see cref="Resource"/>. It succeeds when the unit is granted.
/// Dispose it (or call <see cref="Resource.Release(Request)"/>) to give the unit back, or to
/// leave the queue if it was never granted; a <c>using</c> block around the wait does both.
/// </summary>
/// <remarks>
/// Requests are pooled: after <see cref="Dispose"/> the object may be handed to another
/// requester, so do not use it afterwards.
/// </remarks>
public sealed class Request : Event, IDisposable
{
    internal Request(Resource resource)
        : base(resource.Simulation) => Resource = resource;

    /// <summary>The resource requested.</summary>
    public Resource Resource { get; }

    /// <summary>Lower values are served first by a <see cref="PriorityResource"/>; ignored by a FIFO resource.</summary>
    public int Priority { get; internal set; }

    /// <summary>The simulated time the request was made, in seconds.</summary>
    public double RequestedAtSeconds { get; internal set; }

    /// <summary>True while the request holds a unit of the resource.</summary>
    public bool IsGranted { get; internal set; }

    internal long Sequence { get; set; }

    internal bool IsReleased { get; set; }

    /// <summary>Releases the unit, or withdraws the request from the queue.</summary>
    public void Dispose() => Resource.Release(this);

    internal void Grant()
    {
        IsGranted = true;
        SucceedNow(this);
    }

    internal bool IsReusable => (IsProcessed || State == EventState.Pending) && CanReuse;

    /// <summary>Clears the request for the pool. It stays marked released until handed out again.</summary>
    internal void Reset()
    {
        ResetForReuse();
        IsGranted = false;
    }
}
