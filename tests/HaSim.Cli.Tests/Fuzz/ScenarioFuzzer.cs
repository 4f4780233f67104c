using System.Globalization;
using System.Text;
using HaSim.Model.Metrics;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>
/// A seeded generator of scenario files for the contract tests: well-formed scenarios with values at
/// and beyond every domain's edges (most inputs), and byte- and line-level mutations of generated and
/// shipped scenarios. Input <c>i</c> of seed <c>s</c> is always the same text.
/// </summary>
internal sealed class ScenarioFuzzer
{
    private static readonly string[] DurationUnits = ["s", "ms", "min", "h", "d", "years", "us", "months", "", "parsecs", "m"];
    private static readonly string[] Plausible = ["1", "2", "3", "5", "10", "30", "60", "100", "0.5", "0.1", "20"];
    private static readonly string[] SizeUnits = ["B", "KiB", "MB", "GiB", "TB", "PB", "EB", "", "kg"];
    private static readonly string[] RateUnits = ["B/s", "MB/s", "GB/s", "TB/s", "MB/min", "KiB/h", "/s", "MB"];
    private static readonly string[] Numbers =
    [
        "0", "0.000001", "0.001", "0.5", "1", "2", "3", "5", "10", "60", "100", "3600", "86400", "1e6", "3.15e7", "3e10", "3.2e10",
        "1e12", "1e15", "1e18", "1e20", "1e300", "-1", "-0", "1,5", "1_000", "NaN", "Infinity", "1e-300", "0x10", ".5", "5.",
    ];

    private static readonly string[] PlausibleCounts = ["0", "1", "2", "3", "4", "10"];
    private static readonly string[] Counts = ["-1", "0", "1", "2", "3", "4", "5", "8", "9", "15", "16", "100", "1000000", "10000000", "2147483647", "2147483648", "1e12", "1.5", "three", ""];
    private static readonly string[] Fractions = ["0%", "50%", "99.95%", "100%", "101%", "0", "0.5", "1", "1.5", "-0.1", "-5%", "1e-9", "abc"];
    private static readonly string[] Names = ["x", "../../../x", "/etc/hasim-fuzz", "..", ".", "a/b", "\"a\\0b\"", "\"tab\\there\"", "''", "\"\\u202e\"", new string('n', 400), "名前", "con", "-rf"];
    private static readonly string[] Junk = ["", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "'quoted'", "\"\\x00\"", "&a 1", "*a", "!!binary AA==", "|\n    block", ">-\n    folded", "? complex", "- item"];

    private readonly Random _random;
    private readonly string[] _shipped;

    public ScenarioFuzzer(int seed, string[] shippedTexts)
    {
        _random = new Random(seed);
        _shipped = shippedTexts;
    }

    /// <summary>What the last input was: "structured", "mutated" or "shipped-mutated".</summary>
    public string LastKind { get; private set; } = "";

    /// <summary>The next scenario text.</summary>
    public string Next(bool allowExpect)
    {
        int roll = _random.Next(100);
        if (roll < 70)
        {
            LastKind = "structured";
            return Structured(allowExpect);
        }

        LastKind = roll < 88 ? "mutated" : "shipped-mutated";
        string text = roll < 88 ? Structured(allowExpect) : _shipped[_random.Next(_shipped.Length)];
        int mutations = 1 + _random.Next(3);
        for (int i = 0; i < mutations; i++)
        {
            text = Mutate(text);
        }

        return text;
    }

    /// <summary><paramref name="text"/> with one to three random mutations (lines dropped, doubled, swapped or re-indented, junk, cut short...).</summary>
    public string Mutated(string text)
    {
        int mutations = 1 + _random.Next(3);
        for (int i = 0; i < mutations; i++)
        {
            text = Mutate(text);
        }

        return text;
    }

    /// <summary>A count for a fleet group or capacity value, plausible or at and beyond its edges.</summary>
    public string Count() => Chance(60) ? Pick(PlausibleCounts.Skip(1).ToArray()) : Pick(Counts);

    /// <summary>A duration, size or rate for a capacity value, or a number or junk.</summary>
    public string AnyValue() => _random.Next(5) switch
    {
        0 => Duration(),
        1 => Size(),
        2 => Rate(),
        3 => Pick(Numbers),
        _ => Pick(Junk),
    };

