namespace HaSim.Model.Architectures.Serverless;

/// <summary>A safekeeper's own state; whether it can serve also depends on its zone and the region.</summary>
public enum SafekeeperState
{
    /// <summary>Running.</summary>
    Up,

    /// <summary>Unavailable for a while (its node is down), then back with its WAL on disk.</summary>
    Down,

    /// <summary>Gone for good: a replacement is being built.</summary>
    Lost,
}

/// <summary>One member of the tenant's WAL quorum (seed 000), a state machine that owns its transitions.</summary>
public sealed class Safekeeper
{
    internal Safekeeper(int index, int zone)
    {
        Index = index;
        Zone = zone;
    }

    /// <summary>Its position (safekeeper-1 is 0).</summary>
    public int Index { get; }

    /// <summary>The zone (0-based) it is in.</summary>
    public int Zone { get; }

    /// <summary>Its own state.</summary>
    public SafekeeperState State { get; private set; }

    /// <summary>While down: when its outage ends (positive infinity: never).</summary>
    public double DownUntil { get; private set; } = double.NaN;

    /// <summary>Counts the losses that struck it.</summary>
    public int Generation { get; private set; }

    /// <summary>It goes down until <paramref name="until"/>; false (and no change) if it is not up.</summary>
    internal bool GoDown(double until)
    {
        if (State != SafekeeperState.Up)
        {
            return false;
        }

        State = SafekeeperState.Down;
        DownUntil = until;
        return true;
    }

    /// <summary>Its outage is over at <paramref name="now"/>; true if it came back.</summary>
    internal bool ReturnIfDue(double now)
    {
        if (State == SafekeeperState.Down && now >= DownUntil)
        {
            State = SafekeeperState.Up;
            DownUntil = double.NaN;
            return true;
        }

        return false;
    }

    /// <summary>It is lost for good; false if it already was.</summary>
    internal bool Lose()
    {
        if (State == SafekeeperState.Lost)
        {
            return false;
        }

        State = SafekeeperState.Lost;
        DownUntil = double.NaN;
        Generation++;
        return true;
    }

    /// <summary>Its replacement is in service.</summary>
    internal void Replaced()
    {
        if (State != SafekeeperState.Lost)
        {
            throw new InvalidOperationException($"Safekeeper {Index + 1} is {State}, not lost.");
        }

        State = SafekeeperState.Up;
    }
}
