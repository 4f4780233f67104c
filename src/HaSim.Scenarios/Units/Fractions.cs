using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Probabilities and proportions as a fraction in [0, 1], written as a percentage (<c>99.99%</c>,
/// <c>25 %</c>) or a plain fraction (<c>0.25</c>). A plain number above 1 is refused with a
/// suggestion to add '%'. Arithmetic is exact decimal: <c>99.99%</c> is the double nearest 0.9999.
/// </summary>
public static class Fractions
{
    /// <summary>Parses <paramref name="text"/> as a fraction in [0, 1].</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a valid fraction or percentage.</returns>
    public static bool TryParse(string text, out double fraction, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        fraction = 0;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing("a percentage or fraction", "99.9%");
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        var m = Quantities.NumberThenRest().Match(trimmed);
        string rest = m.Success ? m.Groups["rest"].Value : "";
        if (!m.Success || rest is not ("" or "%") || !Quantities.TryDecimal(m.Groups["num"].Value, out decimal value))
        {
            error = new UnitError($"'{trimmed}' is not a percentage or fraction", "write e.g. '99.9%' or '0.999'");
            return false;
        }

        bool percent = rest == "%";
        decimal exact = percent ? value / 100m : value;
        if (exact < 0)
        {
            error = new UnitError($"negative proportion '{trimmed}'", "write a value from 0% to 100%");
            return false;
        }

        if (exact > 1)
        {
            error = percent
                ? new UnitError($"'{trimmed}' is more than 100%")
                : new UnitError($"'{trimmed}' is more than 1 (a fraction)", $"did you mean '{m.Groups["num"].Value}%'?");
            return false;
        }

        fraction = Quantities.ToDouble(exact);
        error = null;
        return true;
    }

    /// <summary>The fraction in [0, 1] written at <paramref name="node"/>.</summary>
    /// <exception cref="Diagnostics.ScenarioException">When the value is not a valid fraction or percentage; the diagnostic is at the node.</exception>
    public static double Parse(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            throw Quantities.Fail(node, Quantities.Nothing("a percentage or fraction", "99.9%"));
        }

        return TryParse(node.Value, out double fraction, out UnitError? error) ? fraction : throw Quantities.Fail(node, error);
    }

    /// <summary>A fraction as a percentage for reports: 0.9999 → "99.99%", 0.25 → "25%".</summary>
    public static string Format(double fraction) =>
        (fraction * 100).ToString("0.######", CultureInfo.InvariantCulture) + "%";
}
