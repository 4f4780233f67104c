using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// Reads a budgets file into validated <see cref="Budget"/>s, with the diagnostics of scenario files:
/// every problem names the file, line, column and field, with a did-you-mean where one is close, and
/// all of them are reported at once.
/// </summary>
/// <remarks>
/// <code>
/// defaults:                 # optional, for every budget below
///   replications: 100       # at the first look (at least 20)
///   max_replications: 1600  # escalation cap (default 16 x replications)
///   confidence: 95%         # of every verdict
///   regression: 10%         # tolerance against the baseline: a share of it, or an amount in the figure's unit
///   seed: 1
/// budgets:
///   - name: zr-primary-failure-p99-rto        # a slug: names the baseline file and the test case
///     scenario: azure/zone-redundant-primary-failure.yaml   # relative to this file; replayed over seeds
///     goal: p99 rto &lt;= 120 s
///     source: "seed 002: failover 'between 60s-120s'"
///   - name: business-sla
///     preset: aiven-business                  # or a scenario, with
///     years: 1                                # simulated years per replication of random failures
///     goal: P(month misses SLA) &lt;= 1%
/// </code>
/// </remarks>
public static partial class BudgetFileLoader
{
    /// <summary>Replications at the first look unless a budget says otherwise.</summary>
    public const long DefaultReplications = 100;

    /// <summary>The fewest replications a first look may have: the regression test pairs this many batches.</summary>
    public const long MinReplications = BudgetRunner.Batches;

    /// <summary>The most replications a budget may escalate to.</summary>
    public const long MaxReplicationsLimit = 1L << 30;

    // The keys each section accepts are declared once, with the JSON Schema (BudgetGrammar.cs).
    private static readonly string[] RootKeys = BudgetGrammar.Root.KeyNames;
    private static readonly string[] DefaultKeys = BudgetGrammar.Defaults.KeyNames;
    private static readonly string[] BudgetKeys = BudgetGrammar.Budget.KeyNames;

