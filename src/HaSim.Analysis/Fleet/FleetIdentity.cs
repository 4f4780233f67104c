using System.Security.Cryptography;
using System.Text;
using HaSim.Model.Capacity;
using HaSim.Model.Presets;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// Which fleet scenario a result belongs to: its name, its groups, and a hash of the scenario text
/// (SHA-256, line endings normalised to LF), so partial results of different or edited fleets are never merged.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Databases">Databases in the fleet.</param>
/// <param name="Groups">Each group: name, preset, model and count.</param>
/// <param name="Hash">"sha256:" and the hex digest of the scenario text.</param>
/// <param name="Capacity">The shared capacity's parameters as run, by key.</param>
public sealed record FleetIdentity(string Name, int Databases, IReadOnlyList<FleetGroupIdentity> Groups, string Hash, IReadOnlyList<FleetCapacityValue> Capacity)
{
    /// <summary>The identity of <paramref name="scenario"/> loaded from <paramref name="text"/>.</summary>
    public static FleetIdentity From(FleetScenario scenario, string text)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(text);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return new FleetIdentity(
            scenario.Name,
            scenario.DatabaseCount,
            [.. scenario.Groups.Select(g => new FleetGroupIdentity(g.Name, g.Preset.Name, g.Preset.Model.Name(), g.Count))],
            "sha256:" + Convert.ToHexStringLower(digest),
            [.. scenario.Capacity.Values.Where(kv => Applies(scenario, kv.Key)).Select(kv => new FleetCapacityValue(kv.Key, kv.Value.Display(), kv.Value.Source.ToString()))]);
    }

    /// <summary>Whether capacity parameter <paramref name="key"/> matters to the fleet's architectures.</summary>
    private static bool Applies(FleetScenario scenario, string key) =>
        (scenario.HasServerless && CapacityParameters.Serverless.Any(p => p.Key == key)) || (scenario.HasServers && CapacityParameters.Servers.Any(p => p.Key == key));

    /// <summary>The identity of <paramref name="scenario"/>, hashing the file it was loaded from.</summary>
    public static FleetIdentity FromFile(FleetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return From(scenario, File.ReadAllText(scenario.FilePath));
    }

    /// <summary>Two identities name the same run's scenario.</summary>
    public bool SameAs(FleetIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Hash == other.Hash && Databases == other.Databases && Groups.SequenceEqual(other.Groups) && Capacity.SequenceEqual(other.Capacity);
    }
}

/// <summary>One group of a fleet, as results name it.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Model">Its architecture (model kind name).</param>
/// <param name="Count">Its databases.</param>
public sealed record FleetGroupIdentity(string Name, string Preset, string Model, int Count);

/// <summary>One shared-capacity parameter of a fleet run.</summary>
/// <param name="Key">The parameter's key, e.g. <c>compute.spare_slots_per_az</c>.</param>
/// <param name="Value">Its value for display, e.g. "50".</param>
/// <param name="Source">Where the value comes from ("ASSUMPTION: ..." for labelled assumptions).</param>
public sealed record FleetCapacityValue(string Key, string Value, string Source);
