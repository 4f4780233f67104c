using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// A length of time, zero or more, held in seconds, that prints itself with a unit for reports
/// ("90 s", "5 min", "2.5 h"; see <see cref="Durations.Format"/>).
/// </summary>
public readonly record struct Duration : IComparable<Duration>
{
    /// <summary>A duration of <paramref name="seconds"/> seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="seconds"/> is negative, infinite or NaN.</exception>
    public Duration(double seconds)
    {
        if (!(double.IsFinite(seconds) && seconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A duration must be a finite number of seconds, zero or more.");
        }

        Seconds = seconds;
    }

    /// <summary>No time.</summary>
    public static Duration Zero => default;

    /// <summary>The length in seconds.</summary>
    public double Seconds { get; }

    /// <summary>The length in minutes.</summary>
    public double TotalMinutes => Seconds / Model.Parameters.Units.Minute;

    /// <summary>The length in hours.</summary>
    public double TotalHours => Seconds / Model.Parameters.Units.Hour;

    /// <summary>The length in days.</summary>
    public double TotalDays => Seconds / Model.Parameters.Units.Day;

    /// <summary>A duration of <paramref name="seconds"/> seconds.</summary>
    public static Duration FromSeconds(double seconds) => new(seconds);

    /// <summary>A duration of <paramref name="minutes"/> minutes.</summary>
    public static Duration FromMinutes(double minutes) => new(minutes * Model.Parameters.Units.Minute);

    /// <summary>A duration of <paramref name="hours"/> hours.</summary>
    public static Duration FromHours(double hours) => new(hours * Model.Parameters.Units.Hour);

    /// <summary>A duration of <paramref name="days"/> days.</summary>
    public static Duration FromDays(double days) => new(days * Model.Parameters.Units.Day);

    /// <summary>The duration written at <paramref name="node"/> (see <see cref="Durations"/> for the accepted forms).</summary>
    /// <exception cref="Diagnostics.ScenarioException">When the value is not a valid duration.</exception>
    public static Duration Parse(ScalarNode node) => new(Durations.Parse(node));

    /// <summary>The sum of two durations.</summary>
    public static Duration operator +(Duration a, Duration b) => new(a.Seconds + b.Seconds);

    /// <summary>Whether <paramref name="a"/> is shorter than <paramref name="b"/>.</summary>
    public static bool operator <(Duration a, Duration b) => a.Seconds < b.Seconds;

    /// <summary>Whether <paramref name="a"/> is longer than <paramref name="b"/>.</summary>
    public static bool operator >(Duration a, Duration b) => a.Seconds > b.Seconds;

    /// <summary>Whether <paramref name="a"/> is not longer than <paramref name="b"/>.</summary>
    public static bool operator <=(Duration a, Duration b) => a.Seconds <= b.Seconds;

    /// <summary>Whether <paramref name="a"/> is not shorter than <paramref name="b"/>.</summary>
    public static bool operator >=(Duration a, Duration b) => a.Seconds >= b.Seconds;

    /// <inheritdoc/>
    public int CompareTo(Duration other) => Seconds.CompareTo(other.Seconds);

    /// <summary>The duration with a unit, e.g. "90 s", "5 min", "2.5 h".</summary>
    public override string ToString() => Durations.Format(Seconds);
}
