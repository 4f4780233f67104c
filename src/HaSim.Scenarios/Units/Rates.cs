using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HaSim.Scenarios.Units;

/// <summary>The "/ time" or "per time" part shared by data rates and event rates.</summary>
internal static partial class Rates
{
    /// <summary>Time units for formatting rates, shortest first: (suffix, seconds).</summary>
    internal static readonly (string Name, double Seconds)[] Denominators =
    [
        ("s", 1), ("min", Model.Parameters.Units.Minute), ("h", Model.Parameters.Units.Hour), ("d", Model.Parameters.Units.Day),
    ];

    [GeneratedRegex(@"^(?<amount>.*?)\s*(?:/|\bper\b)\s*(?<per>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Split();

    /// <summary>Splits <c>amount / per</c> or <c>amount per per</c>; false when there is no slash or 'per'.</summary>
    internal static bool TrySplit(string text, out string amount, [NotNullWhen(true)] out string? per)
    {
        Match m = Split().Match(text);
        if (!m.Success)
        {
            amount = text;
            per = null;
            return false;
        }

        amount = m.Groups["amount"].Value;
        per = m.Groups["per"].Value.Trim();
        return true;
    }

    /// <summary>The seconds in the time after the slash: a unit (<c>s</c>, <c>year</c>) or a duration (<c>90 d</c>).</summary>
    internal static bool TryPer(string per, string whole, out decimal seconds, [NotNullWhen(false)] out UnitError? error)
    {
        if (per.Length == 0)
        {
            seconds = 0;
            error = new UnitError($"missing time unit after the '/' in '{whole}'", "write e.g. '/s' or 'per year'");
            return false;
        }

        bool ok = char.IsAsciiDigit(per[0]) || per[0] == '.'
            ? Durations.TryParseExact(per, out seconds, out error)
            : Durations.TryUnit(per, whole, compound: false, out seconds, out error);
        if (ok && seconds == 0)
        {
            error = new UnitError($"a rate per zero time in '{whole}'");
            return false;
        }

        return ok;
    }
}
