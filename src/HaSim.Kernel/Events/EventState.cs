namespace HaSim.Kernel;

/// <summary>The lifecycle of an <see cref="Event"/>: Pending, then Triggered, then Processed.</summary>
public enum EventState
{
    /// <summary>Not yet triggered: it has no value and is not in the event queue.</summary>
    Pending,

    /// <summary>Succeeded or failed and scheduled; its callbacks have not run yet.</summary>
    Triggered,

    /// <summary>Taken from the queue; its callbacks have run.</summary>
    Processed,
}
