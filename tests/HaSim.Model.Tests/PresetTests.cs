using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;

namespace HaSim.Model.Tests;

/// <summary>Presets carry the seeds' figures, each with a source; guesses are labelled.</summary>
public class PresetTests
{
    public static TheoryData<string> Names() => [.. PresetCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_parameter_has_a_source_and_every_guess_is_labelled(string name)
    {
        var preset = PresetCatalog.Find(name)!;
        Assert.All(preset.Parameters.Values, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value.Source.Citation), kv.Key));
        Assert.All(
            preset.Parameters.Values.Where(kv => kv.Value.Source.Citation.Contains("GUESS", StringComparison.Ordinal)),
            kv => Assert.True(kv.Value.Source.IsAssumption, $"{kv.Key} quotes a GUESS but is not labelled an assumption"));
        Assert.All(
            preset.Parameters.Values.Where(kv => !kv.Value.Source.IsAssumption),
            kv => Assert.Matches("seed 00[012]|parameters.md|scenario override", kv.Value.Source.Citation));
    }

    [Fact]
    public void Azure_presets_state_seed_002_figures()
    {
        foreach (var name in new[] { "azure-same-zone-ha", "azure-zone-redundant-ha" })
        {
            var p = PresetCatalog.Find(name)!.Parameters;
            Assert.Equal(40e6, p.Get(ServerParameters.ReplayRate));
            Assert.Equal(300, p.Get(ServerParameters.StandbyRebuild).Quantile(0));
            Assert.Equal(600, p.Get(ServerParameters.StandbyRebuild).Quantile(1));
            Assert.Equal("synchronous", p.Get(ServerParameters.ReplicationMode));
            Assert.Equal(1, p.Get(ServerParameters.StandbyCount));
        }

        Assert.Equal(0.9999, PresetCatalog.Find("azure-zone-redundant-ha")!.SlaTarget);
        Assert.Equal(0.9995, PresetCatalog.Find("azure-same-zone-ha")!.SlaTarget);
        Assert.Equal(0.999, PresetCatalog.Find("azure-non-ha")!.SlaTarget);
        Assert.True(PresetCatalog.Find("azure-same-zone-ha")!.Parameters.Get(ServerParameters.SameZone));
        Assert.False(PresetCatalog.Find("azure-zone-redundant-ha")!.Parameters.Get(ServerParameters.SameZone));
        Assert.True(PresetCatalog.Find("azure-non-ha")!.Parameters.Get(ServerParameters.StorageSurvives));
    }

    [Fact]
    public void Aiven_presets_state_seed_001_plans_and_backup_history()
    {
        Assert.Equal(ModelKind.NodeReplacement, PresetCatalog.Find("aiven-startup")!.Model);
        Assert.Equal(1, PresetCatalog.Find("aiven-business")!.Parameters.Get(ServerParameters.StandbyCount));
        Assert.Equal(2, PresetCatalog.Find("aiven-premium")!.Parameters.Get(ServerParameters.StandbyCount));
        Assert.Equal(1 * 86400, PresetCatalog.Find("aiven-startup")!.Parameters.Get(ServerParameters.Retention));
        Assert.Equal(3 * 86400, PresetCatalog.Find("aiven-business")!.Parameters.Get(ServerParameters.Retention));
        Assert.Equal(13 * 86400, PresetCatalog.Find("aiven-premium")!.Parameters.Get(ServerParameters.Retention));
        Assert.False(PresetCatalog.Find("aiven-startup")!.Parameters.Get(ServerParameters.StorageSurvives));
    }

    [Fact]
    public void Serverless_preset_states_seed_000_and_neon_figures()
    {
        var p = PresetCatalog.Find("serverless")!.Parameters;
        Assert.Equal(300, p.Get(ServerlessParameters.UnresponsiveDetection).Mean);
        Assert.Equal(3, p.Get(ServerlessParameters.SafekeeperCount));
        Assert.Equal(2, p.Get(ServerlessParameters.SafekeeperQuorum));
        Assert.Equal(0.5, p.Get(ServerlessParameters.StartFromPool).Quantile(0.5), 9);
        Assert.Equal(3, p.Get(ServerlessParameters.StartFromPool).Quantile(0.99), 9);
    }

    [Fact]
    public void A_parameter_set_refuses_unknown_missing_and_mistyped_values()
    {
        var p = PresetCatalog.Find("serverless")!.Parameters;
        var source = ParameterSource.Assumed("test");
        Assert.Throws<ArgumentException>(() => p.With("no.such.key", ParameterValue.Seconds(1, source)));
        Assert.Throws<ArgumentException>(() => p.With("safekeeper.count", ParameterValue.Seconds(1, source)));
        Assert.Throws<ArgumentException>(() => new ParameterSet(p.Catalog, new Dictionary<string, ParameterValue>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterValue.Of(ParameterKind.Count, 1.5, source));
        Assert.Equal(5, p.With("safekeeper.count", ParameterValue.Of(ParameterKind.Count, 5, source)).Get(ServerlessParameters.SafekeeperCount));
        Assert.Throws<ParameterRuleException>(() => p.With("safekeeper.quorum", ParameterValue.Of(ParameterKind.Count, 4, source)));
        Assert.Throws<ArgumentException>(() => p.With("safekeeper.count", ParameterValue.Of(ParameterKind.Count, 0, source)));
    }
}
