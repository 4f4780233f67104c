using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Unitless values: counts (whole numbers, zero or more), plain numbers, booleans, enumerations
/// and fixed choices. Enumeration members are written in snake_case (<c>SemiSync</c> as
/// <c>semi_sync</c>) and matched ignoring case, '_', '-' and spaces; a misspelt value gets a
/// did-you-mean suggestion and the list of allowed values.
/// </summary>
public static class Values
{
    /// <summary>Parses a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a whole number in range.</returns>
    public static bool TryParseCount(string text, out int count, [NotNullWhen(false)] out UnitError? error, int min = 0, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        count = 0;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing("a count", "3");
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        var m = Quantities.NumberThenRest().Match(trimmed);
        if (!m.Success || m.Groups["rest"].Value.Length > 0 || !Quantities.TryDecimal(m.Groups["num"].Value, out decimal value))
        {
            error = new UnitError($"'{trimmed}' is not a count", "write a whole number, e.g. '3'");
            return false;
        }

        if (decimal.Truncate(value) != value || m.Groups["num"].Value.Contains('.', StringComparison.Ordinal))
        {
            error = new UnitError($"'{trimmed}' is not a whole number");
            return false;
        }

        if (value < min || value > max)
        {
            string range = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}";
            error = value < 0 && min == 0
                ? new UnitError($"negative count '{trimmed}'", "a count must be zero or more")
                : new UnitError($"'{trimmed}' is out of range", $"it must be {range}");
            return false;
        }

        count = (int)value;
        error = null;
        return true;
    }

    /// <summary>The whole number from <paramref name="min"/> to <paramref name="max"/> written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value is not a whole number in range; the diagnostic is at the node.</exception>
    public static int ParseCount(ScalarNode node, int min = 0, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TryParseCount(node.IsNull ? "" : node.Value, out int count, out UnitError? error, min, max) ? count : throw Quantities.Fail(node, error);
    }

    /// <summary>Parses a finite plain number (no unit), e.g. a Weibull shape.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a number.</returns>
    public static bool TryParseNumber(string text, out double number, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        number = 0;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = Quantities.Nothing("a number", "1.5");
            return false;
        }

        if (Quantities.SeparatorError(trimmed) is { } separatorError)
        {
            error = separatorError;
            return false;
        }

        var m = Quantities.NumberThenRest().Match(trimmed);
        if (!m.Success || m.Groups["rest"].Value.Length > 0)
        {
            error = new UnitError($"'{trimmed}' is not a number", m.Success ? "this value takes no unit" : null);
            return false;
        }

        if (!Quantities.TryDecimal(m.Groups["num"].Value, out decimal exact))
        {
            number = double.Parse(m.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(number))
            {
                error = new UnitError($"'{trimmed}' is too large a number");
                return false;
            }
        }
        else
        {
            number = Quantities.ToDouble(exact);
        }

        error = null;
        return true;
    }

    /// <summary>The plain number written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value is not a number; the diagnostic is at the node.</exception>
    public static double ParseNumber(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TryParseNumber(node.IsNull ? "" : node.Value, out double number, out UnitError? error) ? number : throw Quantities.Fail(node, error);
    }

    /// <summary>Parses <c>true</c>/<c>false</c> (also <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>), ignoring case.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it is not a boolean.</returns>
    public static bool TryParseBool(string text, out bool value, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                value = true;
                error = null;
                return true;
            case "false" or "no" or "off":
                value = false;
                error = null;
                return true;
            default:
                value = false;
                error = trimmed.Length == 0
                    ? Quantities.Nothing("true or false", "true")
                    : new UnitError($"'{trimmed}' is not true or false", DidYouMean.Phrase(trimmed, ["true", "false"]) ?? "write true or false");
                return false;
        }
    }

    /// <summary>The boolean written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value is not a boolean; the diagnostic is at the node.</exception>
    public static bool ParseBool(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TryParseBool(node.IsNull ? "" : node.Value, out bool value, out UnitError? error) ? value : throw Quantities.Fail(node, error);
    }

    /// <summary>Parses one of <paramref name="allowed"/>, ignoring case, '_', '-' and spaces; returns the allowed spelling.</summary>
    /// <returns>False, with the reason in <paramref name="error"/> (a did-you-mean and the allowed values), when it matches none.</returns>
    public static bool TryParseChoice(string text, IReadOnlyList<string> allowed, [NotNullWhen(true)] out string? choice, [NotNullWhen(false)] out UnitError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        string trimmed = text.Trim();
        string key = Normalize(trimmed);
        foreach (string a in allowed)
        {
            if (Normalize(a) == key)
            {
                choice = a;
                error = null;
                return true;
            }
        }

        choice = null;
        string list = string.Join(", ", allowed);
        if (trimmed.Length == 0)
        {
            error = new UnitError("expected a value but found nothing", $"write one of: {list}");
            return false;
        }

        string? mean = DidYouMean.Phrase(trimmed, allowed);
        error = new UnitError($"unknown value '{trimmed}'", mean is null ? $"expected one of: {list}" : $"{mean} (expected one of: {list})");
        return false;
    }

    /// <summary>The one of <paramref name="allowed"/> written at <paramref name="node"/>, in the allowed spelling.</summary>
    /// <exception cref="ScenarioException">When the value is none of them; the diagnostic is at the node.</exception>
    public static string ParseChoice(ScalarNode node, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TryParseChoice(node.IsNull ? "" : node.Value, allowed, out string? choice, out UnitError? error) ? choice : throw Quantities.Fail(node, error);
    }

    /// <summary>Parses a member of <typeparamref name="TEnum"/> written in snake_case (matched as in <see cref="TryParseChoice"/>).</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when it names no member.</returns>
    public static bool TryParseEnum<TEnum>(string text, out TEnum value, [NotNullWhen(false)] out UnitError? error)
        where TEnum : struct, Enum
    {
        TEnum[] members = Enum.GetValues<TEnum>();
        string[] names = [.. members.Select(FormatEnum)];
        if (TryParseChoice(text, names, out string? choice, out error))
        {
            value = members[Array.IndexOf(names, choice)];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The member of <typeparamref name="TEnum"/> written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the value names no member; the diagnostic is at the node.</exception>
    public static TEnum ParseEnum<TEnum>(ScalarNode node)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(node);
        return TryParseEnum(node.IsNull ? "" : node.Value, out TEnum value, out UnitError? error) ? value : throw Quantities.Fail(node, error);
    }

    /// <summary>An enumeration member as written in scenario files: <c>SemiSync</c> → <c>semi_sync</c>, <c>DnsTTL</c> → <c>dns_ttl</c>.</summary>
    public static string FormatEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => SnakeCase(value.ToString());

    /// <summary>A PascalCase name in snake_case.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Normalize(string s)
    {
        var text = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c is not ('_' or '-' or ' '))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
