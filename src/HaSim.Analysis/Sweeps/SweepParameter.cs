using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Analysis.Sweeps;

/// <summary>
/// One parameter of a sweep and the values it takes, from <c>--param KEY=VALUES</c>: a comma list
/// (<c>0,8,16</c>, <c>30 s,1 min</c>; commas inside braces belong to a value such as a distribution)
/// or a range <c>FROM..TO step STEP</c> (<c>0..64 step 8</c>, <c>10 s..60 s step 10 s</c>; the step
/// defaults to 1 and TO is included when a whole number of steps reaches it).
/// </summary>
/// <param name="Key">The parameter key, as written.</param>
/// <param name="Values">The values, as scenario-file text (read by the parameter's own rules when the sweep applies them).</param>
/// <param name="Text">The option's text, for messages.</param>
public sealed partial record SweepParameter(string Key, IReadOnlyList<string> Values, string Text)
{
    /// <summary>The most points a sweep may have (all parameters together).</summary>
    public const int MaxPoints = 256;

    private const string Source = "--param";

    /// <summary>Parses <c>KEY=VALUES</c>.</summary>
    /// <exception cref="ScenarioException">The text is malformed; the diagnostic names the column.</exception>
    public static SweepParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            throw Error(text, 0, $"'{text}' has no '='", "write KEY=VALUES, e.g. compute.spare_slots_per_az=0,50,100 or compute.spare_slots_per_az=0..200 step 50");
        }

        string key = text[..eq].Trim();
        if (key.Length == 0)
        {
            throw Error(text, 0, "the parameter key is missing before '='", "write KEY=VALUES, e.g. standby.count=1,2");
        }

        string spec = text[(eq + 1)..];
        if (spec.Trim().Length == 0)
        {
            throw Error(text, eq + 1, $"'{key}' has no values after '='", "give a list (0,8,16) or a range (0..64 step 8)");
        }

        var values = Range().Match(spec) is { Success: true } m ? Expand(text, eq + 1, m) : SplitList(text, eq + 1, spec);
        if (values.Count > MaxPoints)
        {
            throw Error(text, eq + 1, $"'{key}' takes {values.Count} values", $"a sweep has at most {MaxPoints} points: widen the step");
        }

        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error(text, eq + 1, $"'{key}' lists '{duplicate.Key}' twice", "give each value once");
        }

        return new SweepParameter(key, values, text);
    }

    private static List<string> SplitList(string text, int offset, string spec)
    {
        var values = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= spec.Length; i++)
        {
            char c = i < spec.Length ? spec[i] : ',';
            depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                string value = spec[start..i].Trim();
                if (value.Length == 0)
                {
                    throw Error(text, offset + start, "an empty value in the list", "separate values by single commas, e.g. 0,8,16");
                }

                values.Add(value);
                start = i + 1;
            }
        }

        return values;
    }

    private static List<string> Expand(string text, int offset, Match m)
    {
        var culture = CultureInfo.InvariantCulture;
        double from = double.Parse(m.Groups["from"].Value, culture);
        double to = double.Parse(m.Groups["to"].Value, culture);
        double step = m.Groups["step"].Success ? double.Parse(m.Groups["step"].Value, culture) : 1;
        string[] units = [.. new[] { "fu", "tu", "su" }.Select(g => m.Groups[g].Value.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)];
        if (units.Length > 1)
        {
            throw Error(text, offset, $"the range mixes units ({string.Join(", ", units)})", "write every bound and the step in one unit, e.g. 30 s..120 s step 30 s");
        }

        if (!(step > 0))
        {
            throw Error(text, offset + m.Groups["step"].Index, "the step must be positive", "e.g. 0..64 step 8");
        }

        if (to < from)
        {
            throw Error(text, offset + m.Groups["to"].Index, $"the range ends ({m.Groups["to"].Value}) before it starts ({m.Groups["from"].Value})", "write FROM..TO with FROM <= TO");
        }

        double count = Math.Floor(((to - from) / step) + 1e-9) + 1;
        if (count > MaxPoints)
        {
            throw Error(text, offset, string.Create(culture, $"the range has {count:0} values"), $"a sweep has at most {MaxPoints} points: widen the step");
        }

        string unit = units.Length == 1 ? " " + units[0] : "";
        var values = new List<string>();
        for (int k = 0; k < (int)count; k++)
        {
            // Multiply rather than add, so 0.1 steps do not drift; round away representation noise.
            double v = Math.Round(from + (k * step), 9);
            values.Add(v.ToString("R", culture) + unit);
        }

        return values;
    }

    private static ScenarioException Error(string text, int column, string message, string suggestion) =>
        new(new ScenarioDiagnostic(Source, 1, column + 1, text.Split('=', 2)[0].Trim(), message, suggestion));

    [GeneratedRegex(@"^\s*(?<from>\d+(?:\.\d+)?)\s*(?<fu>[A-Za-z%/]*)\s*\.\.\s*(?<to>\d+(?:\.\d+)?)\s*(?<tu>[A-Za-z%/]*)\s*(?:\bstep\s+(?<step>\d+(?:\.\d+)?)\s*(?<su>[A-Za-z%/]*))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
