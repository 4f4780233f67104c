using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Event rates (failures, requests, ...) in events per second, written as a number per time unit:
/// <c>500 /s</c>, <c>500/s</c>, <c>2 per year</c>, <c>1.5 per month</c>, <c>3 /d</c>, or per a duration:
/// <c>1 per 90 days</c>. Months and years are as in <see cref="Durations"/>.
/// </summary>
public static class EventRates
{
    private static readonly (string Name, double Seconds)[] Denominators =
    [
        ("second", 1), ("minute", Model.Parameters.Units.Minute), ("hour", Model.Parameters.Units.Hour), ("day", Model.Parameters.Units.Day),
        ("week", Model.Parameters.Units.Week), ("month", Model.Parameters.Units.SecondsPerMonth), ("year", Model.Parameters.Units.SecondsPerYear),
    ];

    /// <summary>Parses <paramref name="text"/> as an event rate per second.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a valid rate.</returns>
    public static bool TryParse(string text, out double perSecond, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        perSecond = 0;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing("a rate", "2 per year");
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        if (!Rates.TrySplit(trimmed, out string amount, out string? per))
        {
            var m = Quantities.NumberThenRest().Match(trimmed);
            if (m.Success && m.Groups["rest"].Value.Length == 0)
            {
                string n = m.Groups["num"].Value;
                error = new UnitError($"missing time unit in '{trimmed}'", $"write e.g. '{n} /s' or '{n} per year'");
            }
            else if (m.Success && Durations.TryParseExact(trimmed, out _, out _))
            {
                error = new UnitError($"'{trimmed}' is a duration, not a rate", $"write '{m.Groups["num"].Value} /{m.Groups["rest"].Value}' or '1 per {trimmed}'");
            }
            else
            {
                error = new UnitError($"'{trimmed}' is not a rate", "write a number per time unit, e.g. '2 per year' or '500 /s'");
            }

            return false;
        }

        if (amount.Length == 0)
        {
            amount = "1";
        }

        if (!Quantities.TryDecimal(amount, out decimal count))
        {
            error = new UnitError($"'{trimmed}' is not a rate", "write a number per time unit, e.g. '2 per year' or '500 /s'");
            return false;
        }

        if (count < 0)
        {
            error = new UnitError($"negative rate '{trimmed}'", "a rate must be zero or more");
            return false;
        }

        if (!Rates.TryPer(per, trimmed, out decimal seconds, out error))
        {
            return false;
        }

        try
        {
            perSecond = Quantities.ToDouble(count / seconds);
        }
        catch (OverflowException)
        {
            error = new UnitError($"'{trimmed}' is too large a rate");
            return false;
        }

        return true;
    }

    /// <summary>The event rate per second written at <paramref name="node"/>.</summary>
    /// <exception cref="Diagnostics.ScenarioException">When the value is not a valid rate; the diagnostic is at the node.</exception>
    public static double Parse(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            throw Quantities.Fail(node, Quantities.Nothing("a rate", "2 per year"));
        }

        return TryParse(node.Value, out double rate, out UnitError? error) ? rate : throw Quantities.Fail(node, error);
    }

    /// <summary>
    /// A rate for reports, per the shortest time unit giving at least one event and an exact
    /// three-decimal number: 500 → "500 per second", 2/year → "2 per year", 1.5/month → "1.5 per month".
    /// </summary>
    public static string Format(double perSecond)
    {
        if (!double.IsFinite(perSecond) || perSecond < 0)
        {
            return $"{perSecond.ToString(CultureInfo.InvariantCulture)} per second";
        }

        if (perSecond == 0)
        {
            return "0 per second";
        }

        foreach ((string name, double seconds) in Denominators)
        {
            double x = perSecond * seconds;
            string text = Quantities.Number(x);
            if (x >= 1 && Quantities.RoundTrips(text, 1 / seconds, perSecond))
            {
                return $"{text} per {name}";
            }
        }

        foreach ((string name, double seconds) in Denominators)
        {
            double x = perSecond * seconds;
            if (x >= 1)
            {
                return $"{x.ToString("G6", CultureInfo.InvariantCulture)} per {name}";
            }
        }

        return $"{(perSecond * Model.Parameters.Units.SecondsPerYear).ToString("G6", CultureInfo.InvariantCulture)} per year";
    }
}
