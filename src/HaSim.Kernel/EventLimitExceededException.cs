using System.Globalization;

namespace HaSim.Kernel;

/// <summary>A simulation reached its <see cref="Simulation.EventLimit"/>.</summary>
/// <param name="limit">The limit.</param>
/// <param name="atSeconds">The simulated time it was reached at.</param>
public sealed class EventLimitExceededException(long limit, double atSeconds)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"The simulation reached its limit of {limit:N0} events at {atSeconds:G6} s."))
{
    /// <summary>The limit that was reached.</summary>
    public long Limit { get; } = limit;

    /// <summary>The simulated time, in seconds, when it was reached.</summary>
    public double AtSeconds { get; } = atSeconds;
}
