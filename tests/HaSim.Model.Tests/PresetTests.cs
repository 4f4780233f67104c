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
            Assert.Equal(40e6, p.ByteRate("replication.replay_rate"));
            Assert.Equal(300, p.Duration("standby.rebuild").Quantile(0));
            Assert.Equal(600, p.Duration("standby.rebuild").Quantile(1));
            Assert.Equal("synchronous", p.Choice("replication.mode"));
            Assert.Equal(1, p.Count("standby.count"));
        }

        Assert.Equal(0.9999, PresetCatalog.Find("azure-zone-redundant-ha")!.SlaTarget);
        Assert.Equal(0.9995, PresetCatalog.Find("azure-same-zone-ha")!.SlaTarget);
        Assert.Equal(0.999, PresetCatalog.Find("azure-non-ha")!.SlaTarget);
        Assert.True(PresetCatalog.Find("azure-same-zone-ha")!.Parameters.Flag("standby.same_zone"));
        Assert.False(PresetCatalog.Find("azure-zone-redundant-ha")!.Parameters.Flag("standby.same_zone"));
        Assert.True(PresetCatalog.Find("azure-non-ha")!.Parameters.Flag("storage.survives_server_loss"));
    }

    [Fact]
    public void Aiven_presets_state_seed_001_plans_and_backup_history()
    {
        Assert.Equal(ModelKind.NodeReplacement, PresetCatalog.Find("aiven-startup")!.Model);
        Assert.Equal(1, PresetCatalog.Find("aiven-business")!.Parameters.Count("standby.count"));
        Assert.Equal(2, PresetCatalog.Find("aiven-premium")!.Parameters.Count("standby.count"));
        Assert.Equal(1 * 86400, PresetCatalog.Find("aiven-startup")!.Parameters.Duration("backup.retention").Mean);
        Assert.Equal(3 * 86400, PresetCatalog.Find("aiven-business")!.Parameters.Duration("backup.retention").Mean);
        Assert.Equal(13 * 86400, PresetCatalog.Find("aiven-premium")!.Parameters.Duration("backup.retention").Mean);
        Assert.False(PresetCatalog.Find("aiven-startup")!.Parameters.Flag("storage.survives_server_loss"));
    }

    [Fact]
    public void Serverless_preset_states_seed_000_and_neon_figures()
    {
        var p = PresetCatalog.Find("serverless")!.Parameters;
        Assert.Equal(300, p.Duration("compute.unresponsive_detection").Mean);
        Assert.Equal(3, p.Count("safekeeper.count"));
        Assert.Equal(2, p.Count("safekeeper.quorum"));
        Assert.Equal(0.5, p.Duration("compute.start_from_pool").Quantile(0.5), 9);
        Assert.Equal(3, p.Duration("compute.start_from_pool").Quantile(0.99), 9);
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
        Assert.Equal(5, p.With("safekeeper.count", ParameterValue.Of(ParameterKind.Count, 5, source)).Count("safekeeper.count"));
    }
}
