using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;
using HaSim.Reports.MonteCarlo;
using HaSim.Reports.Presets;
using HaSim.Reports.Scripted;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Tests;

/// <summary>
/// Every number HaSim prints or writes is culture-invariant: the reports, rendered by the libraries
/// directly under cultures with a decimal comma, other digits and other casing rules, are byte-identical
/// to the invariant rendering (and the command line forces the invariant culture besides).
/// </summary>
public class CultureTests
{
    public static TheoryData<string> Cultures() => ["de-DE", "tr-TR", "ar-SA", "fa-IR", "fr-CH"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_cultures_are_real(string culture)
    {
        // Under invariant globalization every culture would format like the invariant one and prove nothing.
        Assert.NotEqual("1.5", 1.5.ToString(CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Reports_are_the_same_under_any_culture(string culture)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, "scenarios", "azure", "zone-redundant-primary-failure.yaml"));
        var expected = Under(CultureInfo.InvariantCulture, () => Render(scenario));
        var actual = Under(CultureInfo.GetCultureInfo(culture), () => Render(scenario));
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"output {i} differs under {culture}:\n{Around(expected[i], actual[i])}");
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_command_line_prints_the_same_under_any_culture(string culture)
    {
        string[][] commands = [["presets", "--show", "serverless"], ["presets", "--format", "json"]];
        foreach (var args in commands)
        {
            var expected = Under(CultureInfo.InvariantCulture, () => CliHarness.Run(args));
            Assert.Equal(expected, Under(CultureInfo.GetCultureInfo(culture), () => CliHarness.Run(args)));
        }
    }

    private static T Under<T>(CultureInfo culture, Func<T> run)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>The two texts around where they first differ, so a failure shows the offending number.</summary>
    private static string Around(string expected, string actual)
    {
        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        int from = Math.Max(0, at - 80);
        string Window(string s) => s[Math.Min(from, s.Length)..Math.Min(s.Length, at + 80)];
        return $"expected: ...{Window(expected)}...\nactual:   ...{Window(actual)}...";
    }

    private static List<string> Render(Scenario scenario)
    {
        var result = ScenarioRunner.Run(scenario);
        var settings = MonteCarloSettings.For(scenario, 1, 4, 1);
        var summary = MonteCarloRunner.Run(scenario, settings, ShardSpec.Whole, 1).Summarise(ScenarioIdentity.FromFile(scenario));
        return
        [
            .. PresetCatalog.All.Select(PresetReport.Describe), PresetReport.Json(PresetCatalog.All), PresetReport.List(PresetCatalog.All),
            TimelineReport.Render(result), ScenarioResultJson.Summary(result), IncidentsCsv.Render(result.Incidents), ScenarioResultJson.TraceLines(result.Trace),
            MonteCarloReport.Render(summary), MonteCarloJson.Summary(summary),
        ];
    }
}
