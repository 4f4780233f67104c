namespace HaSim.Model.Topology;

/// <summary>The state of a container that fails as a whole and returns by itself: a region, a zone, object storage.</summary>
public enum Availability
{
    /// <summary>Working.</summary>
    Up,

    /// <summary>Out of service until its outage ends (or for the rest of the run).</summary>
    Down,
}

/// <summary>
/// A region, a zone or the object storage: up, or down until a time. An outage that strikes while
/// one is in progress is ignored (a component cannot fail while it is failed), which is also what
/// makes random outages the alternating up/down process the closed forms and the Markov chain assume.
/// </summary>
public sealed class OutageState
{
    internal OutageState(string name) => Name = name;

    /// <summary>The component's display name, e.g. "az-1".</summary>
    public string Name { get; }

    /// <summary>Up or down.</summary>
    public Availability State { get; private set; }

    /// <summary>True while up.</summary>
    public bool IsUp => State == Availability.Up;

    /// <summary>While down: when the outage ends (positive infinity: never).</summary>
    public double DownUntil { get; private set; } = double.NaN;

    /// <summary>Takes it down until <paramref name="until"/>; false (and no change) if it is already down.</summary>
    internal bool GoDown(double until)
    {
        if (State == Availability.Down)
        {
            return false;
        }

        State = Availability.Down;
        DownUntil = until;
        return true;
    }

    /// <summary>Brings it back if its outage is over at <paramref name="now"/>; true if it came back.</summary>
    internal bool ReturnIfDue(double now)
    {
        if (State == Availability.Down && now >= DownUntil)
        {
            State = Availability.Up;
            DownUntil = double.NaN;
            return true;
        }

        return false;
    }
}
