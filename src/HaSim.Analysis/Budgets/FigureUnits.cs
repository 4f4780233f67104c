using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using HaSim.Scenarios.Units;

namespace HaSim.Analysis.Budgets;

/// <summary>Amounts of a <see cref="FigureUnit"/> as written in goals and tolerances: durations, sizes, numbers, percentages, with an optional <c>/yr</c> on per-year units.</summary>
public static partial class FigureUnits
{
    /// <summary>
    /// Parses <paramref name="text"/> as a non-negative amount of <paramref name="unit"/>, in its base
    /// unit (seconds, bytes, a count, a fraction); <paramref name="what"/> names it in errors (limit, threshold).
    /// </summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not such an amount.</returns>
    public static bool TryParse(string text, FigureUnit unit, string what, out double value, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = unit is FigureUnit.SecondsPerYear or FigureUnit.CountPerYear ? PerYearSuffix().Replace(text, "") : text;
        bool ok;
        value = 0;
        switch (unit)
        {
            case FigureUnit.Seconds or FigureUnit.SecondsPerYear:
                ok = Durations.TryParse(s, out value, out error);
                break;
            case FigureUnit.Bytes:
                ok = Sizes.TryParse(s, out long bytes, out error);
                value = bytes;
                break;
            case FigureUnit.Fraction:
                ok = Fractions.TryParse(s, out value, out error);
                break;
            default:
                ok = Values.TryParseNumber(s, out value, out error);
                if (ok && value < 0)
                {
                    ok = false;
                    error = new UnitError($"negative {what} '{s.Trim()}'", "a count is zero or more");
                }

                break;
        }

        return ok;
    }

    /// <summary>An example of an amount of <paramref name="unit"/>, for messages.</summary>
    public static string Example(FigureUnit unit) => unit switch
    {
        FigureUnit.Seconds or FigureUnit.SecondsPerYear => "a duration, e.g. '120 s'",
        FigureUnit.Bytes => "a size, e.g. '0 B'",
        FigureUnit.Fraction => "a percentage, e.g. '1%'",
        _ => "a number, e.g. '5'",
    };

    [GeneratedRegex(@"\s*(?:/\s*(?:yr|years?|y)|per\s+years?|a\s+year)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerYearSuffix();
}
