using System.Globalization;
using System.Text.RegularExpressions;

namespace HaSim.Scenarios.Units;

/// <summary>
/// The one strict grammar for numbers HaSim reads outside unit-bearing values (command-line flags,
/// budgets): ASCII digits, an optional fraction and exponent for decimals, no sign, no spaces, no
/// group separators (<c>1,000</c> and <c>1_000</c> are refused, never read as 1000 or 1), whatever the
/// culture of the machine.
/// </summary>
public static partial class PlainNumbers
{
    [GeneratedRegex(@"^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    /// <summary>Parses a whole number from <paramref name="min"/> to <paramref name="max"/> written with digits only.</summary>
    /// <returns>Null on success, else why <paramref name="text"/> is refused.</returns>
    public static string? TryParseWhole(string text, ulong min, ulong max, out ulong value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (!Whole().IsMatch(text))
        {
            return Why(text, "a whole number", "1000");
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{text}' is out of range; give a whole number from {min} to {max}");
        }

        return null;
    }

    /// <summary>Parses a finite decimal number (digits, optional fraction and exponent) above 0 and at most <paramref name="max"/>.</summary>
    /// <returns>Null on success, else why <paramref name="text"/> is refused.</returns>
    public static string? TryParsePositive(string text, double max, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (!Decimal().IsMatch(text) || !double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return Why(text, "a number", "2.5");
        }

        if (!(value > 0) || value > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{text}' is out of range; give a number more than 0 and at most {max:G10}");
        }

        return null;
    }

    private static string Why(string text, string what, string example)
    {
        if (text.Length == 0)
        {
            return $"expected {what} but found nothing";
        }

        if (Quantities.SeparatorError(text) is { } separator)
        {
            return $"{separator.Message}; {separator.Suggestion}";
        }

        return text.Trim() != text || text.Contains(' ', StringComparison.Ordinal)
            ? $"'{text}' has spaces; write {what} alone, e.g. {example}"
            : $"'{text}' is not {what}; write digits{(what == "a number" ? " with a decimal point if needed" : " only")}, e.g. {example}";
    }
}
