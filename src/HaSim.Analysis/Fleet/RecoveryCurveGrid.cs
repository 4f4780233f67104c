namespace HaSim.Analysis.Fleet;

/// <summary>
/// The times after a fleet event at which the recovery curve (databases still down) is sampled:
/// every 5 s for the first 10 minutes, every 30 s to an hour, every 5 minutes to 6 hours. Fixed, so
/// curves of any run, thread count or shard merge point by point.
/// </summary>
public static class RecoveryCurveGrid
{
    /// <summary>The sample times, in seconds after the event, ascending from 0.</summary>
    public static IReadOnlyList<double> Seconds { get; } = Build();

    private static double[] Build()
    {
        var t = new List<double>();
        for (int s = 0; s < 600; s += 5)
        {
            t.Add(s);
        }

        for (int s = 600; s < 3600; s += 30)
        {
            t.Add(s);
        }

        for (int s = 3600; s <= 6 * 3600; s += 300)
        {
            t.Add(s);
        }

        return [.. t];
    }
}
