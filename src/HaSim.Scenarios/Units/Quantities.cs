using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>Shared number handling for the unit parsers: exact decimal arithmetic, correctly rounded conversion, compact formatting.</summary>
internal static partial class Quantities
{
    private const string NumberPattern = @"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?";

    /// <summary>One <c>number unit</c> component, anchored where the previous one ended.</summary>
    [GeneratedRegex(@"\G\s*(?<num>" + NumberPattern + @")\s*(?<unit>[^\s\d+\-.][^\s\d]*)?", RegexOptions.CultureInvariant)]
    internal static partial Regex Component();

    /// <summary>A number followed by anything.</summary>
    [GeneratedRegex(@"^\s*(?<num>" + NumberPattern + @")\s*(?<rest>.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    internal static partial Regex NumberThenRest();

    /// <summary>Parses an invariant-culture decimal number (with optional exponent); false if it is not one or out of range.</summary>
    internal static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The double nearest to <paramref name="value"/> (correctly rounded, via the shortest decimal text).</summary>
    internal static double ToDouble(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> with at most <paramref name="decimals"/> decimals, invariant culture.</summary>
    internal static string Number(double value, int decimals = 3) =>
        value.ToString(decimals switch { 0 => "0", _ => "0." + new string('#', decimals) }, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="text"/> times <paramref name="unit"/> gives back <paramref name="target"/> to within rounding noise.</summary>
    internal static bool RoundTrips(string text, double unit, double target)
    {
        double back = double.Parse(text, CultureInfo.InvariantCulture) * unit;
        return Math.Abs(back - target) <= 1e-9 * Math.Abs(target);
    }

    /// <summary>Whether <paramref name="text"/> is a whole number.</summary>
    internal static bool IsWhole(string text) => !text.Contains('.', StringComparison.Ordinal);

    /// <summary>A digit, a comma or underscore, and a digit: a decimal comma or a thousands separator.</summary>
    [GeneratedRegex(@"\d[,_](?<after>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    /// <summary>The error for a number written with a decimal comma or thousands separators, or null if there is none.</summary>
    internal static UnitError? SeparatorError(string text)
    {
        Match m = Separator().Match(text);
        if (!m.Success)
        {
            return null;
        }

        char separator = text[m.Index + 1];
        bool thousands = separator == '_' || m.Groups["after"].Length == 3;
        string fixedText = thousands ? text.Remove(m.Index + 1, 1) : text.Remove(m.Index + 1, 1).Insert(m.Index + 1, ".");
        return new UnitError($"'{text}' has a '{separator}' in a number", $"write numbers with a decimal point and no separators, e.g. '{fixedText}'");
    }

    /// <summary>Throws the located error for a failed parse of <paramref name="node"/>.</summary>
    internal static Diagnostics.ScenarioException Fail(ScalarNode node, UnitError error) => node.Error(error.Message, error.Suggestion);

    /// <summary>The error for an empty value where a <paramref name="what"/> is expected.</summary>
    internal static UnitError Nothing(string what, string example) => new($"expected {what} but found nothing", $"write e.g. '{example}'");
}
