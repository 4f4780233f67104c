using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Data rates in bytes per second: a size (see <see cref="Sizes"/>) per time unit, written
/// <c>40 MB/s</c>, <c>5 MiB/s</c>, <c>2 GB/h</c>, <c>10 Gbit/s</c> or <c>1 GB per hour</c>.
/// The time after the slash may carry a number (<c>1 GB / 10 min</c>).
/// </summary>
public static class ByteRates
{
    /// <summary>Parses <paramref name="text"/> as a data rate in bytes per second.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a valid data rate.</returns>
    public static bool TryParse(string text, out double bytesPerSecond, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytesPerSecond = 0;
        string trimmed = text.Trim();
        if (!Rates.TrySplit(trimmed, out string amount, out string? per))
        {
            // No '/' or 'per': diagnose a size written without a time, or 'MBps'.
            if (Sizes.TryParseExact(trimmed, "data rate", out _, out UnitError? sizeError))
            {
                error = new UnitError($"'{trimmed}' is a size, not a rate", $"did you mean '{trimmed}/s'?");
                return false;
            }

            var m = Quantities.NumberThenRest().Match(trimmed);
            string unit = m.Success ? m.Groups["rest"].Value : "";
            if (unit.Length > 2 && unit.EndsWith("ps", StringComparison.Ordinal))
            {
                string number = m.Groups["num"].Value;
                string size = unit[..^2];
                string fixedUnit = size.EndsWith('b') ? size[..^1] + "bit" : size;
                error = new UnitError($"unknown rate unit '{unit}' in '{trimmed}'", $"write '{number} {fixedUnit}/s'");
                return false;
            }

            error = sizeError;
            return false;
        }

        if (!Sizes.TryParseExact(amount, "data rate", out decimal bytes, out error))
        {
            error = error with { Message = error.Message.Replace($"'{amount}'", $"'{trimmed}'", StringComparison.Ordinal) };
            return false;
        }

        if (!Rates.TryPer(per, trimmed, out decimal seconds, out error))
        {
            return false;
        }

        try
        {
            bytesPerSecond = Quantities.ToDouble(bytes / seconds);
        }
        catch (OverflowException)
        {
            error = new UnitError($"'{trimmed}' is too large a data rate");
            return false;
        }

        return true;
    }

    /// <summary>The data rate in bytes per second written at <paramref name="node"/>.</summary>
    /// <exception cref="Diagnostics.ScenarioException">When the value is not a valid data rate; the diagnostic is at the node.</exception>
    public static double Parse(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            throw Quantities.Fail(node, Quantities.Nothing("a data rate", "40 MB/s"));
        }

        return TryParse(node.Value, out double rate, out UnitError? error) ? rate : throw Quantities.Fail(node, error);
    }

    /// <summary>
    /// A data rate for reports, per second where that gives an exact three-decimal number, else per
    /// minute, hour or day: 4e7 → "40 MB/s", 5242880 → "5 MiB/s", 2e9/3600 → "2 GB/h".
    /// </summary>
    public static string Format(double bytesPerSecond)
    {
        if (!double.IsFinite(bytesPerSecond))
        {
            return $"{bytesPerSecond.ToString(CultureInfo.InvariantCulture)} B/s";
        }

        if (bytesPerSecond < 0)
        {
            return "-" + Format(-bytesPerSecond);
        }

        foreach ((string name, double seconds) in Rates.Denominators)
        {
            double amount = bytesPerSecond * seconds;
            // Round away binary noise (e.g. 2e9 / 3600 * 3600) before looking for an exact unit.
            if (amount > 7.9e27)
            {
                break;
            }

            decimal rounded = Quantities.TryDecimal(amount.ToString("G15", CultureInfo.InvariantCulture), out decimal d) ? d : 0;
            if (Math.Abs((double)rounded - amount) > 1e-9 * amount)
            {
                continue;
            }

            if (Sizes.TryFormatExact(rounded) is { } text)
            {
                return $"{text}/{name}";
            }
        }

        return $"{bytesPerSecond.ToString("G6", CultureInfo.InvariantCulture)} B/s";
    }
}