    /// <summary>Loads and validates the budgets file at <paramref name="path"/> (and every scenario it names).</summary>
    /// <exception cref="ScenarioException">The file, or a scenario it names, is missing, malformed or invalid.</exception>
    public static BudgetFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ScenarioException(new ScenarioDiagnostic(path, 0, 0, "", "budgets file not found"));
        }

        return Bind(YamlDocumentReader.Load(path), path);
    }

    /// <summary>Parses budgets text (for tests); <paramref name="path"/> names it in errors and anchors relative scenario paths.</summary>
    public static BudgetFile Parse(string text, string path) => Bind(YamlDocumentReader.Parse(text, path), path);

    [GeneratedRegex(BudgetGrammar.NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private static BudgetFile Bind(MapNode root, string path)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(root.FindUnknownKeys(RootKeys));
        var defaults = new Settings(DefaultReplications, null, Goal.DefaultConfidence, null, Scenario.DefaultSeed);
        if (root.Get("defaults") is { } defaultsNode && bag.Capture(() => defaultsNode.AsMap()) is { } defaultsMap)
        {
            bag.AddRange(defaultsMap.FindUnknownKeys(DefaultKeys));
            defaults = ReadSettings(defaultsMap, defaults, bag);
        }

        var budgets = new List<Budget>();
        var seq = bag.Capture(() => root.RequiredSeq("budgets"));
        if (seq is not null && seq.Count == 0)
        {
            bag.Add(seq.Diagnostic("the file has no budgets", "add at least one under 'budgets:'"));
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var scenarios = new Dictionary<string, (Scenario, ScenarioIdentity)?>(StringComparer.Ordinal);
        foreach (var item in (IEnumerable<ScenarioNode>?)seq ?? [])
        {
            if (bag.Capture(() => item.AsMap()) is { } map && ReadBudget(map, path, defaults, names, scenarios, bag) is { } budget)
            {
                budgets.Add(budget);
            }
        }

        bag.ThrowIfAny();
        return new BudgetFile(path, System.IO.Path.GetFileNameWithoutExtension(path), budgets);
    }

    private static Budget? ReadBudget(MapNode map, string path, Settings defaults, Dictionary<string, int> names, Dictionary<string, (Scenario, ScenarioIdentity)?> scenarios, DiagnosticBag bag)
    {
        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(BudgetKeys));
        string? name = null;
        if (bag.Capture(() => map.RequiredScalar("name")) is { } nameNode)
        {
            if (!NamePattern().IsMatch(nameNode.Value))
            {
                bag.Add(nameNode.Diagnostic($"'{nameNode.Value}' is not a budget name", "use lower-case letters, digits, '-' and '_' (it names the baseline file), e.g. 'zr-primary-failure-rto'"));
            }
            else if (nameNode.Value == "manifest")
            {
                bag.Add(nameNode.Diagnostic("'manifest' is not a budget name: manifest.json lists the baselines folder's files", "choose another name, e.g. 'manifest-rto'"));
            }
            else if (names.TryGetValue(nameNode.Value, out int line))
            {
                bag.Add(nameNode.Diagnostic($"budget name '{nameNode.Value}' is already used on line {line}", "give every budget its own name"));
            }
            else
            {
                names.Add(nameNode.Value, nameNode.Line);
                name = nameNode.Value;
            }
        }

        var settings = ReadSettings(map, defaults, bag);
        double? years = null;
        if (map.OptionalScalar("years") is { } yearsNode)
        {
            years = bag.Capture(() => Values.ParseNumber(yearsNode) is var y && y > 0 && y <= 1e6
                ? y
                : throw yearsNode.Error($"'{yearsNode.Value}' is not a number of years", "give simulated years per replication, more than 0 and at most 1000000"));
        }

        var subject = ReadSubject(map, path, years, scenarios, bag);
        Goal? goal = null;
        if (subject is not null && bag.Capture(() => map.RequiredScalar("goal")) is { } goalNode)
        {
            goal = bag.Capture(() => GoalParser.Parse(goalNode, subject.Scenario.Preset.Architecture, settings.Confidence));
            if (goal?.Figure.Year is { } year)
            {
                if (subject.IsScripted)
                {
                    bag.Add(goalNode.Diagnostic($"'{year.Key}' is a figure of simulated years of random failures",
                        "give 'years:' (e.g. 'years: 1') to run random failures, or measure a metric of the scripted incident, e.g. 'p99 rto'"));
                }
                else if (years < year.MinimumYears - 1e-9)
                {
                    bag.Add(map.Get("years")!.Diagnostic($"'{year.Key}' needs replications of at least {(year.MinimumYears >= 1 ? "a whole year" : "a whole month")}",
                        "use 'years: 1' or more"));
                }
            }
        }
        else
        {
            bag.Capture(() => map.RequiredScalar("goal"));
        }

        var tolerance = Tolerance.Default;
        if ((map.OptionalScalar("regression") ?? settings.RegressionNode) is { } regressionNode && goal is not null)
        {
            tolerance = bag.Capture(() => ReadTolerance(regressionNode, goal.Figure.Unit));
        }

        long cap = settings.MaxReplications ?? Math.Min(MaxReplicationsLimit, settings.Replications * 16);
        if (cap < settings.Replications)
        {
            bag.Add((map.Get("max_replications") ?? map).Diagnostic($"max_replications ({cap}) is less than replications ({settings.Replications})", "the cap must be at least the first look's replications"));
        }

        if (bag.Diagnostics.Count > before || name is null || subject is null || goal is null)
        {
            return null;
        }

        return new Budget(name, map.OptionalScalar("description")?.Value, subject, goal, settings.Replications, cap, settings.Seed, tolerance, map.OptionalScalar("source")?.Value, map.Line);
    }

    private static BudgetSubject? ReadSubject(MapNode map, string path, double? years, Dictionary<string, (Scenario, ScenarioIdentity)?> scenarios, DiagnosticBag bag)
    {
        var scenarioNode = bag.Capture(() => map.OptionalScalar("scenario"));
        var presetNode = bag.Capture(() => map.OptionalScalar("preset"));
        if (scenarioNode is not null && presetNode is not null)
        {
            bag.Add(presetNode.Diagnostic("a budget runs either a 'scenario' or a 'preset', not both", "keep one of them"));
            return null;
        }

        if (scenarioNode is null && presetNode is null)
        {
            if (!map.ContainsKey("scenario") && !map.ContainsKey("preset"))
            {
                bag.Add(map.Diagnostic("a budget needs a 'scenario' (a file, replayed or run for years) or a 'preset' (run for years)"));
            }

            return null;
        }

        if (presetNode is not null)
        {
            var preset = PresetCatalog.Find(presetNode.Value);
            if (preset is null)
            {
                bag.Add(presetNode.Diagnostic($"unknown preset '{presetNode.Value}'",
                    DidYouMean.Phrase(presetNode.Value, PresetCatalog.All.Select(p => p.Name)) ?? "presets: " + string.Join(", ", PresetCatalog.All.Select(p => p.Name))));
                return null;
            }

            if (years is null)
            {
                bag.Add(presetNode.Diagnostic("a preset alone has no scripted timeline to replay", "give 'years:' to run it for simulated years of random failures, or name a 'scenario' file"));
                return null;
            }

            string text = $"name: {preset.Name}\npreset: {preset.Name}\n";
            var scenario = ScenarioLoader.Parse(text, $"{path}:{presetNode.Line}");
            return new BudgetSubject(scenario, ScenarioIdentity.From(scenario, text), "preset " + preset.Name, years);
        }

        string relative = scenarioNode!.Value;
        string file = System.IO.Path.IsPathRooted(relative) ? relative : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", relative);
        if (!scenarios.TryGetValue(file, out var loaded))
        {
            if (!File.Exists(file))
            {
                bag.Add(scenarioNode.Diagnostic($"no scenario file '{relative}' (looked for {file})", "scenario paths are relative to the budgets file"));
                loaded = null;
            }
            else
            {
                loaded = bag.Capture(() =>
                {
                    var s = ScenarioLoader.Load(file);
                    return ((Scenario, ScenarioIdentity)?)(s, ScenarioIdentity.FromFile(s));
                });
            }

            scenarios[file] = loaded;
        }

        if (loaded is not { } found)
        {
            return null;
        }

        if (years is null && found.Item1.Timeline.Count == 0)
        {
            bag.Add(scenarioNode.Diagnostic($"'{relative}' has no timeline to replay", "give 'years:' to run it for simulated years of random failures"));
            return null;
        }

        return new BudgetSubject(found.Item1, found.Item2, file.Replace('\\', '/'), years);
    }

    private static Settings ReadSettings(MapNode map, Settings inherited, DiagnosticBag bag)
    {
        var s = inherited;
        if (map.OptionalScalar("replications") is { } r && bag.Capture(() => Count(r, MinReplications)) is long n and > 0)
        {
            s = s with { Replications = n };
        }

        if (map.OptionalScalar("max_replications") is { } m && bag.Capture(() => Count(m, MinReplications)) is long cap and > 0)
        {
            s = s with { MaxReplications = cap };
        }

        if (map.OptionalScalar("confidence") is { } c)
        {
            double confidence = bag.Capture(() => Fractions.Parse(c) is var f && f >= 0.5 && f < 1
                ? f
                : throw c.Error($"confidence '{c.Value}' is out of range", "give a level from 50% to below 100%, e.g. 95% or 99%"));
            if (confidence > 0)
            {
                s = s with { Confidence = confidence };
            }
        }

        if (bag.Capture(() => map.OptionalScalar("regression")) is { } g)
        {
            s = s with { RegressionNode = g };
        }

        if (map.OptionalScalar("seed") is { } seedNode)
        {
            ulong? seed = bag.Capture(() => ulong.TryParse(seedNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? (ulong?)v
                : throw seedNode.Error($"'{seedNode.Value}' is not a seed", "use a whole number from 0 to 18446744073709551615"));
            if (seed is { } value)
            {
                s = s with { Seed = value };
            }
        }

        return s;
    }

    private static long Count(ScalarNode node, long min)
    {
        int value = Values.ParseCount(node, (int)min, (int)MaxReplicationsLimit);
        return value;
    }

    /// <summary>
    /// <c>10%</c> is a share of the baseline's estimate; an amount is written in the figure's unit
    /// (<c>5 s</c>, <c>1 MiB</c>, <c>2</c>), and for figures that are fractions in percentage points (<c>0.05 pp</c>).
    /// </summary>
    private static Tolerance ReadTolerance(ScalarNode node, FigureUnit unit)
    {
        string text = node.Value.Trim();
        if (text.EndsWith('%'))
        {
            if (!Fractions.TryParse(text, out double share, out var error))
            {
                throw node.Error(error.Message, error.Suggestion);
            }

            return new Tolerance(share, true);
        }

        if (unit == FigureUnit.Fraction)
        {
            // A percentage is a share; an amount of a fraction is written in percentage points.
            if (text.EndsWith("pp", StringComparison.Ordinal) && Values.TryParseNumber(text[..^2], out double points, out _) && points >= 0)
            {
                return new Tolerance(points / 100, false);
            }

            throw node.Error($"'{text}' is not a tolerance for a fraction", "write a share of the baseline ('10%') or percentage points ('0.5 pp')");
        }

        return FigureUnits.TryParse(text, unit, "tolerance", out double amount, out var unitError)
            ? new Tolerance(amount, false)
            : throw node.Error(unitError.Message, unitError.Suggestion ?? "write a share of the baseline, e.g. '10%', or an amount in the figure's unit");
    }

    private sealed record Settings(long Replications, long? MaxReplications, double Confidence, ScalarNode? RegressionNode, ulong Seed);
}
