using System.Text.Json;
using HaSim.Analysis.Budgets;
using HaSim.Reports.Schemas;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Fleet;
using HaSim.Scenarios.Yaml;
using Json.Schema;

namespace HaSim.Cli.Tests;

/// <summary>The published JSON Schemas are the generated ones, and they accept every shipped file and refuse what the loaders refuse.</summary>
public sealed class SchemaTests
{
    private const string Regenerate = "run 'hasim schema --out schemas' (from the repository root: dotnet run --project src/HaSim.Cli -c Release -- schema --out schemas) and commit schemas/";

    private static readonly Dictionary<string, JsonSchema> Compiled = FileSchemas.All.ToDictionary(
        s => s.Kind,
        s => JsonSchema.FromText(s.Write(), baseUri: new Uri($"https://hasim.invalid/schemas/{s.FileName}")));

    [Fact]
    public void The_published_schemas_are_the_generated_ones_byte_for_byte()
    {
        string folder = Path.Combine(RepoPaths.Root, "schemas");
        foreach (var schema in FileSchemas.All)
        {
            string path = Path.Combine(folder, schema.FileName);
            Assert.True(File.Exists(path), $"schemas/{schema.FileName} is missing: {Regenerate}");
            Assert.True(File.ReadAllText(path) == schema.Write(), $"schemas/{schema.FileName} differs from what the grammar and catalogs give: {Regenerate}");
        }

        var published = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(FileSchemas.All.Select(s => s.FileName).Order(StringComparer.Ordinal), published);
    }

    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.EnumerateFiles(RepoPaths.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_file_names_its_schema_on_its_first_line_and_validates_against_it(string file)
    {
        string path = Path.Combine(RepoPaths.Root, file);
        string text = File.ReadAllText(path);
        string kind = KindOf(path);
        string first = text.Split('\n')[0];
        const string Prefix = "# yaml-language-server: $schema=";
        Assert.StartsWith(Prefix, first, StringComparison.Ordinal);
        string named = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first[Prefix.Length..].TrimEnd('\r')));
        Assert.Equal(Path.Combine(RepoPaths.Root, "schemas", $"hasim-{kind}.schema.json"), named);

