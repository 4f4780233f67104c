using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.Tests.MonteCarlo;

internal static class MonteCarloTestData
{
    public static Scenario Preset(string preset, string extra = "") => ScenarioLoader.Parse($"preset: {preset}\n{extra}", $"{preset}.yaml");

    public static ScenarioIdentity Identity(Scenario s, string extra = "") => ScenarioIdentity.From(s, $"preset: {s.Preset.Name}\n{extra}");

    public static string Text(MonteCarloAccumulator a) => JsonText.Write(a.ToJson());

    public static PartialResult Shard(Scenario s, MonteCarloSettings settings, int index, int count, int threads = 1) =>
        new(Identity(s), settings, new ShardSpec(index, count), MonteCarloRunner.Run(s, settings, new ShardSpec(index, count), threads));
}
