using System.Security.Cryptography;
using System.Text;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Which scenario a Monte Carlo result belongs to: its name, preset and model, and a hash of the
/// scenario text (SHA-256 of the file with line endings normalised to LF), so partial results of
/// different scenarios, or of an edited file, are never merged.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Model">The architecture (model kind name).</param>
/// <param name="Hash">"sha256:" and the hex digest of the scenario text.</param>
public sealed record ScenarioIdentity(string Name, string Preset, string Model, string Hash)
{
    /// <summary>The identity of <paramref name="scenario"/> loaded from <paramref name="text"/>.</summary>
    public static ScenarioIdentity From(Scenario scenario, string text)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return new ScenarioIdentity(scenario.Name, scenario.Preset.Name, scenario.Preset.Model.Name(), "sha256:" + Convert.ToHexStringLower(digest));
    }

    /// <summary>The identity of <paramref name="scenario"/>, hashing the text it was loaded from (read again, bounded, if it was built in code).</summary>
    public static ScenarioIdentity FromFile(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return From(scenario, scenario.SourceText ?? HaSim.Scenarios.Yaml.YamlDocumentReader.ReadText(scenario.FilePath));
    }
}
