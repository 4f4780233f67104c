namespace HaSim.Model.Presets;

/// <summary>The shipped presets, one for each seed system.</summary>
public static class PresetCatalog
{
    private static readonly Lazy<IReadOnlyList<Preset>> AllPresets = new(() =>
    [
        SerenDbPreset.Create(),
        AivenPresets.Startup(),
        AivenPresets.Business(),
        AivenPresets.Premium(),
        AzurePresets.NonHa(),
        AzurePresets.SameZoneHa(),
        AzurePresets.ZoneRedundantHa(),
    ]);

    /// <summary>Every preset, in a fixed order.</summary>
    public static IReadOnlyList<Preset> All => AllPresets.Value;

    /// <summary>The preset named <paramref name="name"/>, or null.</summary>
    public static Preset? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
