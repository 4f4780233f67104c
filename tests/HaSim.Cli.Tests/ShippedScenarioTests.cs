using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Tests;

/// <summary>Every shipped scenario runs and reproduces the figure or band its seed document states.</summary>
public class ShippedScenarioTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in RepoPaths.ShippedScenarioFiles())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_scenario_meets_every_expectation_it_states(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, file));
        var result = ScenarioRunner.Run(scenario);

        Assert.NotEmpty(scenario.Expectations);
        Assert.All(result.Expectations, e => Assert.True(
            e.Passed,
            $"{file}:{e.Expectation.Line}: {e.Expectation.Metric} {e.Expectation.Subject} measured {e.Actual?.ToString() ?? "nothing"}, expected [{e.Expectation.Min}, {e.Expectation.Max}] ({e.Expectation.Source})"));
    }

    [Fact]
    public void Every_seed_system_ships_with_scenarios_covering_its_failure_tables()
    {
        var files = RepoPaths.ShippedScenarioFiles().ToList();
        Assert.True(files.Count >= 25, $"only {files.Count} scenarios");
        var presets = files.Select(f => ScenarioLoader.Load(Path.Combine(RepoPaths.Root, f)).Preset.Name).ToHashSet();
        foreach (var p in HaSim.Model.Presets.PresetCatalog.All)
        {
            Assert.Contains(p.Name, presets);
        }
    }

    [Fact]
    public void Every_shipped_scenario_names_its_seed_source_in_a_header_comment()
    {
        foreach (var f in RepoPaths.ShippedScenarioFiles())
        {
            string head = File.ReadAllText(Path.Combine(RepoPaths.Root, f));
            Assert.Matches("(?m)^# .*(Seed 00[012]|seed 00[012]|parameters\\.md)", head);
        }
    }
}
