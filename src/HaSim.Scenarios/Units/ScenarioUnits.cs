using System.Globalization;
using HaSim.Model.Parameters;

namespace HaSim.Scenarios.Units;

/// <summary>Values of a parameter kind written as a scenario file writes them, for messages that give an allowed range.</summary>
public static class ScenarioUnits
{
    /// <summary>How a value of <paramref name="kind"/> is written in a scenario file, e.g. "1 ms", "10 TB/s", "99.95%".</summary>
    public static Func<double, string> Formatter(ParameterKind kind) => kind switch
    {
        ParameterKind.Duration or ParameterKind.Seconds => Durations.Format,
        ParameterKind.ByteRate => ByteRates.Format,
        ParameterKind.Bytes => v => v is >= long.MinValue and <= long.MaxValue ? Sizes.Format((long)v) : v.ToString("G6", CultureInfo.InvariantCulture) + " B",
        ParameterKind.Fraction => Fractions.Format,
        _ => v => v.ToString("G10", CultureInfo.InvariantCulture),
    };
}