    /// <summary>A well-formed scenario whose values lean to the edges of their domains.</summary>
    public string Structured(bool allowExpect)
    {
        var preset = Pick(PresetCatalog.All);
        var sb = new StringBuilder();
        if (Chance(15))
        {
            sb.Append("name: ").Append(Pick(Names)).Append('\n');
        }

        sb.Append("preset: ").Append(Chance(3) ? preset.Name + "x" : preset.Name).Append('\n');
        if (Chance(10))
        {
            sb.Append("seed: ").Append(Pick(["0", "7", "18446744073709551615", "18446744073709551616", "-1", "1.5", "x"])).Append('\n');
        }

        if (Chance(10))
        {
            sb.Append("horizon: ").Append(Duration()).Append('\n');
        }

        var definitions = preset.Parameters.Catalog.Definitions;
        int overrides = _random.Next(0, 4);
        if (overrides > 0)
        {
            sb.Append("parameters:\n");
            foreach (var def in definitions.OrderBy(_ => _random.Next()).Take(overrides))
            {
                string key = Chance(3) ? def.Key + "s" : def.Key;
                sb.Append("  ").Append(key).Append(": ").Append(ValueFor(def.Kind, def.Choices)).Append('\n');
            }
        }

        if (Chance(30))
        {
            sb.Append("workload:\n");
            if (Chance(60))
            {
                sb.Append("  wal_rate: ").Append(Chance(15) ? $"[{{from: 0 s, rate: {Rate()}}}, {{from: {Duration()}, rate: {Rate()}}}]" : Rate()).Append('\n');
            }

            if (Chance(40))
            {
                sb.Append("  transaction_rate: ").Append(Pick(Numbers)).Append(Pick([" /s", " per second", " /min", ""])).Append('\n');
            }

            if (Chance(40))
            {
                sb.Append("  transaction_duration: ").Append(Duration()).Append('\n');
            }

            if (Chance(40))
            {
                sb.Append("  database_size: ").Append(Size()).Append('\n');
            }
        }

        if (Chance(25))
        {
            sb.Append("client:\n");
            foreach (var field in new[] { "retry_interval", "max_retry_interval", "connect_timeout", "dns_cache" })
            {
                if (Chance(40))
                {
                    sb.Append("  ").Append(field).Append(": ").Append(Duration()).Append('\n');
                }
            }

            if (Chance(40))
            {
                sb.Append("  backoff: ").Append(Pick(["0.5", "1", "2", "100", "101", "1e9", "x"])).Append('\n');
            }

            if (Chance(30))
            {
                sb.Append("  jitter: ").Append(Pick(Fractions)).Append('\n');
            }

            if (Chance(30))
            {
                sb.Append("  honours_dns_ttl: ").Append(Pick(["true", "false", "yes", "maybe"])).Append('\n');
            }
        }

        int faults = _random.Next(0, 7);
        if (faults > 0)
        {
            var targets = preset.Architecture.Targets(preset.Parameters);
            sb.Append("timeline:\n");
            for (int i = 0; i < faults; i++)
            {
                var target = Pick(targets);
                string fault = Chance(93) ? Pick(target.Faults).FileName : Pick(["crash", "hang", "fail", "outage", "planned-failover", "forced-failover", "explode"]);
                sb.Append("  - {at: ").Append(Chance(80) ? Pick(["0 s", "1 s", "10 min", "1 h", "2 d", "29 d", "40 d"]) : Duration())
                    .Append(", target: ").Append(Chance(95) ? target.Label : Pick(["primary", "az-9", "nothing", "az_1", "Primary"]))
                    .Append(", fault: ").Append(fault);
                if (Chance(30))
                {
                    sb.Append(", duration: ").Append(Chance(70) ? Pick(["30 s", "5 min", "1 h", "3 d"]) : Duration());
                }

                sb.Append("}\n");
            }
        }

        if (allowExpect && Chance(20))
        {
            sb.Append("expect:\n");
            int n = 1 + _random.Next(3);
            for (int i = 0; i < n; i++)
            {
                var metric = Pick(MetricTable.All.All);
                sb.Append("  - {metric: ").Append(metric.Key);
                if (metric.Subject != MetricSubject.None || Chance(10))
                {
                    sb.Append(", of: ").Append(Pick(["cold_cache", "no_standby", "promote_standby", "restart_postgres", "warm cache", "x"]));
                }

                if (Chance(20))
                {
                    sb.Append(", incident: ").Append(Pick(Counts));
                }

                sb.Append(Pick([", max: 5 min", ", min: 0 s", ", equals: 0 B", ", max: 1e20 s", ", min: -1 s", ", max: 3", ""])).Append("}\n");
            }
        }

        return sb.ToString();
    }

    private string ValueFor(ParameterKind kind, IReadOnlyList<string>? choices) => Chance(2) ? Pick(Junk) : kind switch
    {
        ParameterKind.Duration => Chance(55) ? Duration() : Distribution(),
        ParameterKind.Seconds => Chance(90) ? Duration() : Distribution(),
        ParameterKind.Bytes => Size(),
        ParameterKind.ByteRate => Rate(),
        ParameterKind.Count => Chance(70) ? Pick(PlausibleCounts) : Pick(Counts),
        ParameterKind.Fraction => Pick(Fractions),
        ParameterKind.Flag => Pick(["true", "false", "yes", "no", "maybe", "1"]),
        ParameterKind.Choice => Chance(80) ? Pick(choices!) : Pick(["async", "semi_sync", "Synchronous", ""]),
        _ => Pick(Numbers),
    };

