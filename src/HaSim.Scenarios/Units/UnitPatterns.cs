using System.Globalization;
using System.Text;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Regular expressions (ECMA-262, for JSON Schema <c>pattern</c>) matching the text the unit parsers
/// accept, built from the parsers' own unit tables. They check the form only: ranges, and the
/// negative values a parser refuses, stay with the loader.
/// </summary>
public static class UnitPatterns
{
    // Quantities.NumberPattern without a sign: a negative quantity is refused anyway.
    private const string Number = @"\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?";

    private static readonly string TimeUnit = Alternatives(Durations.UnitNames, ignoreCase: true);

    // One duration component; inside a compound a lone 'm' means minutes (see Durations).
    private static readonly string SingleDuration = $@"{Number}\s*{TimeUnit}";
    private static readonly string CompoundComponent = $@"{Number}\s*(?:{TimeUnit}|[mM])";
    private static readonly string AnyDuration = $@"(?:{SingleDuration}|{CompoundComponent}(?:\s*{CompoundComponent})+)";

    private static readonly string SizeText = $@"{Number}\s*{Alternatives(Sizes.UnitNames, ignoreCase: false)}";

    // The time after '/' or 'per' in a rate: a unit alone or a duration (Rates.TryPer).
    private static readonly string Per = $@"\s*(?:/|[pP][eE][rR](?![A-Za-z]))\s*(?:{TimeUnit}|{AnyDuration})";

    /// <summary>A duration: <c>90 s</c>, <c>1.5 min</c>, <c>1h30m</c>, <c>4.3 months</c>.</summary>
    public static string Duration { get; } = $@"^\s*{AnyDuration}\s*$";

    /// <summary>A size: <c>16 MiB</c>, <c>0 B</c>, <c>10 Gbit</c>.</summary>
    public static string Size { get; } = $@"^\s*{SizeText}\s*$";

    /// <summary>A data rate: <c>40 MB/s</c>, <c>1 GB per hour</c>, <c>1 GB / 10 min</c>.</summary>
    public static string ByteRate { get; } = $@"^\s*{SizeText}{Per}\s*$";

    /// <summary>An event rate: <c>500 /s</c>, <c>2 per year</c>, <c>1 per 90 days</c>; without a number, one (<c>per year</c>).</summary>
    public static string EventRate { get; } = $@"^\s*(?:{Number})?{Per}\s*$";

    /// <summary>A percentage or fraction written as text: <c>95%</c>, <c>99.99 %</c>, <c>0.25</c>.</summary>
    public static string Fraction { get; } = $@"^\s*{Number}\s*%?\s*$";

    /// <summary>The alternatives of <paramref name="names"/>, longest first, each letter in both cases when <paramref name="ignoreCase"/>.</summary>
    private static string Alternatives(IEnumerable<string> names, bool ignoreCase)
    {
        var parts = names.Distinct(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => ignoreCase ? CaseInsensitive(n) : Escape(n));
        return "(?:" + string.Join("|", parts) + ")";
    }

    private static string CaseInsensitive(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            char lower = char.ToLowerInvariant(c);
            char upper = char.ToUpperInvariant(c);
            sb.Append(lower == upper ? Escape(c.ToString()) : string.Create(CultureInfo.InvariantCulture, $"[{lower}{upper}]"));
        }

        return sb.ToString();
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
