namespace HaSim.Kernel;

/// <summary>
/// A <see cref="Resource"/> whose waiting requests are served by priority (lower first),
/// then first come first served. Granted units are never taken back (no preemption).
/// </summary>
public sealed class PriorityResource : Resource
{
    private readonly PriorityQueue<Request, (int Priority, long Sequence)> _waiting = new();

    /// <summary>Creates a priority resource with <paramref name="capacity"/> units.</summary>
    public PriorityResource(Simulation simulation, int capacity)
        : base(simulation, capacity)
    {
    }

    /// <summary>Requests one unit with a priority: lower values are served first.</summary>
    public new Request Request(int priority) => base.Request(priority);

    private protected override void Enqueue(Request request) => _waiting.Enqueue(request, (request.Priority, request.Sequence));

    private protected override Request DequeueNext() => _waiting.Dequeue();

    private protected override bool Withdraw(Request request) => _waiting.Remove(request, out _, out _);
}