    private string Duration() => Chance(5) ? Pick(["1h30m", "1 d 12 h", "90s", "-5 min", "5 min ago", "1e3"]) : $"{Number()} {Unit(DurationUnits, 5)}".Trim();

    private string Size() => $"{Number()} {Unit(SizeUnits, 5)}".Trim();

    private string Rate() => $"{Number()} {Unit(RateUnits, 4)}".Trim();

    /// <summary>A plausible number three times in four, else one at or beyond an edge.</summary>
    private string Number() => Chance(75) ? Pick(Plausible) : Pick(Numbers);

    /// <summary>One of the first <paramref name="valid"/> units nine times in ten, else any (an unknown one too).</summary>
    private string Unit(string[] units, int valid) => Chance(90) ? units[_random.Next(valid)] : Pick(units);

    private string Distribution() => _random.Next(8) switch
    {
        0 => $"{{uniform: {{min: {Duration()}, max: {Duration()}}}}}",
        1 => $"{{lognormal: {{median: {Duration()}, p99: {Duration()}}}}}",
        2 => $"{{exponential: {{mean: {Duration()}}}}}",
        3 => $"{{weibull: {{shape: {Pick(["0.01", "0.1", "0.5", "1", "5", "100", "0", "-1", "1e9"])}, scale: {Duration()}}}}}",
        4 => $"{{normal: {{mean: {Duration()}, sd: {Duration()}, min: {Duration()}}}}}",
        5 => $"{{empirical: [{Duration()}, {Duration()}, {Duration()}]}}",
        6 => $"{{exponential: {{rate: {Pick(Numbers)} {Pick(["/s", "/year", "per day", "/h"])}}}}}",
        _ => $"{{{Pick(["gamma", "uniform", "constant"])}: {{mean: {Duration()}}}}}",
    };

    private string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        switch (_random.Next(12))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(_random.Next(lines.Count));
                break;
            case 1:
                int d = _random.Next(lines.Count);
                lines.Insert(d, lines[d]);
                break;
            case 2 when lines.Count > 1:
                int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 3:
                int k = _random.Next(lines.Count);
                lines[k] = (Chance(50) ? "\t" : new string(' ', _random.Next(1, 5))) + lines[k];
                break;
            case 4:
                lines.Insert(_random.Next(lines.Count + 1), Pick(Junk) + ": " + Pick(Junk));
                break;
            case 5:
                if (text.Length > 0)
                {
                    int at = _random.Next(text.Length);
                    return text[..at] + Pick(["{", "}", "[", "]", ":", "-", "'", "\"", "#", "&", "*", "!", "|", ">", "%", "@", "`", ",", "\0", "\u00e9", "\uFEFF", "\r"]) + text[at..];
                }

                break;
            case 6:
                return text.Length == 0 ? text : text[.._random.Next(text.Length)];
            case 7:
                int v = _random.Next(lines.Count);
                int colon = lines[v].IndexOf(": ", StringComparison.Ordinal);
                if (colon >= 0)
                {
                    lines[v] = lines[v][..(colon + 2)] + Pick(Chance(50) ? Numbers : Junk) + " " + Pick(DurationUnits);
                }

                break;
            case 8:
                return "\uFEFF" + text;
            case 9:
                return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            case 10:
                lines.Insert(_random.Next(lines.Count + 1), "x: &a [*a]");
                break;
            default:
                lines.Insert(_random.Next(lines.Count + 1), "timeline:\n" + string.Concat(Enumerable.Repeat("  - {at: 1 s, target: az-1, fault: outage, duration: 1 s}\n", _random.Next(1, 40))));
                break;
        }

        return string.Join('\n', lines);
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A number for flags, at and beyond each flag's edges and in other cultures' spellings.</summary>
    public string FlagNumber() => Pick(["0", "1", "2", "3", "10", "1000", "0.5", "1e3", "1,5", "1,000", "1 000", "1_000", "-1", "+1", "", " 1", "1.", ".5", "NaN", "Infinity", "0x10", "١٢", "99999999999999999999999", "100001", "1099511627777", "18446744073709551615", "1e-400"]);

    /// <summary>An index for picking among a flag-fuzz pool.</summary>
    public int Index(int count) => _random.Next(count);

    /// <summary>True with the given percent chance.</summary>
    public bool Maybe(int percent) => Chance(percent);

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
