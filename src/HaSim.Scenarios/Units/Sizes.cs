using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Data sizes in bytes. Decimal prefixes (<c>kB</c>/<c>KB</c> = 1000, <c>MB</c>, <c>GB</c>, <c>TB</c>, <c>PB</c>)
/// and binary ones (<c>KiB</c> = 1024, <c>MiB</c>, <c>GiB</c>, <c>TiB</c>, <c>PiB</c>) are both accepted,
/// as are <c>B</c>/<c>byte</c>/<c>bytes</c> and bits (<c>bit</c>, <c>kbit</c>, <c>Mbit</c>, <c>Gbit</c>, <c>Tbit</c>).
/// The final B is case-sensitive (<c>Mb</c> is refused as ambiguous between megabits and megabytes).
/// Arithmetic is exact: <c>1.5 GiB</c> is exactly 1610612736; a result that is not a whole number of bytes is an error.
/// </summary>
public static class Sizes
{
    // In suggestion and formatting-preference order: decimal before binary.
    private static readonly (string Name, decimal Bytes)[] Table =
    [
        ("B", 1m), ("byte", 1m), ("bytes", 1m),
        ("kB", 1e3m), ("KB", 1e3m), ("MB", 1e6m), ("GB", 1e9m), ("TB", 1e12m), ("PB", 1e15m),
        ("KiB", 1024m), ("MiB", 1048576m), ("GiB", 1073741824m), ("TiB", 1099511627776m), ("PiB", 1125899906842624m),
        ("bit", 0.125m), ("bits", 0.125m), ("kbit", 125m), ("Kbit", 125m), ("Mbit", 125_000m), ("Gbit", 125_000_000m), ("Tbit", 125_000_000_000m),
    ];

    private static readonly Dictionary<string, decimal> Units = Table.ToDictionary(u => u.Name, u => u.Bytes, StringComparer.Ordinal);

    internal static readonly string[] UnitNames = [.. Table.Select(u => u.Name)];

    // For formatting, largest first within each family.
    private static readonly (string Name, decimal Bytes)[] FormatUnits =
    [
        ("PB", 1e15m), ("TB", 1e12m), ("GB", 1e9m), ("MB", 1e6m), ("kB", 1e3m),
        ("PiB", 1125899906842624m), ("TiB", 1099511627776m), ("GiB", 1073741824m), ("MiB", 1048576m), ("KiB", 1024m),
        ("B", 1m),
    ];

    /// <summary>Parses <paramref name="text"/> as a size in bytes.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a valid size.</returns>
    public static bool TryParse(string text, out long bytes, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        if (!TryParseExact(text, "size", out decimal exact, out error))
        {
            return false;
        }

        string trimmed = text.Trim();
        if (decimal.Truncate(exact) != exact)
        {
            error = new UnitError($"'{trimmed}' is not a whole number of bytes ({exact.ToString(CultureInfo.InvariantCulture)})");
            return false;
        }

        if (exact > long.MaxValue)
        {
            error = new UnitError($"'{trimmed}' is too large a size");
            return false;
        }

        bytes = (long)exact;
        return true;
    }

    /// <summary>The size in bytes written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value is not a valid size; the diagnostic is at the node.</exception>
    public static long Parse(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            throw Quantities.Fail(node, Quantities.Nothing("a size", "16 MiB"));
        }

        return TryParse(node.Value, out long bytes, out UnitError? error) ? bytes : throw Quantities.Fail(node, error);
    }

    /// <summary>
    /// A size for reports, in the unit giving the shortest exact number (decimal units preferred
    /// on a tie): 16777216 → "16 MiB", 1000000000 → "1 GB", 512000 → "512 kB", 0 → "0 B".
    /// </summary>
    public static string Format(long bytes)
    {
        if (bytes < 0)
        {
            return "-" + Format(-(decimal)bytes);
        }

        return Format((decimal)bytes);
    }

    /// <summary>Formats a (possibly fractional) number of bytes, or null if no unit gives an exact three-decimal number.</summary>
    internal static string? TryFormatExact(decimal bytes)
    {
        if (bytes == 0)
        {
            return "0 B";
        }

        string? best = null;
        string bestNumber = "";
        foreach ((string name, decimal size) in FormatUnits)
        {
            decimal x = bytes / size;
            if (x < 1 && size > 1)
            {
                continue;
            }

            if (decimal.Round(x, 3) != x)
            {
                continue;
            }

            string number = x.ToString("0.###", CultureInfo.InvariantCulture);
            if (best is null || number.Length < bestNumber.Length)
            {
                best = $"{number} {name}";
                bestNumber = number;
            }
        }

        return best;
    }

    /// <summary>Parses a number and a size unit exactly (the bytes may be fractional); <paramref name="what"/> names the quantity in messages.</summary>
    internal static bool TryParseExact(string text, string what, out decimal bytes, [NotNullWhen(false)] out UnitError? error)
    {
        bytes = 0;
        string trimmed = text.Trim();
        string example = what == "size" ? "16 MiB" : "40 MB/s";
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing($"a {what}", example);
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        Match m = Quantities.NumberThenRest().Match(trimmed);
        if (!m.Success)
        {
            error = new UnitError($"'{trimmed}' is not a {what}", $"use a number and a unit, e.g. '{example}'");
            return false;
        }

        string number = m.Groups["num"].Value;
        string unit = m.Groups["rest"].Value;
        if (unit.Length == 0)
        {
            error = new UnitError($"missing unit in '{trimmed}'", what == "size" ? $"write e.g. '{number} MiB' or '{number} B'" : $"write e.g. '{number} MB/s'");
            return false;
        }

        if (!Units.TryGetValue(unit, out decimal size))
        {
            string? hint = unit.Length == 2 && unit[1] == 'b' && "kKMGTP".Contains(unit[0], StringComparison.Ordinal)
                ? $"write '{number} {char.ToUpperInvariant(unit[0]) switch { 'K' => "kB", char c => c + "B" }}' for bytes or '{number} {unit[0]}bit' for bits"
                : DidYouMean.Phrase(unit, UnitNames);
            string message = hint is not null && hint.StartsWith("write", StringComparison.Ordinal)
                ? $"ambiguous unit '{unit}' in '{trimmed}'"
                : $"unknown size unit '{unit}' in '{trimmed}'";
            error = new UnitError(message, hint ?? "use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB");
            return false;
        }

        if (!Quantities.TryDecimal(number, out decimal value))
        {
            error = new UnitError($"'{trimmed}' is too large a {what}");
            return false;
        }

        if (value < 0)
        {
            error = new UnitError($"negative {what} '{trimmed}'", $"a {what} must be zero or more");
            return false;
        }

        try
        {
            bytes = value * size;
        }
        catch (OverflowException)
        {
            error = new UnitError($"'{trimmed}' is too large a {what}");
            return false;
        }

        error = null;
        return true;
    }

    private static string Format(decimal bytes) =>
        TryFormatExact(bytes) ?? $"{bytes.ToString(CultureInfo.InvariantCulture)} B";
}