        var result = Evaluate(kind, text);
        Assert.True(result.IsValid, $"{file} does not validate against hasim-{kind}.schema.json:\n{Errors(result)}");
    }

    public static TheoryData<string, string, string, string> Refused() => new()
    {
        // kind, what is wrong, where (a JSON pointer), the file
        { "scenario", "unknown key", "/timelime", "preset: azure-non-ha\ntimelime: []\n" },
        { "scenario", "bad time unit", "/timeline/0/at", "preset: azure-non-ha\ntimeline:\n  - {at: 10 minutez, target: primary, fault: fail}\n" },
        { "scenario", "bare number as a duration", "/horizon", "preset: azure-non-ha\nhorizon: 600\n" },
        { "scenario", "bad size unit in a rate", "/workload/wal_rate", "preset: azure-non-ha\nworkload:\n  wal_rate: 5 MBs\n" },
        { "scenario", "unknown preset", "/preset", "preset: azure-zone-redundant\n" },
        { "scenario", "unknown fault kind", "/timeline/0/fault", "preset: azure-non-ha\ntimeline:\n  - {at: 10 min, target: primary, fault: explode}\n" },
        { "scenario", "unknown metric", "/expect/0/metric", "preset: azure-non-ha\nexpect:\n  - {metric: rtoo, max: 1 min}\n" },
        { "scenario", "parameter of another architecture", "/parameters/failover.promote", "preset: serverless\nparameters:\n  failover.promote: 30 s\n" },
        { "scenario", "two distribution kinds", "/parameters/engine.restart", "preset: azure-non-ha\nparameters:\n  engine.restart: {uniform: [1 s, 2 s], constant: 3 s}\n" },
        { "fleet", "unknown group key", "/fleet/groups/0/size", "fleet:\n  groups:\n    - {name: a, preset: serverless, count: 2, size: 3}\n" },
        { "fleet", "count out of range", "/fleet/groups/0/count", "fleet:\n  groups:\n    - {name: a, preset: serverless, count: 0}\n" },
        { "budgets", "unknown budget key", "/budgets/0/sorce", "budgets:\n  - {name: a, preset: serverless, years: 1, goal: availability >= 99%, sorce: x}\n" },
        { "budgets", "bad budget name", "/budgets/0/name", "budgets:\n  - {name: A B, preset: serverless, years: 1, goal: availability >= 99%}\n" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_loader_refuses_the_schema_refuses(string kind, string problem, string where, string text)
    {
        string dir = CliHarness.TempDirectory();
        string path = Path.Combine(dir, "file.yaml");
        File.WriteAllText(path, text);
        Assert.Throws<ScenarioException>(() => Load(kind, path));
        var result = Evaluate(kind, text);
        Assert.False(result.IsValid, $"the {kind} schema accepts a file with a {problem}");
        Assert.Contains(result.Details ?? [], d => d.Errors is { Count: > 0 } && d.InstanceLocation.ToString() == where);
    }

    [Fact]
    public void A_parameter_override_is_checked_against_its_presets_catalog()
    {
        Assert.True(Evaluate("scenario", "preset: azure-zone-redundant-ha\nparameters:\n  failover.promote: {lognormal: {median: 30 s, p99: 2 min}}\n").IsValid);
        Assert.False(Evaluate("scenario", "preset: azure-zone-redundant-ha\nparameters:\n  failover.promote: {lognormal: {median: 30 s}}\n").IsValid);
    }

    [Theory]
    [InlineData("45 s", true)]
    [InlineData("{constant: 45 s}", true)]
    [InlineData("{uniform: {min: 10 s, max: 20 s}}", true)]
    [InlineData("{uniform: [10 s, 20 s]}", true)]
    [InlineData("{lognormal: {median: 30 s, p99: 2 min}}", true)]
    [InlineData("{lognormal: {median: 30 s, p95: 2 min}}", true)]
    [InlineData("{lognormal: {mean: 30 s, sd: 10 s}}", true)]
    [InlineData("{exponential: {mean: 30 s}}", true)]
    [InlineData("{exponential: {rate: 2 per min}}", true)]
    [InlineData("{weibull: {shape: 1.5, scale: 30 s}}", true)]
    [InlineData("{normal: {mean: 30 s, sd: 5 s}}", true)]
    [InlineData("{normal: {mean: 30 s, sd: 5 s, min: 10 s, max: 50 s}}", true)]
    [InlineData("{empirical: [10 s, 20 s, 30 s]}", true)]
    [InlineData("45", false)]
    [InlineData("{}", false)]
    [InlineData("{uniform: [10 s]}", false)]
    [InlineData("{uniform: {min: 10 s}}", false)]
    [InlineData("{lognormal: {median: 30 s}}", false)]
    [InlineData("{lognormal: {median: 30 s, p95: 1 min, p99: 2 min}}", false)]
    [InlineData("{lognormal: {median: 30 s, sd: 10 s}}", false)]
    [InlineData("{exponential: {mean: 30 s, rate: 2 per min}}", false)]
    [InlineData("{exponential: 30 s}", false)]
    [InlineData("{weibull: {shape: 1.5}}", false)]
    [InlineData("{normal: {mean: 30 s}}", false)]
    [InlineData("{empirical: []}", false)]
    [InlineData("{gamma: {shape: 2, scale: 30 s}}", false)]
    [InlineData("{mean: 30 s}", false)]
    [InlineData("{uniform: [10 s, 20 s], constant: 3 s}", false)]
    public void A_distribution_is_accepted_by_the_schema_exactly_when_the_loader_reads_it(string distribution, bool valid)
    {
        string text = $"preset: azure-zone-redundant-ha\nparameters:\n  failover.promote: {distribution}\n";
        bool loads = true;
        try
        {
            ScenarioLoader.Parse(text, "distribution.yaml");
        }
        catch (ScenarioException)
        {
            loads = false;
        }

        Assert.Equal(valid, loads);
        Assert.Equal(valid, Evaluate("scenario", text).IsValid);
    }

    [Fact]
    public void The_readme_scenario_example_loads_and_validates()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int section = readme.IndexOf("## Scenario files", StringComparison.Ordinal);
        int start = readme.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        ScenarioLoader.Parse(yaml, "README.md");
        var result = Evaluate("scenario", yaml);
        Assert.True(result.IsValid, Errors(result));
    }

    [Fact]
    public void Hasim_schema_prints_the_published_schema()
    {
        var (exit, output, _) = CliHarness.Run("schema", "scenario");
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "hasim-scenario.schema.json")), output);
    }

    [Fact]
    public void Hasim_schema_out_writes_every_kind()
    {
        string dir = CliHarness.TempDirectory();
        var (exit, _, _) = CliHarness.Run("schema", "--out", dir);
        Assert.Equal(0, exit);
        foreach (var schema in FileSchemas.All)
        {
            Assert.Equal(schema.Write(), File.ReadAllText(Path.Combine(dir, schema.FileName)));
        }
    }

    [Theory]
    [InlineData("scenaro", "did you mean 'scenario'?")]
    [InlineData("budget", "did you mean 'budgets'?")]
    [InlineData("sweep", "no sweep file format")]
    public void An_unknown_kind_is_bad_input(string kind, string message)
    {
        var (exit, _, error) = CliHarness.Run("schema", kind);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static string KindOf(string path)
    {
        var root = YamlDocumentReader.Load(path);
        return root.ContainsKey("budgets") ? "budgets" : FleetScenarioLoader.IsFleet(root) ? "fleet" : "scenario";
    }

    private static void Load(string kind, string path)
    {
        switch (kind)
        {
            case "budgets":
                BudgetFileLoader.Load(path);
                break;
            case "fleet":
                FleetScenarioLoader.Load(path);
                break;
            default:
                ScenarioLoader.Load(path);
                break;
        }
    }

    private static EvaluationResults Evaluate(string kind, string yaml) =>
        Compiled[kind].Evaluate(YamlAsJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults result) => string.Join("\n", (result.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation}: {e.Key}: {e.Value}"))
        .Take(20));
}
