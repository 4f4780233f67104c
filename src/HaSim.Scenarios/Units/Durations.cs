using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Durations written with units, in seconds. Accepted: a number and a unit (<c>90 s</c>, <c>90s</c>,
/// <c>1.5 min</c>, <c>5 minutes</c>, <c>2 h</c>, <c>1 d</c>, <c>500 ms</c>, <c>4.3 months</c>) or several
/// (<c>1h30m</c>, <c>1 d 12 h</c>). Units, case-insensitive: <c>us</c>, <c>ms</c>, <c>s</c>/<c>sec</c>/<c>second</c>,
/// <c>min</c>/<c>minute</c>, <c>h</c>/<c>hr</c>/<c>hour</c>, <c>d</c>/<c>day</c>, <c>w</c>/<c>week</c>,
/// <c>mo</c>/<c>month</c> (30.4375 days, a twelfth of a year) and <c>y</c>/<c>yr</c>/<c>year</c>
/// (365.25 days), with plurals. A lone <c>m</c> is refused as ambiguous (minutes or months?)
/// except inside a compound such as <c>1h30m</c>, where it means minutes. A bare number (no unit)
/// and a negative duration are errors. Arithmetic is exact decimal, so <c>1.5 min</c> is exactly 90.
/// </summary>
public static class Durations
{
    // In suggestion order: ties in did-you-mean go to the earlier name.
    private static readonly (string Name, decimal Seconds)[] Table =
    [
        ("min", 60m), ("mins", 60m), ("minute", 60m), ("minutes", 60m),
        ("s", 1m), ("sec", 1m), ("secs", 1m), ("second", 1m), ("seconds", 1m),
        ("ms", 0.001m), ("msec", 0.001m), ("millisecond", 0.001m), ("milliseconds", 0.001m),
        ("us", 0.000001m), ("µs", 0.000001m), ("microsecond", 0.000001m), ("microseconds", 0.000001m),
        ("h", 3600m), ("hr", 3600m), ("hrs", 3600m), ("hour", 3600m), ("hours", 3600m),
        ("d", 86400m), ("day", 86400m), ("days", 86400m),
        ("w", 604800m), ("wk", 604800m), ("wks", 604800m), ("week", 604800m), ("weeks", 604800m),
        ("mo", 2629800m), ("mon", 2629800m), ("month", 2629800m), ("months", 2629800m),
        ("y", 31557600m), ("yr", 31557600m), ("yrs", 31557600m), ("year", 31557600m), ("years", 31557600m),
    ];

    private static readonly Dictionary<string, decimal> Units =
        Table.ToDictionary(u => u.Name, u => u.Seconds, StringComparer.OrdinalIgnoreCase);

    internal static readonly string[] UnitNames = [.. Table.Select(u => u.Name)];

    private const string KnownUnits = "use ms, s, min, h, d, w, months or years";

    /// <summary>Parses <paramref name="text"/> as a duration in seconds.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a valid duration.</returns>
    public static bool TryParse(string text, out double seconds, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool ok = TryParseExact(text, out decimal exact, out error);
        seconds = ok ? Quantities.ToDouble(exact) : 0;
        return ok;
    }

    /// <summary>The duration in seconds written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value is not a valid duration; the diagnostic is at the node.</exception>
    public static double Parse(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            throw Quantities.Fail(node, Quantities.Nothing("a duration", "30 s"));
        }

        return TryParse(node.Value, out double seconds, out UnitError? error) ? seconds : throw Quantities.Fail(node, error);
    }

    /// <summary>
    /// A duration for reports, in the largest unit that reads well and is exact to three decimals:
    /// 90 → "90 s", 300 → "5 min", 9000 → "2.5 h", 0.5 → "500 ms", 11308140 → "4.3 months".
    /// Parsing the result gives back the value (to within 1e-9 relative).
    /// </summary>
    public static string Format(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            return double.IsNaN(seconds) ? "NaN s" : seconds > 0 ? "infinite" : "-infinite";
        }

        if (seconds < 0)
        {
            return "-" + Format(-seconds);
        }

        if (seconds == 0)
        {
            return "0 s";
        }

        (string Name, string One, double Size, bool Loose)[] units =
        [
            ("years", "year", Model.Parameters.Units.SecondsPerYear, true),
            ("months", "month", Model.Parameters.Units.SecondsPerMonth, true),
            ("d", "d", Model.Parameters.Units.Day, false),
            ("h", "h", Model.Parameters.Units.Hour, false),
            ("min", "min", Model.Parameters.Units.Minute, false),
            ("s", "s", 1, true),
            ("ms", "ms", 0.001, true),
        ];
        for (int i = 0; i < units.Length; i++)
        {
            (string name, string one, double size, bool loose) = units[i];
            double x = seconds / size;
            if (x < 1 - 1e-9 && i < units.Length - 1)
            {
                continue;
            }

            string text = Quantities.Number(x);
            if (Quantities.RoundTrips(text, size, seconds) && (loose || x >= 2 || Quantities.IsWhole(text)))
            {
                return $"{text} {(text == "1" ? one : name)}";
            }
        }

        string plain = Quantities.Number(seconds, 9);
        return Quantities.RoundTrips(plain, 1, seconds)
            ? $"{plain} s"
            : $"{seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} s";
    }

    /// <summary>Parses exactly, in decimal seconds.</summary>
    internal static bool TryParseExact(string text, out decimal seconds, [NotNullWhen(false)] out UnitError? error)
    {
        seconds = 0;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing("a duration", "30 s");
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        var parts = new List<(string Number, string Unit)>();
        int at = 0;
        Regex component = Quantities.Component();
        while (at < trimmed.Length)
        {
            Match m = component.Match(trimmed, at);
            if (!m.Success || m.Length == 0)
            {
                break;
            }

            parts.Add((m.Groups["num"].Value, m.Groups["unit"].Value));
            at = m.Index + m.Length;
        }

        if (at < trimmed.Length || parts.Count == 0)
        {
            Match lead = Quantities.NumberThenRest().Match(trimmed);
            string example = lead.Success ? $"{lead.Groups["num"].Value.TrimStart('+', '-')} min" : "10 min";
            error = new UnitError($"'{trimmed}' is not a duration", $"use a number and a unit, e.g. '{example}'");
            return false;
        }

        decimal total = 0;
        bool negative = false;
        foreach ((string number, string unit) in parts)
        {
            if (unit.Length == 0)
            {
                error = parts.Count == 1
                    ? new UnitError($"missing unit in '{trimmed}'", $"write e.g. '{number} s' or '{number} min'")
                    : new UnitError($"missing unit after '{number}' in '{trimmed}'", $"write e.g. '{number} min'");
                return false;
            }

            if (!TryUnit(unit, trimmed, compound: parts.Count > 1, out decimal size, out error))
            {
                return false;
            }

            if (!Quantities.TryDecimal(number, out decimal value))
            {
                error = new UnitError($"'{trimmed}' is too large a duration");
                return false;
            }

            negative |= value < 0;
            try
            {
                total += value * size;
            }
            catch (OverflowException)
            {
                error = new UnitError($"'{trimmed}' is too large a duration");
                return false;
            }
        }

        if (negative)
        {
            error = new UnitError($"negative duration '{trimmed}'", "a duration must be zero or more");
            return false;
        }

        seconds = total;
        error = null;
        return true;
    }

    /// <summary>Looks up a time unit; <paramref name="whole"/> is the full text, for messages.</summary>
    internal static bool TryUnit(string unit, string whole, bool compound, out decimal seconds, [NotNullWhen(false)] out UnitError? error)
    {
        if (Units.TryGetValue(unit, out seconds))
        {
            error = null;
            return true;
        }

        if (unit is "m" or "M")
        {
            if (compound)
            {
                seconds = 60m;
                error = null;
                return true;
            }

            error = new UnitError($"ambiguous unit 'm' in '{whole}'", "write 'min' for minutes or 'months' for months");
            return false;
        }

        error = new UnitError($"unknown time unit '{unit}' in '{whole}'", DidYouMean.Phrase(unit, UnitNames) ?? KnownUnits);
        return false;
    }
}
